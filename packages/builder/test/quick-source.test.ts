import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { type Named, type QuickTarget, quickTestSource } from "../src/rules/quick-source.js";
import { object, optional, string, type TestedRefinement } from "../src/rules/rule.js";

// The generated checks stand alone: they call the table's functions (refinements, custom rules)
// by their exported names, never by a position inside a rule, so a check carries only what it
// calls and a change of the table's shape cannot make it call the wrong function.

const bothOrNeither: TestedRefinement = {
  doc: "`a` and `b` together",
  test: (value) => (value.a === undefined) === (value.b === undefined),
  explain: () => undefined,
};
const root = object({ a: optional(string()), b: optional(string()) }, { refine: [bothOrNeither] });
const target: QuickTarget = { file: "pair.generated.ts", exportName: "isPair", explainName: "explainPair", root, comment: "A pair." };

describe("generated quick checks reach the table by name", () => {
  it("imports a named refinement from its module and calls it", () => {
    const names = new Map<object, Named>([
      [root, { module: "pair", name: "pair" }],
      [bothOrNeither, { module: "pair", name: "bothOrNeither" }],
    ]);
    const source = quickTestSource(target, names);
    expect(source).toContain('import { bothOrNeither } from "../pair.js";');
    expect(source).toContain("bothOrNeither.test(value)");
    expect(source).toContain("bothOrNeither.explain(value, report);"); // the explanation calls it by name too
    expect(source).not.toContain("ruleAt");
  });

  it("refuses a refinement that has no name, saying where it is", () => {
    const names = new Map<object, Named>([[root, { module: "pair", name: "pair" }]]);
    expect(() => quickTestSource(target, names)).toThrow(
      "quick tests: the refinement at pair.refine.0 has no name; export it from its rules module",
    );
  });

  it("no committed check reaches into the rule table by position", () => {
    const dir = join(__dirname, "../src/rules/quick");
    const generated = readdirSync(dir).filter((file) => file.endsWith(".generated.ts"));
    expect(generated.length).toBeGreaterThan(10);
    for (const file of generated)
      expect([file, readFileSync(join(dir, file), "utf8")]).not.toEqual([file, expect.stringMatching(/ruleAt|\.refine\[|\.fields\./)]);
  });
});
