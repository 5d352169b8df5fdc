import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import ts from "typescript";

// Every reader of the rule table switches over the rule kinds exhaustively (ending in
// unhandledRule(rule: never)), so a kind added to `Rule` is a compile error in each reader until
// it is handled there — not a reader that compiles and silently explains nothing. Shown by
// compiling the readers against a rule.ts with one more kind, in memory.

const builder = resolve(__dirname, "..");
const rulesDir = join(builder, "src/rules");
const ruleFile = join(rulesDir, "rule.ts");
// rule.ts itself: its `leafKinds` places every kind as a leaf or not (describe.ts skips leaves through it).
const readers = ["explain.ts", "quick-source/checks.ts", "quick-source/explanations.ts", "json-schema.ts", "describe.ts", "rule.ts"];

/** The files, among the readers, with a type error when rule.ts reads `ruleSource`. */
function readersFailing(ruleSource: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(builder, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error("packages/builder/tsconfig.json did not parse");
  const options = { ...config.options, noEmit: true, emitDeclarationOnly: false, declaration: false };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (resolve(file) === ruleFile ? ruleSource : readFile(file));
  const program = ts.createProgram(
    readers.map((reader) => join(rulesDir, reader)),
    options,
    host,
  );
  const failing = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => diagnostic.file?.fileName ?? "(no file)");
  return [...new Set(failing.map((file) => file.slice(rulesDir.length + 1)))].sort();
}

describe("the readers of the rule table cannot forget a rule kind", () => {
  const original = readFileSync(ruleFile, "utf8");

  it("the readers compile against the table as it is", () => {
    expect(readersFailing(original)).toEqual([]);
  });

  it("a new rule kind without a case fails to compile in explain and in every other reader", () => {
    const withNewKind = original.replace("  | CustomRule;", '  | CustomRule\n  | { readonly kind: "added" };');
    expect(withNewKind).not.toBe(original);
    expect(readersFailing(withNewKind)).toEqual([...readers].sort());
  });
});
