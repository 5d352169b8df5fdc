import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { generateTemplates, type TemplateListExport } from "../src/index.js";

const packageDir = join(__dirname, "..");
const fixture = join(packageDir, "fixtures/message_templates.json");
const exported = JSON.parse(readFileSync(fixture, "utf8")) as TemplateListExport;

describe("wacompose templates (codegen)", () => {
  it("writes exactly the committed definitions, which test-d compiles and uses", () => {
    const generated = generateTemplates(exported, { statuses: ["APPROVED"], source: "message_templates.json" });
    expect(generated).toBe(readFileSync(join(packageDir, "test-d/templates.generated.ts"), "utf8"));
  });

  it("merges languages, keeps only buttons with parameters, and reads named placeholders", () => {
    const generated = generateTemplates(exported);
    expect(generated).toContain(
      'order_update: { languages: ["en_US", "es"], header: "image", body: ["text", "text", "text", "text"], buttons: { 0: "quick_reply", 1: "url" } },',
    );
    expect(generated).toContain(
      'welcome_named: { languages: ["en"], header: { text: "first_name" }, body: { first_name: "text", store: "text" } },',
    );
    expect(generated).toContain('new_catalog: { languages: ["en_US"], body: ["text"], buttons: { 0: "catalog" } },'); // all statuses by default
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

  it("runs as a command", () => {
    const bin = join(packageDir, "dist/bin.js");
    const output = execFileSync(process.execPath, [bin, "templates", fixture, "--status", "APPROVED"], { encoding: "utf8" });
    expect(output).toBe(readFileSync(join(packageDir, "test-d/templates.generated.ts"), "utf8"));
    const missing = spawnSync(process.execPath, [bin, "templates", join(packageDir, "nope.json")], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("wacompose: ENOENT");
  });
});
