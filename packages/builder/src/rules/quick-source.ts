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
} from "./rule.js";

// A reading of the rule table: the source of each kind's quick test (rules/quick/), written by
// `pnpm gen` and checked by `pnpm test`. An interpreter that walks the table at run time pays
// for a closure call and a megamorphic property read per field; the emitted code reads each
// field by name and compares against the limits inlined, as a hand-written check would, and
// nothing is evaluated from strings (CSP-safe). It says yes exactly when explain() reports no
// error; the property test over the table holds it to that.
//
// One shortcut, for builders: `fromBuilder` trusts what a builder guarantees of the objects it
// writes itself: they are objects, with known keys only. Their values are all checked; objects
// it passes on from the caller as they are (`fromCaller`: media sources) are checked whole.
// build-verdict.test.ts holds every builder's verdict to validate()'s.

/** A named export of a rules module: how emitted code reaches the table's functions (refinements, custom rules). */
export interface Named {
  readonly module: string;
  readonly name: string;
}

/** One quick-test module to write: `root`'s test exported as `exportName`, and a `KindRules` pairing it with `content`. */
export interface QuickTarget {
  readonly file: string;
  readonly exportName: string;
  readonly root: Rule;
  readonly comment: string;
  /** When set, also exports `{ type, content, test }` for the builders (`rulesName`). */
  readonly kind?: { readonly type: string; readonly content: Named; readonly rulesName: string };
  /**
   * Fields and refinements of the root that another generated module checks (the envelope, the
   * same for every kind): the root calls its `name` instead of repeating them.
   */
  readonly shared?: {
    readonly module: string;
    readonly name: string;
    readonly fields: readonly string[];
    readonly refine: readonly object[];
  };
  /** The root is part of a larger object (the envelope): it takes an object and leaves the key check to its caller. */
  readonly part?: boolean;
}

type Path = readonly (string | number)[];
/** Where a rule sits: the nearest named export above it and the keys from there. */
interface Place {
  readonly base: Named | undefined;
  readonly path: Path;
}

/** Keys of the table's own structure, left out of generated names (`fields`, `rule`, …). */
const structural = new Set(["fields", "rule", "cases", "item", "refine"]);
const identifier = /^[A-Za-z_$][\w$]*$/;
const access = (key: string): string => (identifier.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
const literal = (value: number): string => (Object.is(value, -0) ? "0" : String(value));

/** Emits one module: its imports, the table references it needs, and one function per object, array or union rule. */
export function quickTestSource(target: QuickTarget, names: ReadonlyMap<object, Named>): string {
  const functions: string[] = [];
  const made = new Map<Rule, Map<string, string>>();
  /** A function's text after its name → that name. */
  const bodies = new Map<string, string>();
  const references = new Map<object, string>();
  const patterns = new Map<string, string>();
  const sets = new Map<string, string>();
  const imports = new Map<string, Set<string>>();
  const runtime = new Set<string>();
  const usedNames = new Set<string>();

  const importName = (from: string, name: string): string => {
    const set = imports.get(from) ?? new Set<string>();
    set.add(name);
    imports.set(from, set);
    return name;
  };

  /** A unique, readable function or constant name from a path of keys. */
  const nameFor = (prefix: string, path: Path): string => {
    const words = path
      .filter((key): key is string => typeof key === "string" && !structural.has(key))
      .map((key) => key.replace(/[^A-Za-z0-9]/g, "_"));
    const base = `${prefix}${words.length === 0 ? "" : `_${words.join("_")}`}`;
    let name = base;
    for (let n = 2; usedNames.has(name); n++) name = `${base}_${n}`;
    usedNames.add(name);
    return name;
  };

  /**
   * The name of a function of the table (a refinement's `test`, a custom rule's `is`) at `place`:
   * an export of its rules module, imported by name, so a generated check never reaches into the
   * table by position and carries only the functions it calls.
   */
  const reference = (object: object, place: Place, label: string): string => {
    const known = references.get(object);
    if (known !== undefined) return known;
    const named = names.get(object);
    if (named === undefined) {
      const where = [place.base?.name ?? "the root", ...place.path].join(".");
      throw new Error(`quick tests: the ${label} at ${where} has no name; export it from its rules module (const ... = ...)`);
    }
    const name = importName(`../${named.module}.js`, named.name);
    references.set(object, name);
    return name;
  };

  const placeOf = (rule: object, place: Place): Place => {
    const named = names.get(rule);
    return named === undefined ? place : { base: named, path: [] };
  };
  const below = (place: Place, ...keys: Path): Place => ({ base: place.base, path: [...place.path, ...keys] });

  /** The name of a module-level constant for `source` (a regex literal, a Set of strings), one per distinct source. */
  const constant = (of: Map<string, string>, prefix: string, source: string): string => {
    let name = of.get(source);
    if (name === undefined) {
      name = `${prefix}${of.size}`;
      of.set(source, name);
    }
    return name;
  };
  const patternName = (pattern: RegExp): string => constant(patterns, "pattern", `/${pattern.source}/${pattern.flags}`);
  const setOf = (values: readonly string[]): string => constant(sets, "set", `new Set(${JSON.stringify(values)})`);

  /**
   * An expression that is true when `value` (a local, read more than once) passes `rule`, or
   * undefined when every value does (any JSON). Leaves are written inline; objects, arrays and
   * unions call their function.
   */
  const test = (rule: Rule, value: string, place: Place): string | undefined => {
    switch (rule.kind) {
      case "string":
        return stringTest(rule, value);
      case "enum": {
        const exact = rule.values.map((v) => `${value} === ${JSON.stringify(v)}`).join(" || ");
        if (rule.anyCase !== true) return exact;
        // Another case is accepted (a warning): the exact values first, then one lower-casing.
        const lower = setOf([...new Set(rule.values.map((v) => v.toLowerCase()))]);
        return `${exact} || (typeof ${value} === "string" && ${lower}.has(${value}.toLowerCase()))`;
      }
      case "number": {
        const helper = rule.integer === true ? "integerIn" : "numberIn";
        runtime.add(helper);
        if (rule.numericString === true) importName("../numeric.js", "numeric");
        const number = rule.numericString === true ? `typeof ${value} === "string" ? numeric(${value}) : ${value}` : value;
        return `${helper}(${number}, ${literal(rule.min)}, ${literal(rule.max)})`;
      }
      case "boolean":
        return `typeof ${value} === "boolean"`;
      case "json":
        // Plain JSON only: a toJSON, an undefined or a cycle inside would be sent otherwise than it reads.
        runtime.add("isRecord");
        importName("../wire.js", "isPlainJson");
        if (rule.nonEmpty === true) runtime.add("hasKeys");
        return `isRecord(${value})${rule.nonEmpty === true ? ` && hasKeys(${value})` : ""} && isPlainJson(${value})`;
      case "any":
        return undefined;
      case "custom":
        return `${reference(rule, place, "custom rule")}.is(${value})`;
      case "object":
      case "array":
      case "union":
        return `${functionFor(rule, place, undefined)}(${value}, fromBuilder)`;
      default:
        return unhandledRule(rule);
    }
  };

  const stringTest = (rule: StringRule, value: string): string => {
    const checks: string[] = [];
    if (rule.min > 0) checks.push(`${value}.length >= ${rule.min}`);
    if (Number.isFinite(rule.max)) checks.push(`${value}.length <= ${rule.max}`);
    if (rule.pattern !== undefined) {
      const test = `${patternName(rule.pattern)}.test(${value})`;
      checks.push(rule.tolerate === undefined ? test : `(${test} || ${patternName(rule.tolerate)}.test(${value}))`);
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
        : [`${reference(refinement, at, "refinement")}.test(value)`];
    });
    return calls.length === 0 ? "true" : calls.join(" && ");
  };

  /**
   * A uniqueness rule's loop, over entries whose fields already passed (so `path` is there)
   * and whose count is within the rule's bounds, allocating nothing. One bit per last
   * character of the values so far: a value whose last character is new cannot repeat one,
   * so most values are compared with none (ids like "slot-1", "slot-2" share a long prefix).
   */
  const uniqueFunction = ({ path, nested }: Unique, place: Place): string => {
    const name = nameFor("unique", place.path);
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
    functions.push([`function ${name}(value: readonly any[]): boolean {`, ...lines, "  return true;", "}"].join("\n"));
    return name;
  };

  /** The function testing an object, array or union rule (`extraKey`: a union's tag, known to its cases). */
  const functionFor = (rule: ObjectRule | ArrayRule | UnionRule, at: Place, extraKey: string | undefined, exported?: string): string => {
    const byKey = made.get(rule) ?? new Map<string, string>();
    made.set(rule, byKey);
    const memo = byKey.get(extraKey ?? "");
    if (memo !== undefined) return memo;
    const place = placeOf(rule, at);
    const name = exported ?? nameFor(rule.kind, at.path);
    byKey.set(extraKey ?? "", name);
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
    if (checked) importName("../report.js", "type JsonObject");
    const flag = exported === undefined ? "fromBuilder: boolean" : "fromBuilder = false";
    // Two rules the table makes apart but alike (a header's media and a card's) share one function.
    const text = [`(${parameter}, ${flag}): boolean {`, ...body, "}"].join("\n");
    const twin = root ? undefined : bodies.get(text);
    if (twin !== undefined) {
      byKey.set(extraKey ?? "", twin);
      return twin;
    }
    bodies.set(text, name);
    functions.push(`function ${name}${text}`);
    return name;
  };

  const objectBody = (rule: ObjectRule, place: Place, extraKey: string | undefined, root: boolean): string[] => {
    const part = root && target.part === true;
    const shared = root ? target.shared : undefined;
    const lines: string[] = [];
    if (extraKey === undefined && !part) {
      runtime.add("isRecord");
      if (rule.fromCaller === true) lines.push("  if (!isRecord(value)) return false;");
      else {
        // A builder's own object is one: checked on the strict path only.
        importName("../report.js", "type JsonObject");
        lines.push("  if (!fromBuilder && !isRecord(input)) return false;", "  const value = input as JsonObject;");
      }
    }
    for (const key of Object.keys(rule.fields)) {
      if (shared?.fields.includes(key) === true) continue;
      const field = rule.fields[key] as Field;
      const local = `field_${key.replace(/[^A-Za-z0-9_]/g, "_")}`;
      const passes = test(field.rule, local, below(place, "fields", key, "rule"));
      // Required: absent is missing, and null is checked as a value (the rule says no, as explain() does).
      // Optional: null is read as absent (a warning).
      if (field.required === true) {
        lines.push(`  const ${local} = value${access(key)};`);
        lines.push(
          passes === undefined
            ? `  if (${local} === undefined) return false;`
            : `  if (${local} === undefined || !(${passes})) return false;`,
        );
      } else if (passes !== undefined) {
        // NaN and ±Infinity are sent as null too: absent.
        runtime.add("absent");
        lines.push(`  const ${local} = value${access(key)};`, `  if (${local} != null && !(${passes}) && !absent(${local})) return false;`);
      }
    }
    // Any other key with a value is an error. A builder's own objects have only the keys it
    // wrote; those it passes on from the caller as they are (media sources) are checked always.
    if (!part) {
      runtime.add("onlyKeys");
      const keys = setOf([
        ...new Set([...Object.keys(rule.fields), ...Object.keys(rule.ignored ?? {}), ...(extraKey === undefined ? [] : [extraKey])]),
      ]);
      lines.push(`  if (${rule.fromCaller === true ? "" : "!fromBuilder && "}!onlyKeys(value, ${keys})) return false;`);
    }
    const checks = [refinements(rule.refine, place, shared?.refine)];
    if (shared !== undefined) checks.push(`${importName(`./${shared.module}.js`, shared.name)}(value, fromBuilder)`);
    lines.push(`  return ${checks.filter((check) => check !== "true").join(" && ") || "true"};`);
    return lines;
  };

  const arrayBody = (rule: ArrayRule, place: Place): string[] => {
    const bounds = ["!Array.isArray(value)"];
    if (rule.min > 0) bounds.push(`value.length < ${rule.min}`);
    if (Number.isFinite(rule.max)) bounds.push(`value.length > ${rule.max}`);
    const passes = test(rule.item, "item", below(place, "item"));
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
    runtime.add("isRecord");
    const fallback = rule.default === undefined ? "" : ` ?? ${JSON.stringify(rule.default)}`;
    const cases = Object.keys(rule.cases).flatMap((name) => [
      `      case ${JSON.stringify(name)}:`,
      `        return ${functionFor(rule.cases[name] as ObjectRule, below(place, "cases", name), rule.key)}(value, fromBuilder);`,
    ]);
    if (rule.anyCase !== true)
      return [
        "  if (!isRecord(value)) return false;",
        `  switch (value${access(rule.key)}${fallback}) {`,
        ...cases.map((line) => line.slice(2)),
        "  }",
        "  return false;",
      ];
    // Another case of a known tag is accepted (a warning): a second pass with the tag in lower case.
    if (Object.keys(rule.cases).some((name) => name !== name.toLowerCase()))
      throw new Error(`quick tests: a union that takes any case needs lower-case case names (${Object.keys(rule.cases).join(", ")})`);
    return [
      "  if (!isRecord(value)) return false;",
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

  const root = target.root;
  if (root.kind !== "object" && root.kind !== "array" && root.kind !== "union")
    throw new Error("quick tests: a root must be an object, array or union rule");
  const rootName = functionFor(root, { base: undefined, path: [] }, undefined, target.exportName);

  for (const name of [...runtime].sort()) importName("./runtime.js", name);
  if (target.kind !== undefined) {
    importName(`../${target.kind.content.module}.js`, target.kind.content.name);
    importName("../message-of.js", "type KindRules");
  }
  const importLines = [...imports]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, set]) => {
      const sorted = [...set].sort((a, b) => a.replace(/^type /, "").localeCompare(b.replace(/^type /, "")));
      if (sorted.every((name) => name.startsWith("type ")))
        return `import type { ${sorted.map((name) => name.slice(5)).join(", ")} } from "${from}";`;
      return `import { ${sorted.join(", ")} } from "${from}";`;
    });
  const constants = [
    ...[...patterns].map(([source, name]) => `const ${name} = ${source};`),
    ...[...sets].map(([source, name]) => `const ${name}: ReadonlySet<string> = ${source};`),
  ];
  const exports: string[] = [];
  if (target.kind !== undefined)
    exports.push(
      `/** The ${target.kind.type} kind's rules: its content rule (what explain() reads) and this quick test. */`,
      `export const ${target.kind.rulesName}: KindRules<${JSON.stringify(target.kind.type)}> = { type: ${JSON.stringify(target.kind.type)}, content: ${target.kind.content.name}, test: ${rootName} };`,
    );
  return [
    "// Generated by `pnpm gen` from the rule table (packages/builder/src/rules/): do not edit.",
    "// A quick yes/no with the same verdict as explain()'s errors; see rules/quick-source.ts.",
    ...importLines,
    "",
    ...(constants.length > 0 ? [...constants, ""] : []),
    functions.map((code) => (code.startsWith(`function ${rootName}(`) ? `/** ${target.comment} */\nexport ${code}` : code)).join("\n\n"),
    "",
    ...(exports.length > 0 ? [...exports, ""] : []),
  ].join("\n");
}
