import { describe, expect, it } from "@jest/globals";
import { generateTemplates, type TemplateListExport } from "../src/index.js";
import type { TemplateComponentExport } from "../src/templates-codegen.js";

// What codegen reads from each kind of component, and the placeholders it refuses, each rule
// checked on both sides: the generated module is compiled and run, and its definitions compared whole.

type Definitions = Record<string, Record<string, unknown>>;

/**
 * Runs generated code (its import swapped for an identity) and returns the definitions it makes. The
 * module is plain JavaScript but for its import and export, so no compiler is loaded (this file runs
 * once per mutant in `pnpm mutate`); the hostile file compiles it with TypeScript.
 */
function evaluate(source: string): Definitions {
  const code = source
    .replace('import { defineTemplates } from "@wacompose/builder";', "const defineTemplates = (t) => t;")
    .replace("export const templates =", "return");
  return JSON.parse(JSON.stringify(new Function(code)())) as Definitions;
}

const template = (components: readonly TemplateComponentExport[], fields: Record<string, unknown> = {}) =>
  ({ name: "t", language: "en", status: "APPROVED", components, ...fields }) as TemplateListExport["data"][number];
const definitionOf = (components: readonly TemplateComponentExport[], fields: Record<string, unknown> = {}) =>
  evaluate(generateTemplates({ data: [template(components, fields)] })).t;

describe("codegen: what each component gives", () => {
  it("a header: its format, or text only with a variable; TEXT when no format is given", () => {
    expect(definitionOf([{ type: "HEADER", text: "Hi {{1}}" }])).toStrictEqual({ languages: ["en"], header: "text" });
    expect(definitionOf([{ type: "HEADER", format: "TEXT", text: "Hello" }])).toStrictEqual({ languages: ["en"] });
    expect(definitionOf([{ type: "header", format: "IMAGE" }])).toStrictEqual({ languages: ["en"], header: "image" });
    expect(definitionOf([{ type: "HEADER", text: "Hi {{who}}" }], { parameter_format: "NAMED" })).toStrictEqual({
      languages: ["en"],
      header: { text: "who" },
    });
  });

  it("placeholders may have spaces inside the braces, and repeat", () => {
    expect(definitionOf([{ type: "BODY", text: "{{ 1 }}, {{2 }} and {{ 1}} again" }])).toStrictEqual({
      languages: ["en"],
      body: ["text", "text"],
    });
    expect(definitionOf([{ type: "BODY", text: "{{ first_name }}" }], { parameter_format: "NAMED" })).toStrictEqual({
      languages: ["en"],
      body: { first_name: "text" },
    });
    expect(definitionOf([{ type: "BODY" }])).toStrictEqual({ languages: ["en"] });
  });

  it("a category only when it is one the types use", () => {
    expect(definitionOf([], { category: "utility" })).toStrictEqual({ languages: ["en"], category: "UTILITY" });
    expect(definitionOf([], { category: "AUTHENTICATION" })).toStrictEqual({ languages: ["en"], category: "AUTHENTICATION" });
    expect(definitionOf([], { category: "SERVICE" })).toStrictEqual({ languages: ["en"] });
  });

  it("buttons only from a BUTTONS component, and only those that take a parameter", () => {
    expect(
      definitionOf([{ type: "BUTTONS", buttons: [{ type: "PHONE_NUMBER" }, { type: "URL", url: "https://x.example/" }] }]),
    ).toStrictEqual({
      languages: ["en"],
    });
    expect(definitionOf([{ type: "BUTTONS" }])).toStrictEqual({ languages: ["en"] });
    expect(definitionOf([{ type: "FOOTER", text: "Reply STOP", buttons: [{ type: "QUICK_REPLY" }] }])).toStrictEqual({ languages: ["en"] });
    expect(
      definitionOf([
        {
          type: "BUTTONS",
          buttons: [
            { type: "PHONE_NUMBER" },
            { type: "url", url: "https://x.example/{{1}}" },
            { type: "FLOW" },
            { type: "CATALOG" },
            { type: "OTP" },
          ],
        },
      ]),
    ).toStrictEqual({ languages: ["en"], buttons: { 1: "url", 2: "flow", 3: "catalog" } });
  });

  it("a carousel: its card count and the cards' parameters, positional or named", () => {
    const card = (text: string) => ({
      components: [
        { type: "HEADER", format: "IMAGE" },
        { type: "BODY", text },
        { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY" }] },
      ],
    });
    expect(definitionOf([{ type: "CAROUSEL", cards: [card("{{1}}"), card("{{1}}")] }])).toStrictEqual({
      languages: ["en"],
      carousel: { cards: 2, header: "image", body: ["text"], buttons: { 0: "quick_reply" } },
    });
    expect(definitionOf([{ type: "CAROUSEL", cards: [card("{{dish}}")] }], { parameter_format: "NAMED" })).toStrictEqual({
      languages: ["en"],
      carousel: { cards: 1, header: "image", body: { dish: "text" }, buttons: { 0: "quick_reply" } },
    });
    expect(definitionOf([{ type: "CAROUSEL", cards: [] }])).toStrictEqual({ languages: ["en"], carousel: { cards: 0 } });
    expect(definitionOf([{ type: "CAROUSEL" }])).toStrictEqual({ languages: ["en"], carousel: { cards: 0 } });
  });

  it("refuses a carousel whose cards differ in parameters", () => {
    const card = (text: string) => ({ components: [{ type: "BODY", text }] });
    expect(() =>
      generateTemplates({ data: [template([{ type: "CAROUSEL", cards: [card("{{1}}"), card("{{1}}"), card("{{1}} {{2}}")] }])] }),
    ).toThrow('template "t": its carousel cards have different parameters');
  });
});

describe("codegen: positional placeholders", () => {
  const refused = (text: string) => () => generateTemplates({ data: [template([{ type: "BODY", text }])] });
  const message = (got: string) => `template "t": positional placeholders are {{1}} to {{100}}, got {{${got}}}`;

  it("takes {{1}} to {{100}}", () => {
    expect(definitionOf([{ type: "BODY", text: "{{1}}" }])).toStrictEqual({ languages: ["en"], body: ["text"] });
    expect(definitionOf([{ type: "BODY", text: "{{100}}" }])).toStrictEqual({ languages: ["en"], body: Array(100).fill("text") });
  });

  it.each([
    ["{{0}}", "0"],
    ["{{101}}", "101"],
    ["{{x}}", "x"],
    ["{{1a}}", "1a"],
    ["{{a1}}", "a1"],
    ["{{12}} {{x}}", "x"],
    ["{{1}} {{0}} {{200}}", "0"],
    ["{{100}} {{200}}", "200"],
    ["{{200}} {{x}}", "200"],
  ])("refuses %s, naming the first placeholder out of range (%s)", (text, got) => {
    expect(refused(text)).toThrow(new Error(message(got)));
  });
});

describe("codegen: the export as a whole", () => {
  it("refuses what is not an object with a data array", () => {
    for (const list of [undefined, null, "x", 5, [], { data: {} }])
      expect(() => generateTemplates(list as unknown as TemplateListExport)).toThrow(
        new TypeError('expected the JSON of GET /{waba-id}/message_templates: an object with a "data" array'),
      );
  });

  it("a template without a status is not sent-ready, and is kept with statuses: any", () => {
    const data = [{ name: "draft", language: "en", components: [] }] as unknown as TemplateListExport["data"];
    expect(evaluate(generateTemplates({ data }))).toStrictEqual({});
    expect(evaluate(generateTemplates({ data }, { statuses: "any" }))).toStrictEqual({ draft: { languages: ["en"] } });
    expect(evaluate(generateTemplates({ data }, { statuses: ["", "APPROVED", "PENDING"] }))).toStrictEqual({});
    expect(evaluate(generateTemplates({ data: [template([], { status: "rejected" })] }, { statuses: ["REJECTED"] }))).toStrictEqual({
      t: { languages: ["en"] },
    });
  });

  it("a language listed twice is named once", () => {
    const data = [template([]), template([]), template([], { language: "fr" })];
    expect(evaluate(generateTemplates({ data }))).toStrictEqual({ t: { languages: ["en", "fr"] } });
  });

  it("the header names the source only when given", () => {
    expect(generateTemplates({ data: [] }).split("\n")[0]).toBe(
      "// Generated by `wacompose templates`. Do not edit: run it again when templates change.",
    );
    expect(generateTemplates({ data: [] }, { source: "t.json" }).split("\n")[0]).toBe(
      '// Generated by `wacompose templates` from "t.json". Do not edit: run it again when templates change.',
    );
  });
});

describe("codegen: wrong types, at their path", () => {
  it.each([
    [{ category: 5 }, "data[0].category: expected a string, got number"],
    [{ parameter_format: [] }, "data[0].parameter_format: expected a string, got array"],
    [{ components: [{ type: "HEADER", format: 1 }] }, "data[0].components[0].format: expected a string, got number"],
    [{ components: [{ type: "BUTTONS", buttons: {} }] }, "data[0].components[0].buttons: expected an array, got object"],
    [{ components: [{ type: "BUTTONS", buttons: [null] }] }, "data[0].components[0].buttons[0]: expected an object, got null"],
    [{ components: [{ type: "BUTTONS", buttons: [{ type: 2 }] }] }, "data[0].components[0].buttons[0].type: expected a string, got number"],
    [{ components: [{ type: "CAROUSEL", cards: "x" }] }, "data[0].components[0].cards: expected an array, got string"],
    [{ components: [{ type: "CAROUSEL", cards: [null] }] }, "data[0].components[0].cards[0]: expected an object, got null"],
    [
      { components: [{ type: "CAROUSEL", cards: [{ components: [{ type: 3 }] }] }] },
      "data[0].components[0].cards[0].components[0].type: expected a string, got number",
    ],
  ])("%j is an error at its path", (fields, message) => {
    expect(() => generateTemplates({ data: [template([], fields)] })).toThrow(new TypeError(message));
  });
});
