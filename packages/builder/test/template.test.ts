import { describe, expect, it } from "@jest/globals";
import { defineTemplates, msg, type TemplateDefinitions, validate } from "../src/index.js";
import { issuesOf } from "./helpers.js";

const to = "16505551234";
const template = (value: object) => ({
  messaging_product: "whatsapp",
  recipient_type: "individual",
  to,
  type: "template",
  template: value,
});
const paths = (value: object) => validate(template(value)).map((issue) => `${issue.path} ${issue.code}`);
const base = { name: "order_update", language: { code: "en_US" } };
const withComponents = (...components: object[]) => ({ ...base, components });
const chars = (n: number, c = "x"): string => c.repeat(n);

describe("templates: the reference's example", () => {
  it("produces the exact JSON of the seed example (media header, text, currency, date_time, quick replies)", () => {
    const body = msg
      .to(to)
      .template("order_update")
      .language("en_US")
      .header((p) => p.image({ link: "https://example.com/header.png" }))
      .body((p) =>
        p.text("TEXT_STRING").currency({ fallback: "VALUE", code: "USD", amount1000: 100990 }).dateTime({ fallback: "MONTH DAY, YEAR" }),
      )
      .quickReply(0, "PAYLOAD")
      .quickReply(1, "PAYLOAD")
      .build();
    expect(body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "template",
      template: {
        name: "order_update",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { link: "https://example.com/header.png" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "TEXT_STRING" },
              { type: "currency", currency: { fallback_value: "VALUE", code: "USD", amount_1000: 100990 } },
              { type: "date_time", date_time: { fallback_value: "MONTH DAY, YEAR" } },
            ],
          },
          { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: "PAYLOAD" }] },
          { type: "button", sub_type: "quick_reply", index: "1", parameters: [{ type: "payload", payload: "PAYLOAD" }] },
        ],
      },
    });
  });

  it("builds URL, copy-code, flow and catalog buttons, and hello_world without components", () => {
    const body = msg
      .to(to)
      .template("spring_sale")
      .language("en", { policy: "deterministic" })
      .urlButton(0, "track/42")
      .copyCode(1, "SAVE10")
      .flowButton(2, { token: "t", data: { a: 1 } })
      .catalogButton(3, { thumbnailProductRetailerId: "sku-1" })
      .build();
    expect(body.template.language).toEqual({ code: "en", policy: "deterministic" });
    expect(body.template.components).toEqual([
      { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "track/42" }] },
      { type: "button", sub_type: "copy_code", index: "1", parameters: [{ type: "coupon_code", coupon_code: "SAVE10" }] },
      {
        type: "button",
        sub_type: "flow",
        index: "2",
        parameters: [{ type: "action", action: { flow_token: "t", flow_action_data: { a: 1 } } }],
      },
      {
        type: "button",
        sub_type: "catalog",
        index: "3",
        parameters: [{ type: "action", action: { thumbnail_product_retailer_id: "sku-1" } }],
      },
    ]);
    expect(msg.to(to).template("hello_world").language("en_US").build().template).toEqual({
      name: "hello_world",
      language: { code: "en_US" },
    });
  });

  it("builds text, video, document and location headers, and named parameters", () => {
    const header = (build: Parameters<ReturnType<ReturnType<typeof msg.to>["template"]>["header"]>[0]) =>
      msg.to(to).template("t").language("en").header(build).build().template.components?.[0];
    expect(header((p) => p.text("Hi"))).toEqual({ type: "header", parameters: [{ type: "text", text: "Hi" }] });
    expect(header((p) => p.document({ id: "1", filename: "a.pdf" }))).toEqual({
      type: "header",
      parameters: [{ type: "document", document: { id: "1", filename: "a.pdf" } }],
    });
    expect(header((p) => p.location({ latitude: "37.48", longitude: "-122.14", name: "Shop", address: "1 Main St" }))).toEqual({
      type: "header",
      parameters: [{ type: "location", location: { latitude: "37.48", longitude: "-122.14", name: "Shop", address: "1 Main St" } }],
    });
    const named = msg
      .to(to)
      .template("t")
      .language("en")
      .body((p) => p.text("Ana", { name: "first_name" }))
      .build();
    expect(named.template.components).toEqual([
      { type: "body", parameters: [{ type: "text", text: "Ana", parameter_name: "first_name" }] },
    ]);
  });
});

describe("templates: runtime rules at the boundaries", () => {
  it("requires a language (untyped use)", () => {
    const untyped = msg.to(to).template("x") as unknown as { safeBuild(): { ok: boolean; issues?: unknown } };
    expect(untyped.safeBuild()).toMatchObject({ ok: false, issues: [{ path: "template.language", code: "required" }] });
    expect(paths({ name: "x", language: { code: "english" } })).toEqual(["template.language.code invalid_format"]);
    expect(paths({ name: "x", language: { code: "en", policy: "fallback" } })).toEqual(["template.language.policy invalid_value"]);
    expect(paths({ language: { code: "en" } })).toEqual(["template.name required"]);
  });

  it("accepts button index 0–9 as number or string, rejects 10 and duplicates", () => {
    const button = (index: unknown) => ({
      type: "button",
      sub_type: "quick_reply",
      index,
      parameters: [{ type: "payload", payload: "p" }],
    });
    expect(paths(withComponents(button("0"), button(9)))).toEqual([]);
    expect(paths(withComponents(button("10")))).toEqual(["template.components[0].index out_of_range"]);
    expect(paths(withComponents(button(-1)))).toEqual(["template.components[0].index out_of_range"]);
    expect(paths(withComponents(button("1"), button(1)))).toEqual(["template.components[1].index duplicate"]);
    const index: number = 10;
    expect(issuesOf(msg.to(to).template("t").language("en").quickReply(index, "p"))).toEqual(["template.components[0].index out_of_range"]);
  });

  it("limits header text to 60, body text to 1024 (32768 when the body is alone), coupon codes to 15", () => {
    const header = (text: string) => ({ type: "header", parameters: [{ type: "text", text }] });
    const body = (text: string) => ({ type: "body", parameters: [{ type: "text", text }] });
    expect(paths(withComponents(header(chars(60)), body(chars(1024))))).toEqual([]);
    expect(paths(withComponents(header(chars(61)), body(chars(1025))))).toEqual([
      "template.components[0].parameters[0].text too_long",
      "template.components[1].parameters[0].text too_long",
    ]);
    expect(paths(withComponents(body(chars(32768))))).toEqual([]);
    expect(paths(withComponents(body(chars(32769))))).toEqual(["template.components[0].parameters[0].text too_long"]);
    const code: string = chars(16);
    expect(issuesOf(msg.to(to).template("t").language("en").copyCode(0, code))).toEqual([
      "template.components[0].parameters[0].coupon_code too_long",
    ]);
    expect(issuesOf(msg.to(to).template("t").language("en").copyCode(0, chars(15)))).toEqual([]);
  });

  it("checks currency fields, parameter types and text content", () => {
    const body = (...parameters: object[]) => withComponents({ type: "body", parameters });
    expect(paths(body({ type: "currency", currency: { fallback_value: "$1", code: "usd", amount_1000: 1.5 } }))).toEqual([
      "template.components[0].parameters[0].currency.code invalid_format",
      "template.components[0].parameters[0].currency.amount_1000 invalid_type",
    ]);
    expect(paths(body({ type: "image", image: { id: "1" } }))).toEqual(["template.components[0].parameters[0].type invalid_value"]);
    expect(paths(body({ type: "text", text: "two\nlines" }))).toEqual(["template.components[0].parameters[0].text invalid_format"]);
    expect(paths(body({ type: "text", text: "a", parameter_name: "first_name" }, { type: "text", text: "b" }))).toEqual([
      "template.components[0].parameters conflict",
    ]);
    expect(paths(body({ type: "text", text: "a", parameter_name: "First-Name" }))).toEqual([
      "template.components[0].parameters[0].parameter_name invalid_format",
    ]);
    // Lowercase a-z and _ only (the strictest reading of cloud-api.md §8.4): no digits.
    expect(paths(body({ type: "text", text: "a", parameter_name: "line_2" }))).toEqual([
      "template.components[0].parameters[0].parameter_name invalid_format",
    ]);
    expect(paths(body({ type: "text", text: "a", parameter_name: "x".repeat(21) }))).toEqual([
      "template.components[0].parameters[0].parameter_name too_long",
    ]);
  });

  it("checks components, button sub-types and their parameter types", () => {
    expect(paths(withComponents({ type: "footer", parameters: [] }))).toEqual(["template.components[0].type invalid_value"]);
    expect(paths(withComponents({ type: "button", sub_type: "url", index: "0", parameters: [{ type: "payload", payload: "p" }] }))).toEqual(
      ["template.components[0].parameters[0].type invalid_value"],
    );
    expect(paths(withComponents({ type: "button", sub_type: "call", index: "0", parameters: [{ type: "text", text: "x" }] }))).toEqual([
      "template.components[0].sub_type invalid_value",
    ]);
    const copy = (index: string) => ({
      type: "button",
      sub_type: "copy_code",
      index,
      parameters: [{ type: "coupon_code", coupon_code: "A" }],
    });
    expect(paths(withComponents(copy("0"), copy("1")))).toEqual(["template.components[1].sub_type duplicate"]);
    expect(paths(withComponents({ type: "header", parameters: [{ type: "image", image: { id: "1", caption: "no" } }] }))).toEqual([
      "template.components[0].parameters[0].image.caption unknown_field",
    ]);
    expect(paths({ ...base, namespace: "x" })).toEqual(["template.namespace unknown_field"]);
  });
});

describe("typed templates at runtime", () => {
  const templates = defineTemplates({
    order_update: { languages: ["en_US"], header: "image", body: ["text", "currency"], buttons: { 0: "quick_reply" } },
    welcome: { languages: ["en", "es"], body: { first_name: "text" } },
  });

  it("fills components from the definition", () => {
    const body = msg
      .with(templates)
      .to(to)
      .template("order_update", {
        header: { id: "9" },
        body: ["Ana", { fallback: "$5", code: "USD", amount1000: 5000 }],
        buttons: { 0: "STOP" },
      })
      .build();
    // The same body the fluent builder writes, whose wire form the reference's example above pins.
    const byHand = msg
      .to(to)
      .template("order_update")
      .language("en_US")
      .header((p) => p.image({ id: "9" }))
      .body((p) => p.text("Ana").currency({ fallback: "$5", code: "USD", amount1000: 5000 }))
      .quickReply(0, "STOP")
      .build();
    expect(body).toEqual(byHand);
  });

  it("leaves a quick reply out when no payload is given: the template's own payload is sent", () => {
    const body = msg
      .with(templates)
      .to(to)
      .template("order_update", { header: { id: "9" }, body: ["Ana", { fallback: "$5", code: "USD", amount1000: 5000 }] })
      .build();
    expect(body.template.components?.map((c) => c.type)).toEqual(["header", "body"]);
  });

  it("reports values that do not match the definition (untyped callers)", () => {
    const loose = msg.with(templates as TemplateDefinitions).to(to) as unknown as {
      template(name: string, values: object): { safeBuild(): { ok: boolean; issues?: { path: string; message: string }[] } };
    };
    const result = loose.template("order_update", { header: "oops", body: ["Ana"], buttons: { 3: "x" } }).safeBuild();
    expect(result.ok).toBe(false);
    expect(result.issues?.map((i) => i.path)).toEqual([
      "template.components.header",
      "template.components.body",
      "template.components.buttons[3]",
    ]);
    expect(loose.template("nope", {}).safeBuild().issues?.[0]?.message).toContain('"nope" is not one of the defined templates');
    // Own keys only: Object's members are not definitions.
    for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty"])
      expect(loose.template(name, {}).safeBuild().issues?.[0]?.message).toContain(`"${name}" is not one of the defined templates`);
    expect(loose.template("welcome", { body: { first_name: "Ana" } }).safeBuild().issues?.[0]).toMatchObject({
      path: "template.language.code",
    });
  });
});
