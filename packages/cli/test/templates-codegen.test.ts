import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import ts from "typescript";
import { generateTemplates, type TemplateListExport } from "../src/index.js";

const packageDir = join(__dirname, "..");
const fixture = join(packageDir, "fixtures/message_templates.json");
const exported = JSON.parse(readFileSync(fixture, "utf8")) as TemplateListExport;

describe("wacompose templates (codegen)", () => {
  it("records the category (authentication templates need a phone number) and limited-time offers", () => {
    const generated = generateTemplates({
      data: [
        {
          name: "holiday_offer",
          language: "en_US",
          status: "APPROVED",
          category: "MARKETING",
          components: [
            { type: "LIMITED_TIME_OFFER" },
            { type: "BODY", text: "Hi {{1}}" },
            { type: "BUTTONS", buttons: [{ type: "COPY_CODE" }] },
          ],
        },
        {
          name: "login_code",
          language: "en_US",
          status: "APPROVED",
          category: "AUTHENTICATION",
          components: [{ type: "BODY", text: "{{1}} is your code" }],
        },
      ],
    });
    expect(generated).toContain(
      'holiday_offer: { languages: ["en_US"], category: "MARKETING", body: ["text"], buttons: { 0: "copy_code" }, limitedTimeOffer: true },',
    );
    expect(generated).toContain('login_code: { languages: ["en_US"], category: "AUTHENTICATION", body: ["text"] },');
    const card = (n: number) => ({
      components: [
        { type: "HEADER", format: "IMAGE" },
        { type: "BODY", text: `Card ${n}: {{1}}` },
        { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY" }, { type: "URL", url: "https://example.com/{{1}}" }] },
      ],
    });
    const carousel = generateTemplates({
      data: [
        {
          name: "summer_carousel",
          language: "en_US",
          status: "APPROVED",
          category: "MARKETING",
          components: [
            { type: "BODY", text: "Hi {{1}}" },
            { type: "CAROUSEL", cards: [card(1), card(2)] },
          ],
        },
      ],
    });
    expect(carousel).toContain(
      'summer_carousel: { languages: ["en_US"], category: "MARKETING", body: ["text"], carousel: { cards: 2, header: "image", body: ["text"], buttons: { 0: "quick_reply", 1: "url" } } },',
    );
  });

  it("writes exactly the committed definitions, which test-d compiles and uses", () => {
    const generated = generateTemplates(exported, { statuses: ["APPROVED"], source: "message_templates.json" });
    expect(generated).toBe(readFileSync(join(packageDir, "test-d/templates.generated.ts"), "utf8"));
  });

  it("merges languages, keeps only buttons with parameters, and reads named placeholders", () => {
    const generated = generateTemplates(exported, { statuses: "any" });
    expect(generated).toContain(
      'order_update: { languages: ["en_US", "es"], category: "UTILITY", header: "image", body: ["text", "text", "text", "text"], buttons: { 0: "quick_reply", 1: "url" } },',
    );
    expect(generated).toContain(
      'welcome_named: { languages: ["en"], category: "MARKETING", header: { text: "first_name" }, body: { first_name: "text", store: "text" } },',
    );
    expect(generated).toContain('new_catalog: { languages: ["en_US"], category: "MARKETING", body: ["text"], buttons: { 0: "catalog" } },'); // not APPROVED: only with "any"
    expect(generateTemplates(exported)).not.toContain("new_catalog"); // APPROVED only by default
  });

  it("a multi-product (MPM) button is an mpm button, not a catalog one (it sends sections of products)", () => {
    const mpm = {
      data: [
        {
          name: "new_arrivals",
          language: "en_US",
          status: "APPROVED",
          category: "MARKETING",
          components: [
            { type: "BODY", text: "New in" },
            { type: "BUTTONS", buttons: [{ type: "MPM", text: "View items" }] },
          ],
        },
      ],
    } as TemplateListExport;
    expect(generateTemplates(mpm)).toContain('buttons: { 0: "mpm" }');
  });

  it("refuses a template whose languages differ in parameters, naming them", () => {
    const [first] = exported.data;
    const changed = {
      ...first,
      language: "fr",
      components: [{ type: "BODY", text: "Bonjour {{1}}" }],
    } as TemplateListExport["data"][number];
    expect(() => generateTemplates({ data: [first as TemplateListExport["data"][number], changed] })).toThrow(
      'template "order_update": its en_US and fr versions have different parameters',
    );
    expect(() => generateTemplates({} as TemplateListExport)).toThrow('an object with a "data" array');
  });
});

describe("wacompose templates: names are data (the survivor of issue 36; more in templates-codegen.hostile.test.ts)", () => {
  const one = (name: string, text: string) =>
    ({ data: [{ name, language: "en", status: "APPROVED", components: [{ type: "BODY", text }] }] }) as TemplateListExport;
  /** Runs generated code (its import swapped for an identity) and returns the object it defines. */
  const evaluate = (source: string): Record<string, unknown> => {
    const code = source.replace('import { defineTemplates } from "@wacompose/builder";', "const defineTemplates = (t) => t;");
    return new Function(`${code.replace("export const templates =", "return")}`)() as Record<string, unknown>;
  };

  it("names that are not identifiers are string literals: the file parses and gives back every name as it was", () => {
    const hostile = [
      'say "hi"',
      "back\\slash\\",
      "`tick`",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a name that a template literal would evaluate
      "${1 + 1}",
      "line\nbreak",
      "line\u2028separator",
      "para\u2029graph",
      "*/ process.exit(1) /*",
      "</script><script>alert(1)</script>",
      "it's",
      "9lives",
      "with space",
      "__proto__",
      "constructor",
      "plain_name",
    ];
    const source = generateTemplates({ data: hostile.map((name) => one(name, "Hi {{1}}").data[0]) } as TemplateListExport);
    const parsed = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
    expect(parsed.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    const templates = evaluate(source);
    expect(Object.keys(templates).sort()).toEqual([...hostile].sort());
    for (const name of hostile) expect(templates[name]).toEqual({ languages: ["en"], body: ["text"] });
    // One entry a line: no name's line terminator (\n, U+2028, U+2029) reaches the code raw.
    expect(source.split(/\r\n|[\n\r\u2028\u2029]/).filter((line) => line.startsWith("  "))).toHaveLength(hostile.length);
    expect(source).not.toMatch(/[\u2028\u2029]/);
  });

  it("a file name with U+2028 (a line terminator in JavaScript) stays inside the comment", () => {
    const source = generateTemplates(one("hello", "Hi"), { source: "a.json\u2028process.exit(1); //" });
    expect(source.split(/\r\n|[\n\r\u2028\u2029]/)[0]).toBe(
      '// Generated by `wacompose templates` from "a.json\\u2028process.exit(1); //". Do not edit: run it again when templates change.',
    );
    expect(Object.keys(evaluate(source))).toEqual(["hello"]);
  });
});
