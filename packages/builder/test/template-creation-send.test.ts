import { describe, expect, it } from "@jest/globals";
import { defineTemplates, msg, type PayloadError, type TemplateDefinitions } from "../src/index.js";
import { copyCodeAuthentication, imageCard, imageHeader, limitedTimeOffer, namedWelcome } from "./fixtures/definition-parts.js";

// msg.with(templates) sends from creation definitions: the values are read from the literal texts.

const to = "16505551234";
const templates = defineTemplates({
  order_update: {
    category: "UTILITY",
    language: "en_US",
    components: [
      imageHeader("4::aW1n"),
      { type: "BODY", text: "Hi {{1}}, your order {{2}} ships {{3}}.", example: { body_text: [["Ana", "42", "today"]] } },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "Stop" },
          { type: "URL", text: "Track", url: "https://example.com/t/{{1}}", example: ["42"] },
          { type: "URL", text: "Help", url: "https://example.com/help" },
          { type: "COPY_CODE", example: "SAVE10" },
        ],
      },
    ],
  },
  welcome: namedWelcome(),
  verify: [copyCodeAuthentication("en_US"), copyCodeAuthentication("es")],
  offer: limitedTimeOffer({ type: "BODY", text: "Hi {{1}}, it ends soon.", example: { body_text: [["Ana"]] } }),
  picks: {
    category: "MARKETING",
    language: "en_US",
    components: [
      { type: "BODY", text: "Picks for {{1}}.", example: { body_text: [["Ana"]] } },
      {
        type: "CAROUSEL",
        cards: [
          imageCard("4::i", [{ type: "URL", text: "Buy", url: "https://example.com/{{1}}", example: ["a"] }]),
          imageCard("4::i", [{ type: "URL", text: "Buy", url: "https://example.com/{{1}}", example: ["a"] }]),
        ],
      },
    ],
  },
});
const typed = msg.with(templates).to(to);
const link = "https://example.com/a.png";

describe("typed sends from creation definitions", () => {
  it("sends header, text/currency/date_time body values and the buttons that take a parameter", () => {
    const body = typed
      .template("order_update", {
        header: { link },
        body: ["Ana", { fallback: "$10.99", code: "USD", amount1000: 10990 }, { fallback: "Nov 26" }],
        buttons: { 1: "42", 3: "SAVE10" },
      })
      .build();
    // The same body the fluent builder writes (whose wire form template.test.ts pins to the reference): only the
    // buttons that take a parameter are sent, each at its index.
    const byHand = msg
      .to(to)
      .template("order_update")
      .language("en_US")
      .header((p) => p.image({ link }))
      .body((p) => p.text("Ana").currency({ fallback: "$10.99", code: "USD", amount1000: 10990 }).dateTime({ fallback: "Nov 26" }))
      .urlButton(1, "42")
      .copyCode(3, "SAVE10")
      .build();
    expect(body).toEqual(byHand);
  });

  it("sends named parameters by name, header and body", () => {
    const body = typed.template("welcome", { header: "Ana", body: { first_name: "Ana", code: "X1" } }).build();
    expect(body.template.components).toEqual([
      { type: "header", parameters: [{ type: "text", text: "Ana", parameter_name: "first_name" }] },
      {
        type: "body",
        parameters: [
          { type: "text", text: "Ana", parameter_name: "first_name" },
          { type: "text", text: "X1", parameter_name: "code" },
        ],
      },
    ]);
  });

  it("sends an authentication template's code as the body's variable and the OTP button's parameter", () => {
    const body = typed.template("verify", { language: "es", code: "123456" }).build();
    expect(body.template).toEqual({
      name: "verify",
      language: { code: "es" },
      components: [
        { type: "body", parameters: [{ type: "text", text: "123456" }] },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "123456" }] },
      ],
    });
  });

  it("sends a limited-time offer's expiry and a carousel's cards", () => {
    const offer = typed.template("offer", { body: ["Ana"], offerExpiresAt: 1_700_000_000_000 }).build();
    expect(offer.template.components?.[0]).toEqual({
      type: "limited_time_offer",
      parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: 1_700_000_000_000 } }],
    });
    const picks = typed
      .template("picks", {
        body: ["Ana"],
        cards: [
          { header: { link }, buttons: { 0: "a" } },
          { header: { link }, buttons: { 0: "b" } },
        ],
      })
      .build();
    expect(JSON.stringify(picks)).toContain('"card_index":1');
  });

  it("reports values that do not match the definition, for untyped callers", () => {
    const loose = msg.with(templates as TemplateDefinitions).to(to);
    const run = (name: string, values: object) => {
      try {
        (loose.template as (n: string, v: object) => { build(): unknown })(name, values).build();
        return [];
      } catch (error) {
        return (error as PayloadError).issues.map((issue) => `${issue.path}: ${issue.message}`);
      }
    };
    expect(run("order_update", { header: { link }, body: ["Ana", 5, "x"], buttons: { 1: "42", 3: "A" } })).toContain(
      'template.components.body.parameters[1]: expected a text, currency or date_time parameter, got number (template "order_update" as defined)',
    );
    expect(run("verify", { language: "es" })).toContain(
      'template.components.body: an authentication template needs code (a string), got undefined (template "verify" as defined)',
    );
    expect(run("verify", { code: "1" })[0]).toMatch(/template.language.code: expected one of en_US, es/);
    expect(run("order_update", { header: { link }, body: ["Ana", "1", "2"] })).toContain(
      'template.components.buttons[1]: the url button at index 1 needs a value (template "order_update" as defined)',
    );
  });

  it("keeps authentication templates away from business-scoped ids alone", () => {
    const user = msg.with(templates as TemplateDefinitions).toUser("US.13491208655302741918");
    expect(() =>
      (user.template as (n: string, v: object) => { build(): unknown })("verify", { language: "es", code: "1" }).build(),
    ).toThrow("authentication template");
  });
});
