import { describe, expect, it } from "@jest/globals";
import { checkTemplateCreation } from "../src/index.js";

// Any JSON, and more, gets clear issues and never a crash; the answer stays bounded.

const body = (components: unknown, extra: object = {}) => ({
  name: "hostile",
  language: "en_US",
  category: "UTILITY",
  components,
  ...extra,
});
const rules = (value: unknown) => checkTemplateCreation(value).map((issue) => `${issue.rule} @ ${issue.path}`);

describe("checkTemplateCreation: hostile input", () => {
  it.each([null, undefined, 42, "text", true, [], [1, 2], () => 1, Symbol("x"), 10n])("reports %p as not a create body", (value) => {
    expect(rules(value)).toEqual(["template-object @ (body)"]);
  });

  it.each([
    ["name", { ...body([{ type: "BODY", text: "Hi" }]), name: 7 }, "name-charset @ name"],
    ["language", { ...body([{ type: "BODY", text: "Hi" }]), language: ["en"] }, "language-code @ language"],
    ["category", { ...body([{ type: "BODY", text: "Hi" }]), category: { toUpperCase: 1 } }, "category @ category"],
    ["components", body("BODY"), "components-required @ components"],
    ["a component", body([null, { type: "BODY", text: "Hi" }]), "field-type @ components[0]"],
    ["a component's type", body([{ type: 1 }, { type: "BODY", text: "Hi" }]), "component-type @ components[0].type"],
    ["a body text", body([{ type: "BODY", text: 5 }]), "field-type @ components[0].text"],
    ["an example", body([{ type: "BODY", text: "Hi {{1}} there", example: "Ana" }]), "field-type @ components[0].example"],
    [
      "an example row",
      body([{ type: "BODY", text: "Hi {{1}} there", example: { body_text: [[5]] } }]),
      "variable-example @ components[0].example.body_text",
    ],
    [
      "buttons",
      body([
        { type: "BODY", text: "Hi" },
        { type: "BUTTONS", buttons: { 0: 1 } },
      ]),
      "buttons-empty @ components[1].buttons",
    ],
    [
      "a button",
      body([
        { type: "BODY", text: "Hi" },
        { type: "BUTTONS", buttons: ["QUICK_REPLY"] },
      ]),
      "field-type @ components[1].buttons[0]",
    ],
    ["a TTL", body([{ type: "BODY", text: "Hi" }], { message_send_ttl_seconds: "600" }), "message-send-ttl @ message_send_ttl_seconds"],
    [
      "a TTL of NaN",
      body([{ type: "BODY", text: "Hi" }], { message_send_ttl_seconds: Number.NaN }),
      "message-send-ttl @ message_send_ttl_seconds",
    ],
    [
      "cards",
      {
        ...body([
          { type: "BODY", text: "Hi" },
          { type: "CAROUSEL", cards: "two" },
        ]),
        category: "MARKETING",
      },
      "carousel-card-count @ components[1].cards",
    ],
  ])("a wrong type in %s is an issue at its path", (_, value, expected) => {
    expect(rules(value)).toContain(expected);
  });

  it("reads only own properties: __proto__ and constructor keys from JSON are data", () => {
    const value = JSON.parse(
      '{"name":"proto","language":"en_US","category":"UTILITY","__proto__":{"components":[{"type":"BODY","text":"Hi"}]},"components":[{"type":"BODY","text":"Hi {{1}} there","example":{"body_text_named_params":[{"param_name":"__proto__","example":"x"}],"body_text":[["Ana"]]},"constructor":1}]}',
    );
    expect(rules(value)).toEqual(["unknown-field @ __proto__", "unknown-field @ components[0].constructor"]);
    expect(({} as { components?: unknown }).components).toBeUndefined(); // no prototype was touched
  });

  it("checks a 100k-character text in one pass, naming its length", () => {
    const text = `Hi {{1}} ${"x".repeat(100_000)} there`;
    const started = process.hrtime.bigint();
    const issues = checkTemplateCreation(body([{ type: "BODY", text, example: { body_text: [["Ana"]] } }]));
    expect(issues.map((issue) => issue.message)).toEqual([`components[0].text: at most 1024 characters, got ${text.length}`]);
    // A property, not a timing: a quadratic scan of 100k characters would take seconds; one pass is far below.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2_000);
  });

  it("keeps messages short for huge values", () => {
    const [issue] = checkTemplateCreation({ ...body([{ type: "BODY", text: "Hi" }]), language: "x".repeat(100_000) });
    expect(issue?.message.length).toBeLessThan(200);
  });

  it("handles 100k placeholders, components, buttons and keys with a bounded answer", () => {
    const many = "{{1}} ".repeat(100_000);
    const flood = [
      body([{ type: "BODY", text: `Hi ${many}.` }]),
      body(Array.from({ length: 100_000 }, () => ({ type: "BODY", text: "Hi" }))),
      body([
        { type: "BODY", text: "Hi" },
        { type: "BUTTONS", buttons: Array.from({ length: 100_000 }, () => ({ type: "URL" })) },
      ]),
      Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
      body([{ type: "BODY", text: `${"{{".repeat(50_000)}${"}}".repeat(50_000)}` }]),
    ];
    for (const value of flood) {
      const issues = checkTemplateCreation(value);
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.length).toBeLessThanOrEqual(201);
    }
  });

  it("does not descend into deep input it does not read", () => {
    let deep: unknown = { type: "BODY", text: "Hi" };
    for (let i = 0; i < 100_000; i++) deep = { example: deep };
    expect(rules(body([{ type: "BODY", text: "Hi", example: deep }]))).toEqual([]);
    const nested: unknown[] = [];
    let at = nested;
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      at.push(next);
      at = next;
    }
    expect(rules(body(nested))).toEqual(["field-type @ components[0]", "body-required @ components"]);
  });

  it("survives a cycle", () => {
    const component: { [key: string]: unknown } = { type: "CAROUSEL" };
    component.cards = [{ components: [component] }, { components: [component] }];
    const issues = rules({ ...body([{ type: "BODY", text: "Hi" }, component]), category: "MARKETING" });
    expect(issues).toContain("component-type @ components[1].cards[0].components[0].type");
  });
});
