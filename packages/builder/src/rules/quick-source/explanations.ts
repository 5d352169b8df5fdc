import { missingMessage } from "../explain.js";
import type { LeafRule } from "../explain-leaf.js";
import { type ArrayRule, type Field, type ObjectRule, type Rule, type UnionRule, unhandledRule } from "../rule.js";
import { below, type GeneratedModule, literal, type Place } from "./module.js";
import { builtName, functionSlot, writeFunction } from "./parts.js";
import type { QuickTarget } from "./target.js";

// The explanation of one target, compiled from the same rules as its check (as ajv's standalone
// code compiles its errors into each validator): on any body it reports exactly the issues
// explain() reports, in the same order, with the rule's data inlined as named constants and
// the table's functions (refinements, custom rules) imported by name. It calls explain()'s own
// steps (explain-leaf.ts, quick/explain-runtime.ts), so no message is worded twice, and a send
// that fails carries its own kind's explanation only. Run when the check says no.
//
// `builder` writes the explanation of a body a builder assembled (`explainBuiltTextMessage`),
// leaving out what the builder path's check leaves out (checks.ts): the key checks of the
// objects a builder makes (it writes known keys only: no key table, no unknown-key messages)
// and the root fields it writes from constants. On such a body its issues are explain()'s.

/** Writes the explanation of `target.root` into `module` (of a builder's body when `builder`); returns its exported name. */
export function writeExplanation(module: GeneratedModule, target: QuickTarget, builder = false): string {
  const made = new Map<Rule, Map<string, string>>();
  const bodies = new Map<string, string>();
  const report = () => module.importType("../report.js", "Report");
  const key = () => module.importType("./explain-runtime.js", "Key");

  /** What explains a value against `rule`: a leaf rule's data (a named constant) or the function of a larger rule. */
  const explainedBy = (rule: Rule, place: Place): string => {
    switch (rule.kind) {
      case "string":
      case "enum":
      case "number":
      case "boolean":
      case "json":
      case "any":
        return leafConstant(rule, place);
      case "custom":
        return module.reference(rule, place, "custom rule");
      case "object":
      case "array":
      case "union":
        return functionFor(rule, place, undefined);
      default:
        return unhandledRule(rule);
    }
  };

  /** A leaf rule's explanation with its data bound, as a constant (its `note`, for the docs, left out). */
  const leafConstant = (rule: Exclude<LeafRule, { kind: "custom" }>, at: Place): string => {
    if (rule.kind === "boolean" || rule.kind === "any") return module.explainRuntime(`${rule.kind}Leaf`);
    const place = module.placeOf(rule, at);
    const entries: [string, string][] = [];
    const add = (name: string, value: unknown): void => {
      if (value === undefined) return;
      if (value instanceof RegExp)
        entries.push([name, module.constant(`/${value.source}/${value.flags}`, place, name === "pattern" ? "Pattern" : "Tolerated")]);
      else entries.push([name, typeof value === "number" ? literal(value) : JSON.stringify(value)]);
    };
    switch (rule.kind) {
      case "string":
        for (const name of ["min", "max", "warnAbove", "pattern", "format", "tolerate", "numberIsWarning", "emptyIsWarning"] as const)
          add(name, rule[name]);
        break;
      case "enum":
        add("values", rule.values);
        add("anyCase", rule.anyCase);
        break;
      case "number":
        for (const name of ["min", "max", "integer", "numericString", "expected"] as const) add(name, rule[name]);
        break;
      case "json":
        add("nonEmpty", rule.nonEmpty);
        break;
    }
    // A string rule without warnings is explained by the plain leaf, so the module carries no warning's code.
    const leaf =
      rule.kind === "string" && rule.emptyIsWarning === undefined && rule.tolerate === undefined && rule.warnAbove === undefined
        ? "plainStringLeaf"
        : `${rule.kind}Leaf`;
    // Pure: a parts module's constant that no function a bundle keeps reads is dropped with it.
    const source = `/* @__PURE__ */ ${module.explainRuntime(leaf)}({ ${entries.map(([name, value]) => `${name}: ${value}`).join(", ")} })`;
    return module.constant(source, place, "Rule", module.importType("./explain-runtime.js", "Explainer"));
  };

  /** A plain object of strings as a literal; refuses a key that a literal would read as a prototype. */
  const messages = (object: { readonly [key: string]: string }): string => {
    if (Object.hasOwn(object, "__proto__")) throw new Error("yes/no checks: a message keyed __proto__ cannot be written as a literal");
    return JSON.stringify(object);
  };

  const functionFor = (rule: ObjectRule | ArrayRule | UnionRule, at: Place, extraKey: string | undefined, exported?: string): string => {
    const slot = functionSlot(made, module, target, { rule, place: at, extraKey, exported }, builder ? "explainBuilt" : "explain");
    if (slot.place === undefined) return slot.name;
    const { place } = slot;
    const root = exported !== undefined;
    // A union's case and the root are given an object already entered; any other rule its value and key.
    const entered = extraKey !== undefined || root;
    if (entered && rule.kind !== "object") throw new Error("yes/no checks: a root must be an object rule");
    const body =
      rule.kind === "object"
        ? objectBody(rule, place, extraKey, root, entered)
        : rule.kind === "array"
          ? arrayBody(rule, place)
          : unionBody(rule, place);
    const parameters = entered
      ? `value: ${module.importType("../report.js", "JsonObject")}, report: ${report()}`
      : `value: unknown, report: ${report()}, key: ${key()}`;
    const text = [`(${parameters}): void {`, ...body, "}"].join("\n");
    return writeFunction(module, bodies, slot, text, {
      root: root
        ? builder
          ? `The issues of a body a builder assembled that fails ${builtName(target.exportName)} (errors and warnings), as explain() reports them.`
          : `The issues of a body that fails ${target.exportName} (errors and warnings), as explain() reports them.`
        : undefined,
      part: "The part's issues, as explain() reports them; several modules call it (quick-source/parts.ts).",
    });
  };

  const objectBody = (rule: ObjectRule, place: Place, extraKey: string | undefined, root: boolean, entered: boolean): string[] => {
    const part = root && target.part === true;
    const shared = root ? target.shared : undefined;
    const lines: string[] = entered ? [] : [`  if (!${module.explainRuntime("enter")}(value, report, key)) return;`];
    // A builder's own object has the keys it wrote only; one it passes on from the caller is checked whole.
    if (!part && (!builder || rule.fromCaller === true)) {
      const keys = module.constant(
        `new Set(${JSON.stringify([...new Set([...Object.keys(rule.fields), ...Object.keys(rule.ignored ?? {}), ...(extraKey === undefined ? [] : [extraKey])])])})`,
        place,
        "Keys",
        "ReadonlySet<string>",
      );
      const { unknown, ignored } = rule;
      const why =
        unknown === undefined
          ? "undefined"
          : typeof unknown === "string"
            ? JSON.stringify(unknown)
            : module.constant(
                `{ keys: ${JSON.stringify(unknown.keys)}, message: ${JSON.stringify(unknown.message)}, otherwise: ${JSON.stringify(unknown.otherwise)} }`,
                place,
                "Unknown",
                module.importType("../rule.js", "UnknownKeys"),
              );
      const args = ["value", "report", keys];
      if (ignored !== undefined) args.push(why, module.constant(messages(ignored), place, "Ignored"));
      else if (unknown !== undefined) args.push(why);
      lines.push(`  ${module.explainRuntime("explainKeys")}(${args.join(", ")});`);
    }
    const fieldKeys = Object.keys(rule.fields);
    if (shared !== undefined) {
      // The envelope's fields come first in every message body, so one call states them in order.
      if (fieldKeys.slice(0, shared.fields.length).join() !== shared.fields.join())
        throw new Error(`yes/no checks: the shared fields (${shared.fields.join(", ")}) must lead the root's fields`);
      lines.push(
        `  ${module.importName(`./${shared.module}.js`, builder ? builtName(shared.explainName) : shared.explainName)}(value, report);`,
      );
    }
    for (const fieldKey of fieldKeys) {
      if (shared?.fields.includes(fieldKey) === true) continue;
      // Written by the builder from constants (MessageBase.assemble): nothing to report on its body.
      if (builder && root && target.builderWrites?.includes(fieldKey) === true) continue;
      const field = rule.fields[fieldKey] as Field;
      const by = explainedBy(field.rule, below(place, "fields", fieldKey, "rule"));
      const missing = field.required === true ? JSON.stringify(missingMessage(field)) : "undefined";
      lines.push(`  ${module.explainRuntime("explainField")}(value, ${JSON.stringify(fieldKey)}, ${missing}, report, ${by});`);
    }
    // The envelope's refinements are stated by each kind's root, after its own fields, as explain() orders them.
    if (!part)
      for (const [index, refinement] of (rule.refine ?? []).entries())
        if (!(builder && root && target.builderCannotBreak?.includes(refinement) === true))
          lines.push(
            "unique" in refinement
              ? `  ${refinementNames([refinement], place)[0]}.explain(value, report);`
              : `  ${module.refinementPart(refinement, below(place, "refine", index), "explain")}(value, report);`,
          );
    if (!entered) lines.push(`  ${module.explainRuntime("leave")}(report, key);`);
    return lines;
  };

  /** The names of refinements: imported by name, or a uniqueness rule made in this module. */
  const refinementNames = (refine: readonly object[], place: Place): string[] =>
    refine.map((refinement, index) => {
      const at = below(place, "refine", index);
      if (!("unique" in refinement)) return module.reference(refinement, at, "refinement");
      const { what, path, nested } = (refinement as { readonly unique: { what: string; path: readonly string[]; nested?: string } }).unique;
      const args = [JSON.stringify(what), JSON.stringify(path), ...(nested === undefined ? [] : [JSON.stringify(nested)])];
      return module.constant(
        `${module.importName("../unique.js", nested === undefined ? "uniqueIn" : "uniqueAcross")}(${args.join(", ")})`,
        { base: place.base, path: [...place.path, ...what.split(" ")] },
        "Unique",
      );
    });

  const arrayBody = (rule: ArrayRule, place: Place): string[] => {
    const count = [`min: ${literal(rule.min)}`, `max: ${literal(rule.max)}`];
    if (rule.warnAbove !== undefined) count.push(`warnAbove: ${literal(rule.warnAbove)}`);
    count.push(`noun: ${JSON.stringify(rule.noun)}`);
    const args = [
      "value",
      "report",
      "key",
      module.constant(`{ ${count.join(", ")} }`, place, "Count", module.importType("../explain-leaf.js", "Count")),
      explainedBy(rule.item, below(place, "item")),
    ];
    const refine = refinementNames(rule.refine ?? [], place);
    if (refine.length > 0) args.push(module.constant(`[${refine.join(", ")}]`, place, "Refinements"));
    return [`  ${module.explainRuntime("explainArray")}(${args.join(", ")});`];
  };

  const unionBody = (rule: UnionRule, place: Place): string[] => {
    const names = Object.keys(rule.cases);
    const cases = [`key: ${JSON.stringify(rule.key)}`, `names: ${JSON.stringify(names)}`];
    if (rule.anyCase === true) cases.push("anyCase: true");
    if (rule.default !== undefined) cases.push(`default: ${JSON.stringify(rule.default)}`);
    if (rule.missing !== undefined) cases.push(`missing: ${JSON.stringify(rule.missing)}`);
    if (rule.expected !== undefined) cases.push(`expected: ${JSON.stringify(expectedAround(rule.expected))}`);
    const lines = [
      `  if (!${module.explainRuntime("enter")}(value, report, key)) return;`,
      `  switch (${module.explainRuntime("caseOf")}(value, report, ${module.constant(`{ ${cases.join(", ")} }`, place, "Cases", module.importType("./explain-runtime.js", "Cases"))})) {`,
    ];
    for (const name of names)
      lines.push(
        `    case ${JSON.stringify(name)}:`,
        `      ${functionFor(rule.cases[name] as ObjectRule, below(place, "cases", name), rule.key)}(value, report);`,
        "      break;",
      );
    lines.push("  }", `  ${module.explainRuntime("leave")}(report, key);`);
    return lines;
  };

  if (target.parts?.exported === true)
    for (const part of target.parts.list) functionFor(part.rule, { base: undefined, path: part.path }, part.extraKey);
  if (target.root === undefined) return "";
  return functionFor(
    target.root as ObjectRule,
    { base: undefined, path: [] },
    undefined,
    builder ? builtName(target.explainName) : target.explainName,
  );
}

/**
 * A union's message for a tag that is no case, as the text before and after the tag: the
 * table writes it as a function of the tag shown (`(got) => \`…; got ${got}\``), which must use
 * the tag once and only by interpolation.
 */
function expectedAround(expected: (got: string) => string): readonly [string, string] {
  const marker = "\u0000tag\u0000";
  const parts = expected(marker).split(marker);
  if (parts.length !== 2)
    throw new Error(`yes/no checks: a union's expected message must show the tag once, got ${JSON.stringify(expected(marker))}`);
  return parts as [string, string];
}
