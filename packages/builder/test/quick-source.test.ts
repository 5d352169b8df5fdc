import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { sharedParts } from "../src/rules/quick-source/parts.js";
import { type Named, type QuickTarget, quickTestSource } from "../src/rules/quick-source.js";
import { object, optional, required, string, type TestedRefinement, union } from "../src/rules/rule.js";

// The generated checks stand alone: they call the table's functions (refinements, custom rules)
// by their exported names, never by a position inside a rule, so a check carries only what it
// calls and a change of the table's shape cannot make it call the wrong function.

const bothOrNeither: TestedRefinement = {
  passes: (value) => (value.a === undefined) === (value.b === undefined),
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
    expect(source).toContain("bothOrNeither.passes(value)");
    expect(source).toContain("bothOrNeither.explain(value, report);"); // the explanation calls it by name too
    expect(source).not.toContain("ruleAt");
  });

  it("refuses a refinement that has no name, saying where it is", () => {
    const names = new Map<object, Named>([[root, { module: "pair", name: "pair" }]]);
    expect(() => quickTestSource(target, names)).toThrow(
      "yes/no checks: the refinement at pair.refine.0 has no name; export it from its rules module",
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

describe("parts several roots share are written once", () => {
  // Two one-case unions (as each interactive type's rule is) sharing their `body` object; `own` is the first's alone.
  const body = object({ text: required(string({ max: 10 })) });
  const own = object({ id: required(string()) });
  const first = union("type", { first: object({ body: required(body), own: required(own) }) });
  const second = union("type", { second: object({ body: optional(body) }) });
  const word = (path: readonly (string | number)[]) => path.filter((key) => key !== "fields" && key !== "rule").join("_");
  const parts = sharedParts([first, second], word);

  it("finds the rule objects more than one root reaches, not those of one root", () => {
    expect(parts.map((part) => [part.rule, part.extraKey, part.passes, part.explain])).toEqual([
      [body, undefined, "bodyPasses", "explainbody"],
    ]);
  });

  it("the parts module exports them; a root's module imports them and defines none of its own", () => {
    const names = new Map<object, Named>();
    const partsSource = quickTestSource(
      {
        file: "parts.generated.ts",
        exportName: "",
        explainName: "",
        comment: "",
        parts: { module: "parts.generated", list: parts, exported: true },
      },
      names,
    );
    expect(partsSource).toContain("export function bodyPasses(");
    expect(partsSource).toContain("export function explainbody(");
    const rootSource = quickTestSource(
      {
        file: "first.generated.ts",
        exportName: "isFirst",
        explainName: "explainFirst",
        // A message root holds its one-case union as a field.
        root: object({ content: required(first) }),
        comment: "A first.",
        parts: { module: "parts.generated", list: parts, exported: false },
      },
      names,
    );
    expect(rootSource).toContain('import { bodyPasses, explainbody } from "./parts.generated.js";');
    expect(rootSource).not.toMatch(/function (test|explain)body\b/);
    expect(rootSource).not.toContain("length <= 10"); // the body's check is not repeated
    expect(rootSource).toMatch(/function messageContentFirstOwnPasses\(/); // a part of one root stays in its module
  });

  it("the committed interactive modules define each shared part once, in interactive-parts.generated.ts", () => {
    const dir = join(__dirname, "../src/rules/quick");
    const modules = readdirSync(dir).filter((file) => /^interactive.*\.generated\.ts$/.test(file));
    const definitions = (name: string) =>
      modules.filter((file) => new RegExp(`function ${name}\\(`).test(readFileSync(join(dir, file), "utf8")));
    for (const name of ["interactiveBodyPasses", "explainInteractiveBody", "interactiveFooterPasses", "interactiveHeaderImagePasses"])
      expect([name, definitions(name)]).toEqual([name, ["interactive-parts.generated.ts"]]);
    const button = readFileSync(join(dir, "interactive-button.generated.ts"), "utf8");
    expect(button).toContain('from "./interactive-parts.generated.js"');
    expect(button).not.toMatch(/from "\.\.\/(interactive|carousel|template)\.js"/); // no table module
  });
});
