import { describe, expect, it } from "@jest/globals";
import { checkTemplateCreation, creationRules, type TemplateCreation, type TemplateRuleIssue, templateCreateBody } from "../src/index.js";
import { imageHeader, orderUpdate } from "./fixtures/definition-parts.js";
import { authenticationCopyCodeBody, orderConfirmationBody } from "./fixtures/documented-templates.js";

// Every creation rule of templates-management.md §2: a body that breaks it fails with the rule's id
// and path; the reference's valid examples pass.

type Body = { [key: string]: unknown };
const chars = (n: number, c = "x"): string => c.repeat(n);
const rules = (body: unknown): string[] => checkTemplateCreation(body).map((issue) => `${issue.rule} @ ${issue.path}`);

/** A valid UTILITY template with every common part; each case below breaks one thing. */
const utility = (): Body => ({
  name: "order_update",
  ...orderUpdate({ type: "HEADER", format: "TEXT", text: "Order {{1}} update", example: { header_text: ["42"] } }),
});
const named = (): Body => orderConfirmationBody();
const authentication = (): Body => authenticationCopyCodeBody();
/** A create body in en_US: its name, its category and its components. */
const createBody = (name: string, category: string, components: readonly object[]): Body => ({
  name,
  language: "en_US",
  category,
  components,
});
const card = (quickReply = "More") => ({
  components: [
    imageHeader("4::aW1hZ2U="),
    { type: "BODY", text: "Rare succulent {{1}} for you.", example: { body_text: [["Echeveria"]] } },
    {
      type: "BUTTONS",
      buttons: [
        { type: "QUICK_REPLY", text: quickReply },
        { type: "URL", text: "Buy", url: "https://example.com/p/{{1}}", example: ["echeveria"] },
      ],
    },
  ],
});
const carousel = (): Body =>
  createBody("summer_picks", "MARKETING", [
    { type: "BODY", text: "Our summer picks for you, {{1}}.", example: { body_text: [["Ana"]] } },
    { type: "CAROUSEL", cards: [card(), card()] },
  ]);
const offer = (): Body =>
  createBody("limited_offer", "MARKETING", [
    imageHeader("4::aW1n"),
    { type: "LIMITED_TIME_OFFER", limited_time_offer: { text: "Expiring offer!", has_expiration: true } },
    { type: "BODY", text: "Good news, {{1}}! Use code {{2}} for 25% off.", example: { body_text: [["Pablo", "CARIBE25"]] } },
    {
      type: "BUTTONS",
      buttons: [
        { type: "COPY_CODE", example: "CARIBE25" },
        { type: "URL", text: "Book now!", url: "https://example.com/?code={{1}}", example: ["https://example.com/?code=CARIBE25"] },
      ],
    },
  ]);
const oneTap = (): Body =>
  createBody("one_tap_code", "AUTHENTICATION", [
    { type: "BODY" },
    {
      type: "BUTTONS",
      buttons: [
        {
          type: "OTP",
          otp_type: "ONE_TAP",
          text: "Copy Code",
          autofill_text: "Autofill",
          supported_apps: [{ package_name: "com.example.luckyshrub", signature_hash: "K8a/AINcGX7" }],
        },
      ],
    },
  ]);

/** A copy of `body` with `change` applied to it (the copy may be mutated freely). */
const edit = (body: Body, change: (copy: Body & { components: Body[] }) => void): Body => {
  const copy = structuredClone(body) as Body & { components: Body[] };
  change(copy);
  return copy;
};
const part = (copy: { components: Body[] }, index: number): Body => copy.components[index] as Body;
/** A copy of `body` whose component `index` has this `text`. */
const withText = (body: Body, index: number, text: unknown): Body => edit(body, (c) => Object.assign(part(c, index), { text }));
/** The components of carousel card `index` (the carousel is components[1]). */
const cardParts = (copy: { components: Body[] }, index: number): Body[] =>
  ((part(copy, 1).cards as Body[])[index] as Body).components as Body[];
const buttonsOf = (copy: { components: Body[] }, index = 3): Body[] => part(copy, index).buttons as Body[];

describe("checkTemplateCreation: valid bodies", () => {
  it.each([
    ["the reference's named example [TF]", named()],
    ["the reference's copy-code authentication example [AUTH]", authentication()],
    ["a utility template with a text header, footer and three button types", utility()],
    ["a media card carousel", carousel()],
    ["a limited-time offer", offer()],
    ["a one-tap authentication template", oneTap()],
    [
      "a zero-tap authentication template",
      edit(oneTap(), (c) => {
        Object.assign(buttonsOf(c, 1)[0] as Body, { otp_type: "ZERO_TAP", zero_tap_terms_accepted: true });
      }),
    ],
    ["fil, one of the codes a library's pattern misses (§6.14)", { ...utility(), language: "fil" }],
    ["prs_AF", { ...utility(), language: "prs_AF" }],
    ["the obsolete allow_category_change, which libraries still send", { ...utility(), allow_category_change: true }],
    ["quick replies after other buttons", edit(utility(), (c) => buttonsOf(c).reverse())],
    [
      "a flow button, a location header",
      edit(utility(), (c) => {
        c.components[0] = { type: "HEADER", format: "LOCATION" };
        c.components[3] = { type: "BUTTONS", buttons: [{ type: "FLOW", text: "Book", flow_id: "123", flow_action: "navigate" }] };
      }),
    ],
  ])("%s passes", (_, body) => {
    expect(checkTemplateCreation(body)).toEqual([]);
  });
});

/** Body texts of the utility template (its components[1]) that break one variable rule each, by rule. */
const badBodyTexts: [rule: string, texts: string[]][] = [
  ["variable-malformed", ["Hi {{1}}, your order {{#2}} ships.", "Hi {{1}}, your order {{ 2 }} ships.", "Hi {{1}}, your order {{2 ships."]],
  ["variables-sequential", ["Hi {{1}}, your order {{3}} ships.", "Hi {{2}}, your order {{1}} ships."]],
  ["variables-adjacent", ["Hi {{1}}{{2}} ships.", "Hi {{1}} {{2}} ships."]],
  ["variable-at-edge", ["{{1}}, your order {{2}} ships.", "Hi {{1}}, your order is {{2}}"]],
];
const bodyTextCases = badBodyTexts.flatMap(([rule, texts]) =>
  texts.map((text): [string, string, Body] => [rule, "components[1].text", withText(utility(), 1, text)]),
);

/** [rule, path, body that breaks it]: one row per rule. */
const cases: [string, string, Body | unknown][] = [
  ["template-object", "(body)", "not an object"],
  ["unknown-field", "status", { ...utility(), status: "APPROVED" }],
  ["field-type", "sub_category", { ...utility(), sub_category: 5 }],
  ["name-required", "name", { ...utility(), name: "" }],
  ["name-charset", "name", { ...utility(), name: "Order-Update" }],
  ["name-length", "name", { ...utility(), name: chars(513, "a") }],
  ["language-code", "language", { ...utility(), language: "en-US" }],
  ["category", "category", { ...utility(), category: "TRANSACTIONAL" }],
  ["parameter-format", "parameter_format", { ...utility(), parameter_format: "ordinal" }],
  ["message-send-ttl", "message_send_ttl_seconds", { ...utility(), message_send_ttl_seconds: 43_201 }],
  ["message-send-ttl", "message_send_ttl_seconds", { ...authentication(), message_send_ttl_seconds: 901 }],
  ["message-send-ttl", "message_send_ttl_seconds", { ...carousel(), message_send_ttl_seconds: -1 }],
  ["components-required", "components", { ...utility(), components: [] }],
  ["component-type", "components[2].type", edit(utility(), (c) => Object.assign(part(c, 2), { type: "SIGNATURE" }))],
  ["component-duplicate", "components[4].type", edit(utility(), (c) => c.components.push({ type: "FOOTER", text: "Again" }))],
  ["body-required", "components", edit(utility(), (c) => c.components.splice(1, 1))],
  ["body-text-required", "components[1].text", edit(utility(), (c) => Object.assign(part(c, 1), { text: undefined, example: undefined }))],
  ["body-text-length", "components[1].text", withText(utility(), 1, `Hi {{1}} and {{2}}.${chars(1006)}`)],
  ["body-text-length", "components[2].text", withText(offer(), 2, `Hi {{1}} and {{2}}.${chars(582)}`)],
  ["header-format", "components[0].format", edit(utility(), (c) => Object.assign(part(c, 0), { format: "AUDIO" }))],
  [
    "header-text-required",
    "components[0].text",
    edit(utility(), (c) => Object.assign(part(c, 0), { text: undefined, example: undefined })),
  ],
  ["header-text-length", "components[0].text", withText(utility(), 0, `Order {{1}} ${chars(50)}`)],
  ["header-variables-count", "components[0].text", withText(utility(), 0, "Order {{1}} of {{2}} here")],
  [
    "header-media-example",
    "components[0].example.header_handle",
    edit(carousel(), (c) => c.components.unshift({ type: "HEADER", format: "VIDEO" })),
  ],
  [
    "header-location-category",
    "components[0].format",
    edit(authentication(), (c) => c.components.unshift({ type: "HEADER", format: "LOCATION" })),
  ],
  [
    "header-gif-category",
    "components[0].format",
    edit(utility(), (c) => (c.components[0] = { type: "HEADER", format: "GIF", example: { header_handle: ["4::g"] } })),
  ],
  ["header-no-markdown", "components[0].text", withText(utility(), 0, "*Order* {{1}} update")],
  ["footer-text-required", "components[2].text", withText(utility(), 2, "")],
  ["footer-text-length", "components[2].text", withText(utility(), 2, chars(61))],
  ["footer-no-variables", "components[2].text", withText(utility(), 2, "Sent to {{1}}")],
  ...bodyTextCases,
  ["variables-mixed", "components[1].text", withText(utility(), 1, "Hi {{1}}, your order {{order}} ships.")],
  ["variables-mixed", "components[0].text", withText(named(), 0, "Thank you, {{1}}! Your order number is {{2}}.")],
  ["variable-name", "components[0].text", withText(named(), 0, "Thank you, {{First_Name}}! Your order is {{order_number}}.")],
  ["variable-example", "components[1].example", edit(utility(), (c) => Object.assign(part(c, 1), { example: undefined }))],
  [
    "variable-example",
    "components[1].example.body_text",
    edit(utility(), (c) => Object.assign(part(c, 1), { example: { body_text: [["Ana"]] } })),
  ],
  [
    "variable-example",
    "components[1].example.body_text",
    edit(utility(), (c) => Object.assign(part(c, 1), { example: { body_text: ["Ana", "42"] } })),
  ],
  [
    "variable-example",
    "components[0].example.header_text",
    edit(utility(), (c) => Object.assign(part(c, 0), { example: { header_text: [] } })),
  ],
  [
    "variable-example",
    "components[0].example.body_text_named_params",
    edit(named(), (c) => ((part(c, 0).example as Body).body_text_named_params as Body[]).pop()),
  ],
  [
    "variable-example",
    "components[0].example.body_text_named_params",
    edit(named(), (c) => ((part(c, 0).example as Body).body_text_named_params as Body[]).push({ param_name: "extra", example: "x" })),
  ],
  ["buttons-empty", "components[3].buttons", edit(utility(), (c) => Object.assign(part(c, 3), { buttons: [] }))],
  ["button-type", "components[3].buttons[0].type", edit(utility(), (c) => Object.assign(buttonsOf(c)[0] as Body, { type: "POSTBACK" }))],
  [
    "button-text-required",
    "components[3].buttons[0].text",
    edit(utility(), (c) => Object.assign(buttonsOf(c)[0] as Body, { text: undefined })),
  ],
  [
    "button-text-length",
    "components[3].buttons[0].text",
    edit(utility(), (c) => Object.assign(buttonsOf(c)[0] as Body, { text: chars(26) })),
  ],
  [
    "buttons-total",
    "components[3].buttons",
    edit(utility(), (c) => buttonsOf(c).unshift(...Array.from({ length: 8 }, () => ({ type: "QUICK_REPLY", text: "a" })))),
  ],
  [
    "button-type-count",
    "components[3].buttons",
    edit(utility(), (c) =>
      buttonsOf(c).push({ type: "QUICK_REPLY", text: "b" }, ...Array.from({ length: 9 }, () => ({ type: "QUICK_REPLY", text: "a" }))),
    ),
  ],
  [
    "button-type-count",
    "components[3].buttons",
    edit(utility(), (c) =>
      buttonsOf(c).push({ type: "URL", text: "a", url: "https://a.example" }, { type: "URL", text: "b", url: "https://b.example" }),
    ),
  ],
  [
    "button-type-count",
    "components[3].buttons",
    edit(utility(), (c) => buttonsOf(c).push({ type: "PHONE_NUMBER", text: "a", phone_number: "+1650" })),
  ],
  ["button-type-count", "components[3].buttons", edit(offer(), (c) => buttonsOf(c).push({ type: "COPY_CODE", example: "B" }))],
  [
    "button-type-count",
    "components[3].buttons",
    edit(utility(), (c) => buttonsOf(c).push({ type: "VOICE_CALL", text: "a" }, { type: "VOICE_CALL", text: "b" })),
  ],
  [
    "quick-replies-contiguous",
    "components[3].buttons[1]",
    edit(utility(), (c) => buttonsOf(c).splice(2, 0, { type: "QUICK_REPLY", text: "Again" })),
  ],
  ["url-required", "components[3].buttons[1].url", edit(utility(), (c) => Object.assign(buttonsOf(c)[1] as Body, { url: undefined }))],
  [
    "url-length",
    "components[3].buttons[1].url",
    edit(utility(), (c) => Object.assign(buttonsOf(c)[1] as Body, { url: `https://example.com/${chars(1990)}{{1}}` })),
  ],
  [
    "url-variable-at-end",
    "components[3].buttons[1].url",
    edit(utility(), (c) => Object.assign(buttonsOf(c)[1] as Body, { url: "https://example.com/{{1}}/track" })),
  ],
  [
    "url-variable-at-end",
    "components[3].buttons[1].url",
    edit(utility(), (c) => Object.assign(buttonsOf(c)[1] as Body, { url: "https://example.com/{{1}}/{{2}}" })),
  ],
  [
    "url-example",
    "components[3].buttons[1].example",
    edit(utility(), (c) => Object.assign(buttonsOf(c)[1] as Body, { example: undefined })),
  ],
  [
    "phone-number-required",
    "components[3].buttons[2].phone_number",
    edit(utility(), (c) => Object.assign(buttonsOf(c)[2] as Body, { phone_number: undefined })),
  ],
  [
    "phone-number-length",
    "components[3].buttons[2].phone_number",
    edit(utility(), (c) => Object.assign(buttonsOf(c)[2] as Body, { phone_number: `+${chars(20, "1")}` })),
  ],
  [
    "copy-code-example",
    "components[3].buttons[0].example",
    edit(offer(), (c) => Object.assign(buttonsOf(c)[0] as Body, { example: chars(16, "A") })),
  ],
  [
    "copy-code-example",
    "components[3].buttons[0].example",
    edit(offer(), (c) => Object.assign(buttonsOf(c)[0] as Body, { example: undefined })),
  ],
  [
    "flow-target",
    "components[3].buttons[0]",
    edit(
      utility(),
      (c) => (c.components[3] = { type: "BUTTONS", buttons: [{ type: "FLOW", text: "Book", flow_id: "1", flow_name: "booking" }] }),
    ),
  ],
  [
    "flow-target",
    "components[3].buttons[0].flow_json",
    edit(utility(), (c) => (c.components[3] = { type: "BUTTONS", buttons: [{ type: "FLOW", text: "Book", flow_json: "{not json" }] })),
  ],
  [
    "flow-action",
    "components[3].buttons[0].flow_action",
    edit(
      utility(),
      (c) => (c.components[3] = { type: "BUTTONS", buttons: [{ type: "FLOW", text: "Book", flow_id: "1", flow_action: "open" }] }),
    ),
  ],
  [
    "voice-call-ttl",
    "components[3].buttons[3].ttl_minutes",
    edit(utility(), (c) => buttonsOf(c).push({ type: "VOICE_CALL", text: "Call", ttl_minutes: 60 })),
  ],
  [
    "otp-authentication-only",
    "components[3].buttons[3].type",
    edit(utility(), (c) => buttonsOf(c).push({ type: "OTP", otp_type: "COPY_CODE" })),
  ],
  [
    "request-contact-info-category",
    "components[2].buttons[1].type",
    edit(authentication(), (c) => (part(c, 2).buttons as Body[]).push({ type: "REQUEST_CONTACT_INFO" })),
  ],
  ["authentication-no-text", "components[0].text", withText(authentication(), 0, "Your code is {{1}}.")],
  ["authentication-no-text", "components[1].text", withText(authentication(), 1, "Expires soon")],
  [
    "authentication-no-header",
    "components[0]",
    edit(authentication(), (c) => c.components.unshift({ type: "HEADER", format: "TEXT", text: "Code" })),
  ],
  [
    "authentication-otp-button",
    "components[2].buttons",
    edit(authentication(), (c) => (part(c, 2).buttons as Body[]).push({ type: "QUICK_REPLY", text: "Not me" })),
  ],
  ["authentication-otp-button", "components", edit(authentication(), (c) => c.components.pop())],
  [
    "otp-type",
    "components[2].buttons[0].otp_type",
    edit(authentication(), (c) => Object.assign((part(c, 2).buttons as Body[])[0] as Body, { otp_type: "magic_link" })),
  ],
  [
    "otp-supported-apps",
    "components[1].buttons[0].supported_apps",
    edit(oneTap(), (c) => Object.assign(buttonsOf(c, 1)[0] as Body, { supported_apps: undefined })),
  ],
  [
    "otp-supported-apps",
    "components[1].buttons[0].supported_apps",
    edit(oneTap(), (c) =>
      Object.assign(buttonsOf(c, 1)[0] as Body, {
        supported_apps: Array.from({ length: 6 }, () => ({ package_name: "com.a.b", signature_hash: "K8a/AINcGX7" })),
      }),
    ),
  ],
  [
    "otp-package-name",
    "components[1].buttons[0].supported_apps[0].package_name",
    edit(oneTap(), (c) =>
      Object.assign(((buttonsOf(c, 1)[0] as Body).supported_apps as Body[])[0] as Body, { package_name: "luckyshrub" }),
    ),
  ],
  [
    "otp-package-name",
    "components[1].buttons[0].supported_apps[0].package_name",
    edit(oneTap(), (c) =>
      Object.assign(((buttonsOf(c, 1)[0] as Body).supported_apps as Body[])[0] as Body, { package_name: `com.${chars(221)}` }),
    ),
  ],
  [
    "otp-signature-hash",
    "components[1].buttons[0].supported_apps[0].signature_hash",
    edit(oneTap(), (c) => Object.assign(((buttonsOf(c, 1)[0] as Body).supported_apps as Body[])[0] as Body, { signature_hash: "short" })),
  ],
  [
    "otp-zero-tap-terms",
    "components[1].buttons[0].zero_tap_terms_accepted",
    edit(oneTap(), (c) => Object.assign(buttonsOf(c, 1)[0] as Body, { otp_type: "ZERO_TAP" })),
  ],
  [
    "button-text-length",
    "components[1].buttons[0].autofill_text",
    edit(oneTap(), (c) => Object.assign(buttonsOf(c, 1)[0] as Body, { autofill_text: chars(26) })),
  ],
  [
    "code-expiration-minutes",
    "components[1].code_expiration_minutes",
    edit(authentication(), (c) => Object.assign(part(c, 1), { code_expiration_minutes: 91 })),
  ],
  [
    "code-expiration-minutes",
    "components[1].code_expiration_minutes",
    edit(authentication(), (c) => Object.assign(part(c, 1), { code_expiration_minutes: 0 })),
  ],
  ["carousel-category", "components[1].type", { ...carousel(), category: "UTILITY" }],
  ["carousel-card-count", "components[1].cards", edit(carousel(), (c) => (part(c, 1).cards as unknown[]).pop())],
  [
    "carousel-card-count",
    "components[1].cards",
    edit(carousel(), (c) => (part(c, 1).cards as unknown[]).push(...Array.from({ length: 9 }, () => card()))),
  ],
  ["carousel-card-header", "components[1].cards[1].components", edit(carousel(), (c) => cardParts(c, 1).shift())],
  [
    "carousel-card-header",
    "components[1].cards[0].components[0].format",
    edit(carousel(), (c) => Object.assign(cardParts(c, 0)[0] as Body, { format: "DOCUMENT" })),
  ],
  [
    "carousel-card-body-length",
    "components[1].cards[0].components[1].text",
    edit(carousel(), (c) => Object.assign(cardParts(c, 0)[1] as Body, { text: `Rare {{1}} ${chars(160)}.` })),
  ],
  ["carousel-card-bodies", "components[1].cards[1]", edit(carousel(), (c) => cardParts(c, 1).splice(1, 1))],
  [
    "carousel-card-buttons",
    "components[1].cards[0].components[2].buttons",
    edit(carousel(), (c) =>
      ((cardParts(c, 0)[2] as Body).buttons as unknown[]).push({
        type: "PHONE_NUMBER",
        text: "Call",
        phone_number: "+1650",
      }),
    ),
  ],
  [
    "carousel-card-buttons",
    "components[1].cards[0].components[2].buttons",
    edit(carousel(), (c) =>
      Object.assign(((cardParts(c, 0)[2] as Body).buttons as Body[])[0] as Body, {
        type: "COPY_CODE",
        example: "A",
        text: undefined,
      }),
    ),
  ],
  [
    "carousel-card-quick-replies",
    "components[1].cards[0].components[2].buttons",
    edit(carousel(), (c) =>
      Object.assign(((cardParts(c, 0)[2] as Body).buttons as Body[])[1] as Body, {
        type: "QUICK_REPLY",
        url: undefined,
        example: undefined,
      }),
    ),
  ],
  [
    "carousel-cards-same",
    "components[1].cards[1]",
    edit(carousel(), (c) => Object.assign(cardParts(c, 1)[0] as Body, { format: "VIDEO" })),
  ],
  ["lto-category", "components[1].type", { ...offer(), category: "UTILITY" }],
  [
    "lto-text",
    "components[1].limited_time_offer.text",
    edit(offer(), (c) => Object.assign(part(c, 1), { limited_time_offer: { text: chars(17) } })),
  ],
  ["lto-no-footer", "components[4]", edit(offer(), (c) => c.components.push({ type: "FOOTER", text: "Terms apply" }))],
];

describe("checkTemplateCreation: each rule", () => {
  it.each(cases)("%s at %s", (rule, path, body) => {
    const issues = checkTemplateCreation(body);
    const found = issues.find((issue) => issue.rule === rule && issue.path === path);
    expect({ found: found !== undefined, all: rules(body) }).toEqual(expect.objectContaining({ found: true }));
    // The message says where, and the issue carries the stage the rule table gives it.
    expect(found?.message.startsWith(`${path}: `)).toBe(true);
    expect(found).toMatchObject(creationRules[rule as keyof typeof creationRules]);
  });

  it("covers every rule of the table", () => {
    const tested = new Set(cases.map(([rule]) => rule));
    expect(Object.keys(creationRules).filter((rule) => !tested.has(rule))).toEqual([]);
  });

  it("gives create-stage issues code 100 (and a subcode where one is listed), review-stage ones a reason", () => {
    for (const [, , body] of cases)
      for (const issue of checkTemplateCreation(body)) {
        if (issue.stage === "create") expect(issue).toMatchObject({ code: 100 });
        else expect(issue).toMatchObject({ reason: "INVALID_FORMAT" });
      }
    const [length] = checkTemplateCreation({ ...utility(), name: chars(513, "a") });
    expect(length).toEqual({
      path: "name",
      rule: "name-length",
      message: "name: at most 512 characters, got 513",
      stage: "create",
      code: 100,
    } satisfies TemplateRuleIssue);
    const [footer] = checkTemplateCreation(withText(utility(), 2, chars(61)));
    expect(footer).toMatchObject({ rule: "footer-text-length", stage: "create", code: 100, subcode: 2388040 });
    const [adjacent] = checkTemplateCreation(withText(utility(), 1, "Hi {{1}}{{2}} ships."));
    expect(adjacent).toMatchObject({ rule: "variables-adjacent", stage: "review", reason: "INVALID_FORMAT" });
    expect(adjacent).not.toHaveProperty("code");
  });

  it("names the limit and the actual value", () => {
    const body = withText(utility(), 2, chars(61));
    expect(checkTemplateCreation(body).map((issue) => issue.message)).toEqual(["components[2].text: at most 60 characters, got 61"]);
    expect(checkTemplateCreation({ ...utility(), name: "Order Update" })[0]?.message).toBe(
      'name: lowercase a-z, 0-9 and _ only, got "O" in "Order Update"',
    );
  });
});

// The same definitions as the compile-time checks in test-d/template-creation.test-d.ts, at runtime.
describe("checkTemplateCreation: the rules defineTemplates() also checks at compile time", () => {
  const body = (text: string, example?: object): Body => ({ type: "BODY", text, ...(example === undefined ? {} : { example }) });
  const make = (name: string, components: Body[], extra: object = {}) =>
    templateCreateBody(name, { category: "UTILITY", language: "en_US", components, ...extra } as unknown as TemplateCreation);
  const withButtons = (...buttons: Body[]) => [body("Hi"), { type: "BUTTONS", buttons }];
  it.each([
    ["name-charset", "name", make("Order_Update", [body("Hi")])],
    ["name-length", "name", make(chars(513, "n"), [body("Hi")])],
    ["header-text-length", "components[0].text", make("h", [{ type: "HEADER", format: "TEXT", text: chars(61) }, body("Hi")])],
    ["body-text-length", "components[0].text", make("b", [body(`Hi {{1}}, ${chars(1015)}.`, { body_text: [["Ana"]] })])],
    ["footer-text-length", "components[1].text", make("f", [body("Hi"), { type: "FOOTER", text: chars(61) }])],
    [
      "button-text-length",
      "components[1].buttons[1].text",
      make("q", withButtons({ type: "QUICK_REPLY", text: "Yes" }, { type: "QUICK_REPLY", text: chars(26) })),
    ],
    [
      "buttons-total",
      "components[1].buttons",
      make("t", withButtons(...Array.from({ length: 11 }, () => ({ type: "QUICK_REPLY", text: "a" })))),
    ],
    [
      "button-type-count",
      "components[1].buttons",
      make("u", withButtons(...Array.from({ length: 3 }, () => ({ type: "URL", text: "a", url: "https://example.com" })))),
    ],
    [
      "button-type-count",
      "components[1].buttons",
      make("p", withButtons(...Array.from({ length: 2 }, () => ({ type: "PHONE_NUMBER", text: "a", phone_number: "+1650" })))),
    ],
    [
      "button-type-count",
      "components[1].buttons",
      make("c", withButtons({ type: "COPY_CODE", example: "A" }, { type: "COPY_CODE", example: "B" })),
    ],
    ["variable-at-edge", "components[0].text", make("s", [body("{{1}} is here", { body_text: [["Ana"]] })])],
    ["variable-at-edge", "components[0].text", make("e", [body("Hello {{1}}", { body_text: [["Ana"]] })])],
    ["variables-adjacent", "components[0].text", make("a", [body("Hi {{1}} {{2}} there", { body_text: [["A", "B"]] })])],
    ["variable-example", "components[0].example", make("m", [body("Hi {{1}} and {{2}} there")])],
    ["variable-example", "components[0].example.body_text", make("n", [body("Hi {{1}} and {{2}} there", { body_text: [["A"]] })])],
    [
      "variable-example",
      "components[0].example.body_text_named_params",
      make("k", [body("Hi {{name}}, {{code}} it is.", { body_text_named_params: [{ param_name: "name", example: "Ana" }] })], {
        parameter_format: "NAMED",
      }),
    ],
    [
      "variable-example",
      "components[0].example.header_text",
      make("x", [{ type: "HEADER", format: "TEXT", text: "Hi {{1}}!", example: { header_text: [] } }, body("Hi")]),
    ],
  ])("%s at %s", (rule, path, created) => {
    expect(rules(created)).toContain(`${rule} @ ${path}`);
  });
});
