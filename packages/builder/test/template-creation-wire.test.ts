import { describe, expect, it } from "@jest/globals";
import { checkTemplateCreation, defineTemplates, definitionFromTemplate, type TemplateCreation, templateCreateBody } from "../src/index.js";
import { copyCodeAuthentication, securityParts } from "./fixtures/definition-parts.js";

const templates = defineTemplates({
  order_update: {
    category: "utility",
    language: "en_US",
    components: [
      { type: "header", format: "image", example: { header_handle: ["4::aW1n"] } },
      { type: "body", text: "Hi {{1}}, your order {{2}} ships today.", example: { body_text: [["Ana", "42"]] } },
      {
        type: "buttons",
        buttons: [
          { type: "quick_reply", text: "Stop" },
          { type: "url", text: "Track", url: "https://example.com/t/{{1}}", example: ["42"] },
        ],
      },
    ],
  },
  verify: [
    {
      category: "AUTHENTICATION",
      language: "en_US",
      message_send_ttl_seconds: 300,
      components: [
        ...securityParts,
        {
          type: "BUTTONS",
          buttons: [
            {
              type: "OTP",
              otp_type: "one_tap",
              text: "Copy",
              supported_apps: [{ package_name: "com.example.app", signature_hash: "K8a/AINcGX7" }],
            },
          ],
        },
      ],
    },
    copyCodeAuthentication("es"),
  ],
  picks: {
    category: "MARKETING",
    language: "en_US",
    parameter_format: "NAMED",
    sub_category: "CUSTOM",
    components: [
      { type: "BODY", text: "Picks for {{name}}.", example: { body_text_named_params: [{ param_name: "name", example: "Ana" }] } },
      {
        type: "CAROUSEL",
        cards: [
          {
            components: [
              { type: "header", format: "video", example: { header_handle: ["4::v"] } },
              { type: "buttons", buttons: [{ type: "quick_reply", text: "More" }] },
            ],
          },
          {
            components: [
              { type: "header", format: "video", example: { header_handle: ["4::w"] } },
              { type: "buttons", buttons: [{ type: "quick_reply", text: "More" }] },
            ],
          },
        ],
      },
    ],
  },
});

describe("templateCreateBody", () => {
  it("adds the name and writes enums in upper case, as the API answers them", () => {
    // Each enum upper-cased, every other member as the definition has it.
    const [header, body, buttons] = templates.order_update.components;
    expect(templateCreateBody("order_update", templates.order_update)).toEqual({
      name: "order_update",
      language: "en_US",
      category: "UTILITY",
      components: [
        { ...header, type: "HEADER", format: "IMAGE" },
        { ...body, type: "BODY" },
        {
          type: "BUTTONS",
          buttons: [
            { ...buttons.buttons[0], type: "QUICK_REPLY" },
            { ...buttons.buttons[1], type: "URL" },
          ],
        },
      ],
    });
  });

  it("gives one body per language, each passing the creation rules", () => {
    const bodies = templateCreateBody("verify", templates.verify);
    expect(bodies.map((b) => [b.name, b.language, b.category])).toEqual([
      ["verify", "en_US", "AUTHENTICATION"],
      ["verify", "es", "AUTHENTICATION"],
    ]);
    const [english] = bodies;
    expect((english?.components ?? [])[2] as unknown as { buttons: { otp_type: string }[] }).toMatchObject({
      buttons: [{ otp_type: "ONE_TAP" }],
    });
    for (const [name, definition] of Object.entries(templates))
      for (const b of [templateCreateBody(name, definition as TemplateCreation)].flat()) expect(checkTemplateCreation(b)).toEqual([]);
  });

  it("shares nothing with the definition", () => {
    const b = templateCreateBody("order_update", templates.order_update);
    (b.components[1] as unknown as { example: { body_text: string[][] } }).example.body_text[0]?.push("changed");
    expect(templates.order_update.components[1].example.body_text[0]).toEqual(["Ana", "42"]);
  });

  it("refuses what is not a definition, by name", () => {
    expect(() => templateCreateBody("x", null as unknown as TemplateCreation)).toThrow(
      'templateCreateBody("x"): expected a creation definition',
    );
    expect(() => templateCreateBody(5 as unknown as string, templates.order_update)).toThrow("name must be a string");
  });
});

describe("definitionFromTemplate", () => {
  const node = (name: string, definition: TemplateCreation, extra: object = {}) => ({
    ...templateCreateBody(name, definition),
    id: "1387372356726668",
    status: "APPROVED",
    quality_score: { score: "GREEN", date: 1758754645 },
    rejected_reason: "NONE",
    previous_category: "MARKETING",
    ...extra,
  });

  it.each([
    ["order_update", templates.order_update],
    ["verify (en_US)", templates.verify[0]],
    ["verify (es)", templates.verify[1]],
    ["picks", templates.picks],
  ] as [string, TemplateCreation][])("round-trips %s exactly: create body → node → definition → create body", (name, definition) => {
    const created = templateCreateBody(name.split(" ")[0] as string, definition);
    const back = definitionFromTemplate(node(name.split(" ")[0] as string, definition));
    const { name: _, ...withoutName } = created;
    expect(back).toEqual(withoutName);
    expect(templateCreateBody(created.name, back)).toEqual(created);
  });

  it("drops id, name, status, quality and review fields", () => {
    expect(Object.keys(definitionFromTemplate(node("picks", templates.picks)))).toEqual([
      "language",
      "category",
      "parameter_format",
      "components",
      "sub_category",
    ]);
  });

  it("reads an authentication node's GET form back: OTP as URL, fixed texts", () => {
    // A node as the others, but with the components in the form GET answers for an authentication template.
    const got = definitionFromTemplate(
      node("verify", copyCodeAuthentication("en_US"), {
        components: [
          { type: "BODY", text: "*{{1}}* is your verification code. For your security, do not share this code." },
          { type: "FOOTER", text: "This code expires in 5 minutes." },
          {
            type: "BUTTONS",
            buttons: [{ type: "URL", text: "Copy code", url: "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}" }],
          },
        ],
      }),
    );
    expect(got.components).toEqual([
      ...securityParts,
      { type: "BUTTONS", buttons: [{ type: "OTP", text: "Copy code", otp_type: "COPY_CODE" }] },
    ]);
  });

  it.each([
    [null, "expected a template node (an object), got null"],
    [[], "got array"],
    [{ name: "x", language: 1, category: "UTILITY", components: [] }, 'definitionFromTemplate("x"): language must be a string'],
    [{ name: "x", language: "en", components: [] }, "category must be a string"],
    [{ name: "x", language: "en", category: "UTILITY", components: {} }, "components must be an array"],
    [{ name: "x", language: "en", category: "UTILITY", components: [7] }, "components[0] must be an object"],
  ])("refuses a malformed node %p with a clear error", (value, message) => {
    expect(() => definitionFromTemplate(value)).toThrow(message);
  });

  it("keeps a __proto__ key of a node as data, not as the prototype", () => {
    const got = definitionFromTemplate(
      JSON.parse('{"language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Hi","__proto__":{"polluted":1}}]}'),
    );
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(got.components[0])).toBe(Object.prototype);
  });
});
