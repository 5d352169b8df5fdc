import {
  type ArrayRule,
  type Field,
  type ObjectRule,
  type Refinement,
  type Rule,
  type StringRule,
  type UnionRule,
  type Unique,
  unhandledRule,
} from "../rule.js";
import { access, below, type GeneratedModule, literal, type Place } from "./module.js";
import { builtName, functionSlot, writeFunction } from "./parts.js";
import type { QuickTarget } from "./target.js";

// The yes/no check of one target: true exactly when explain() reports no error. An interpreter
// that walks the table at run time pays for a closure call and a megamorphic property read per
// field; the emitted code reads each field by name and compares against the limits inlined, as
// a hand-written check would, and allocates nothing.
//
// The builder path (`fromBuilder`) checks what the caller supplied, not what the builder wrote
// itself. Two things are skipped there, each safe because a builder cannot get it wrong:
// - the objects a builder assembles (`{ body, preview_url }`, `{ type: "reply", reply }`) are
//   objects with known keys only: their `isRecord` and key checks (values are all checked);
//   objects it passes on from the caller as they are (`fromCaller`: media sources) are checked whole;
// - the root fields the target lists in `builderWrites` (`messaging_product`, `recipient_type`,
//   `type`): MessageBase.assemble writes them from constants and the kind's own name.
// `builder` writes that path as functions of their own (`builtTextMessagePasses`), with those
// checks left out of the text rather than skipped at run time: the kind's rules for builders
// (KindRules) reach them alone, so a send carries no key table and no constant's check.
// build-verdict.test.ts holds every builder's verdict to validate()'s.

/** Writes the check of `target.root` into `module` (the builder path's when `builder`); returns its exported name. */
export function writeCheck(module: GeneratedModule, target: QuickTarget, builder = false): string {
  /** How a check passes the path on to the check of a part: the builder path's take no flag. */
  const flagArgument = builder ? "" : ", fromBuilder";
  const made = new Map<Rule, Map<string, string>>();
  /** A function's text after its name → that name: two rules made apart but alike share one function. */
  const bodies = new Map<string, string>();

  const patternName = (pattern: RegExp, place: Place): string => module.constant(`/${pattern.source}/${pattern.flags}`, place, "Pattern");
  const keySet = (values: readonly string[], place: Place, suffix: string): string =>
    module.constant(`new Set(${JSON.stringify(values)})`, place, suffix, "ReadonlySet<string>");

  /**
   * An expression that is true when `value` (a local, read more than once) passes `rule`, or
   * undefined when every value does (any JSON). Leaves are written inline; objects, arrays and
   * unions call their function.
   */
  const condition = (rule: Rule, value: string, place: Place): string | undefined => {
    switch (rule.kind) {
      case "string":
        return stringTest(rule, value, module.placeOf(rule, place));
      case "enum": {
        const exact = rule.values.map((v) => `${value} === ${JSON.stringify(v)}`).join(" || ");
        if (rule.anyCase !== true) return exact;
        // Another case is accepted (a warning): the exact values first, then one lower-casing.
        const lower = keySet([...new Set(rule.values.map((v) => v.toLowerCase()))], place, "LowerCase");
        return `${exact} || (typeof ${value} === "string" && ${lower}.has(${value}.toLowerCase()))`;
      }
      case "number": {
        const helper = module.runtime(rule.integer === true ? "integerIn" : "numberIn");
        if (rule.numericString === true) module.importName("../numeric.js", "numeric");
        const number = rule.numericString === true ? `typeof ${value} === "string" ? numeric(${value}) : ${value}` : value;
        return `${helper}(${number}, ${literal(rule.min)}, ${literal(rule.max)})`;
      }
      case "boolean":
        return `typeof ${value} === "boolean"`;
      case "json": {
        // Plain JSON only: a toJSON, an undefined or a cycle inside would be sent otherwise than it reads.
        const checks = [`${module.runtime("isRecord")}(${value})`];
        if (rule.nonEmpty === true) checks.push(`${module.runtime("hasKeys")}(${value})`);
        checks.push(`${module.runtime("isPlainJson")}(${value})`);
        return checks.join(" && ");
      }
      case "any":
        return undefined;
      case "custom":
        return `${module.reference(rule, place, "custom rule")}.passes(${value})`;
      case "object":
      case "array":
      case "union":
        return `${functionFor(rule, place, undefined)}(${value}${flagArgument})`;
      default:
        return unhandledRule(rule);
    }
  };

  const stringTest = (rule: StringRule, value: string, place: Place): string => {
    const checks: string[] = [];
    if (rule.min > 0) checks.push(`${value}.length >= ${rule.min}`);
    if (Number.isFinite(rule.max)) checks.push(`${value}.length <= ${rule.max}`);
    if (rule.pattern !== undefined) {
      const matches = `${patternName(rule.pattern, place)}.test(${value})`;
      checks.push(
        rule.tolerate === undefined
          ? matches
          : `(${matches} || ${module.constant(`/${rule.tolerate.source}/${rule.tolerate.flags}`, place, "Tolerated")}.test(${value}))`,
      );
    }
    let passes = checks.length === 0 ? "true" : checks.join(" && ");
    // An empty value the API accepts (a warning) is checked no further, as explain() does.
    if (rule.emptyIsWarning !== undefined && checks.length > 0) passes = `(${value}.length === 0 || (${passes}))`;
    // A finite JSON number is accepted too (a warning).
    if (rule.numberIsWarning === true)
      return `(typeof ${value} === "string" ? ${passes} : typeof ${value} === "number" && Number.isFinite(${value}))`;
    return checks.length === 0 ? `typeof ${value} === "string"` : `typeof ${value} === "string" && ${passes}`;
  };

  /** The calls of `refine`'s tests, but those in `skip` (checked elsewhere), joined by `&&`; "true" when none. */
  const refinements = (refine: readonly Refinement<never>[] | undefined, place: Place, skip: readonly object[] = []): string => {
    const calls = (refine ?? []).flatMap((refinement, index) => {
      if (skip.includes(refinement)) return [];
      const at = below(place, "refine", index);
      return "unique" in refinement
        ? [`${uniqueFunction(refinement.unique, at)}(value)`]
        : [`${module.refinementPart(refinement, at, "passes")}(value)`];
    });
    return calls.length === 0 ? "true" : calls.join(" && ");
  };

  /**
   * A uniqueness rule's loop, over entries whose fields already passed (so `path` is there)
   * and whose count is within the rule's bounds, allocating nothing. One bit per last
   * character of the values so far: a value whose last character is new cannot repeat one,
   * so most values are compared with none (ids like "slot-1", "slot-2" share a long prefix).
   */
  const uniqueFunction = ({ what, path, nested }: Unique, place: Place): string => {
    const name = module.nameFor("unique", {
      base: place.base,
      path: [...place.path.filter((key) => key !== "refine"), ...what.split(" ")],
    });
    const at = (entry: string) => `${entry}${path.map(access).join("")}`;
    const bit = [
      'const bit = typeof seen === "string" && seen.length > 0 ? 1 << (seen.charCodeAt(seen.length - 1) & 31) : 1;',
      "if ((endings & bit) !== 0) {",
    ];
    const lines =
      nested === undefined
        ? [
            "  let endings = 0;",
            "  for (let i = 0; i < value.length; i++) {",
            `    const seen = ${at("value[i]")};`,
            ...bit.map((line) => `    ${line}`),
            `      for (let j = 0; j < i; j++) if (${at("value[j]")} === seen) return false;`,
            "    }",
            "    endings |= bit;",
            "  }",
          ]
        : [
            // Entries of every group's `nested` array, each against all those before it.
            "  let endings = 0;",
            "  for (let group = 0; group < value.length; group++) {",
            `    const entries = value[group]${access(nested)};`,
            "    for (let i = 0; i < entries.length; i++) {",
            `      const seen = ${at("entries[i]")};`,
            ...bit.map((line) => `      ${line}`),
            "        for (let other = 0; other <= group; other++) {",
            `          const earlier = value[other]${access(nested)};`,
            "          const end = other === group ? i : earlier.length;",
            `          for (let j = 0; j < end; j++) if (${at("earlier[j]")} === seen) return false;`,
            "        }",
            "      }",
            "      endings |= bit;",
            "    }",
            "  }",
          ];
    module.functions.push(
      [
        `/** ${capitalizedWhat(what)} are unique. */`,
        `function ${name}(value: readonly any[]): boolean {`,
        ...lines,
        "  return true;",
        "}",
      ].join("\n"),
    );
    return name;
  };

  /** The function testing an object, array or union rule (`extraKey`: a union's tag, known to its cases). */
  const functionFor = (rule: ObjectRule | ArrayRule | UnionRule, at: Place, extraKey: string | undefined, exported?: string): string => {
    const slot = functionSlot(made, module, target, { rule, place: at, extraKey, exported }, builder ? "builtPasses" : "passes");
    if (slot.place === undefined) return slot.name;
    const { place } = slot;
    const root = exported !== undefined;
    const body =
      rule.kind === "object"
        ? objectBody(rule, place, extraKey, root)
        : rule.kind === "array"
          ? arrayBody(rule, place)
          : unionBody(rule, place);
    // A union's case, and a part of a larger object, are called with an object already checked to be one.
    const checked = extraKey !== undefined || (root && target.part === true);
    const parameter = checked
      ? "value: JsonObject"
      : rule.kind === "object" && rule.fromCaller !== true
        ? "input: unknown"
        : "value: unknown";
    if (checked) module.importName("../report.js", "type JsonObject");
    const flag = builder ? "" : exported === undefined ? ", fromBuilder: boolean" : ", fromBuilder = false";
    const text = [`(${parameter}${flag}): boolean {`, ...body, "}"].join("\n");
    return writeFunction(module, bodies, slot, text, {
      root: root
        ? builder
          ? `${target.comment} The builder path's: a body a builder assembled (see checks.ts).`
          : target.comment
        : undefined,
      part: "True when the part breaks no error rule; several modules call it (quick-source/parts.ts).",
    });
  };

  const objectBody = (rule: ObjectRule, place: Place, extraKey: string | undefined, root: boolean): string[] => {
    const part = root && target.part === true;
    const shared = root ? target.shared : undefined;
    const written = root ? (target.builderWrites ?? []) : [];
    const lines: string[] = [];
    if (extraKey === undefined && !part) {
      const isRecord = module.runtime("isRecord");
      if (rule.fromCaller === true) lines.push(`  if (!${isRecord}(value)) return false;`);
      else {
        // A builder's own object is one: checked on the strict path only.
        module.importName("../report.js", "type JsonObject");
        if (!builder) lines.push(`  if (!fromBuilder && !${isRecord}(input)) return false;`);
        lines.push("  const value = input as JsonObject;");
      }
    }
    const prologue = lines.length;
    const builderChecks: string[] = [];
    for (const key of Object.keys(rule.fields)) {
      if (shared?.fields.includes(key) === true) continue;
      const field = rule.fields[key] as Field;
      const local = `field_${key.replace(/[^A-Za-z0-9_]/g, "_")}`;
      const passes = condition(field.rule, local, below(place, "fields", key, "rule"));
      const into = written.includes(key) ? builderChecks : lines;
      // Required: absent is missing, and null is checked as a value (the rule says no, as explain() does).
      // Optional: null is read as absent (a warning).
      if (field.required === true) {
        into.push(`  const ${local} = value${access(key)};`);
        into.push(
          passes === undefined
            ? `  if (${local} === undefined) return false;`
            : `  if (${local} === undefined || !(${passes})) return false;`,
        );
      } else if (passes !== undefined) {
        // NaN and ±Infinity are sent as null too: absent.
        into.push(
          `  const ${local} = value${access(key)};`,
          `  if (${local} != null && !(${passes}) && !${module.runtime("absent")}(${local})) return false;`,
        );
      }
    }
    // The fields the builder writes itself, checked on the strict path only (see the top of this file).
    if (builderChecks.length > 0 && !builder)
      lines.splice(prologue, 0, "  if (!fromBuilder) {", ...builderChecks.map((line) => `  ${line}`), "  }");
    // Any other key with a value is an error. A builder's own objects have only the keys it
    // wrote; those it passes on from the caller as they are (media sources) are checked always.
    if (!part && (!builder || rule.fromCaller === true)) {
      const keys = keySet(
        [...new Set([...Object.keys(rule.fields), ...Object.keys(rule.ignored ?? {}), ...(extraKey === undefined ? [] : [extraKey])])],
        place,
        "Keys",
      );
      lines.push(
        `  if (${rule.fromCaller === true || builder ? "" : "!fromBuilder && "}!${module.runtime("onlyKeys")}(value, ${keys})) return false;`,
      );
    }
    const checks = [refinements(rule.refine, place, shared?.refine)];
    if (shared !== undefined)
      checks.push(`${module.importName(`./${shared.module}.js`, builder ? builtName(shared.name) : shared.name)}(value${flagArgument})`);
    lines.push(`  return ${checks.filter((check) => check !== "true").join(" && ") || "true"};`);
    return lines;
  };

  const arrayBody = (rule: ArrayRule, place: Place): string[] => {
    const bounds = ["!Array.isArray(value)"];
    if (rule.min > 0) bounds.push(`value.length < ${rule.min}`);
    if (Number.isFinite(rule.max)) bounds.push(`value.length > ${rule.max}`);
    const passes = condition(rule.item, "item", below(place, "item"));
    const loop =
      passes === undefined
        ? []
        : [
            "  for (let index = 0; index < value.length; index++) {",
            "    const item: unknown = value[index];",
            `    if (!(${passes})) return false;`,
            "  }",
          ];
    return [`  if (${bounds.join(" || ")}) return false;`, ...loop, `  return ${refinements(rule.refine, place)};`];
  };

  const unionBody = (rule: UnionRule, place: Place): string[] => {
    const isRecord = module.runtime("isRecord");
    const fallback = rule.default === undefined ? "" : ` ?? ${JSON.stringify(rule.default)}`;
    const cases = Object.keys(rule.cases).flatMap((name) => [
      `      case ${JSON.stringify(name)}:`,
      `        return ${functionFor(rule.cases[name] as ObjectRule, below(place, "cases", name), rule.key)}(value${flagArgument});`,
    ]);
    if (rule.anyCase !== true)
      return [
        `  if (!${isRecord}(value)) return false;`,
        `  switch (value${access(rule.key)}${fallback}) {`,
        ...cases.map((line) => line.slice(2)),
        "  }",
        "  return false;",
      ];
    // Another case of a known tag is accepted (a warning): a second pass with the tag in lower case.
    if (Object.keys(rule.cases).some((name) => name !== name.toLowerCase()))
      throw new Error(`yes/no checks: a union that takes any case needs lower-case case names (${Object.keys(rule.cases).join(", ")})`);
    return [
      `  if (!${isRecord}(value)) return false;`,
      `  let tag = value${access(rule.key)}${fallback};`,
      "  for (let pass = 0; pass < 2; pass++) {",
      "    switch (tag) {",
      ...cases,
      "    }",
      '    if (typeof tag !== "string") return false;',
      "    tag = tag.toLowerCase();",
      "  }",
      "  return false;",
    ];
  };

  if (target.parts?.exported === true)
    for (const part of target.parts.list) functionFor(part.rule, { base: undefined, path: part.path }, part.extraKey);
  const root = target.root;
  if (root === undefined) return "";
  if (root.kind !== "object" && root.kind !== "array" && root.kind !== "union")
    throw new Error("yes/no checks: a root must be an object, array or union rule");
  return functionFor(root, { base: undefined, path: [] }, undefined, builder ? builtName(target.exportName) : target.exportName);
}

const capitalizedWhat = (what: string): string => what.charAt(0).toUpperCase() + what.slice(1);
