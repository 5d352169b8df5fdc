import type { ArrayRule, EnumRule, Field, NumberRule, ObjectRule, Refinement, Rule, StringRule, UnionRule, Unique } from "./rule.js";

// A reading of the rule table: the source of each kind's quick test (rules/quick/), written by
// `pnpm rules` and checked by `pnpm test`. An interpreter that walks the table at run time pays
// for a closure call and a megamorphic property read per field; the emitted code reads each
// field by name and compares against the limits inlined, as a hand-written check would, and
// nothing is evaluated from strings (CSP-safe). It says yes exactly when explain() reports no
// error; the property test over the table holds it to that.
//
// One shortcut, for builders: `fromBuilder` skips counting the keys of objects a builder
// wrote itself (it writes only known keys); objects it passes on from the caller as they are
// (`fromCaller`: media sources) are still counted. build-verdict.test.ts holds a builder's
// verdict to validate()'s.

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
  const references = new Map<object, { name: string; line: string }>();
  const patterns = new Map<string, string>();
  /** Lower-cased enum values (JSON) → the name of their Set. */
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

  /** An expression for a function of the table (a refinement's `test`, a custom rule's `is`) at `place`. */
  const reference = (object: object, place: Place, label: string, type: string): string => {
    const known = references.get(object);
    if (known !== undefined) return known.name;
    const named = names.get(object);
    if (named !== undefined) {
      // An export of the table is called by its own name.
      const name = importName(`../${named.module}.js`, named.name);
      references.set(object, { name, line: "" });
      return name;
    }
    if (place.base === undefined) throw new Error(`quick tests: a ${label} has no named export above it to be reached from`);
    importName("./runtime.js", "ruleAt");
    importName(`../${place.base.module}.js`, place.base.name);
    importName("../rule.js", `type ${type.replace(/<.*/, "")}`);
    const name = nameFor(label, place.path);
    const path = place.path.map((key) => JSON.stringify(key)).join(", ");
    references.set(object, { name, line: `const ${name} = ruleAt(${place.base.name}, ${path}) as ${type};` });
    return name;
  };

  const placeOf = (rule: object, place: Place): Place => {
    const named = names.get(rule);
    return named === undefined ? place : { base: named, path: [] };
  };
  const below = (place: Place, ...keys: Path): Place => ({ base: place.base, path: [...place.path, ...keys] });

  const patternName = (pattern: RegExp): string => {
    const source = `/${pattern.source}/${pattern.flags}`;
    let name = patterns.get(source);
    if (name === undefined) {
      name = `pattern${patterns.size}`;
      patterns.set(source, name);
    }
    return name;
  };

  /** Statements that `return false` unless `value` (an expression, read once) passes a leaf rule, or a call for the others. */
  const check = (rule: Rule, value: string, place: Place, indent: string): string[] => {
    switch (rule.kind) {
      case "string":
        return stringCheck(rule, value, indent);
      case "enum":
        return [`${indent}if (!(${enumTest(rule, value)})) return false;`];
      case "number":
        return numberCheck(rule, value, indent);
      case "boolean":
        return [`${indent}if (typeof ${value} !== "boolean") return false;`];
      case "json": {
        // Plain JSON only: a toJSON, an undefined or a cycle inside would be sent otherwise than it reads.
        runtime.add("isRecord");
        importName("../wire.js", "isPlainJson");
        const nonEmpty = rule.nonEmpty === true ? ` || !hasKeys(${value})` : "";
        if (rule.nonEmpty === true) runtime.add("hasKeys");
        return [`${indent}if (!isRecord(${value})${nonEmpty} || !isPlainJson(${value})) return false;`];
      }
      case "any":
        return [];
      case "custom":
        return [`${indent}if (!${reference(rule, place, "custom", "CustomRule")}.is(${value})) return false;`];
      default:
        return [`${indent}if (!${functionFor(rule, place, undefined)}(${value}, fromBuilder)) return false;`];
    }
  };

  const stringCheck = (rule: StringRule, value: string, indent: string): string[] => {
    const failures: string[] = [];
    if (rule.min > 0) failures.push(`${value}.length < ${rule.min}`);
    if (Number.isFinite(rule.max)) failures.push(`${value}.length > ${rule.max}`);
    if (rule.pattern !== undefined) {
      const test = `!${patternName(rule.pattern)}.test(${value})`;
      failures.push(rule.tolerate === undefined ? test : `(${test} && !${patternName(rule.tolerate)}.test(${value}))`);
    }
    let fails = failures.join(" || ");
    // An empty value the API accepts (a warning) is checked no further, as explain() does.
    if (rule.emptyIsWarning !== undefined && failures.length > 0) fails = `(${value}.length !== 0 && (${fails}))`;
    if (rule.numberIsWarning === true) {
      // A finite JSON number is accepted (a warning).
      const number = `!(typeof ${value} === "number" && Number.isFinite(${value}))`;
      return [`${indent}if (typeof ${value} === "string" ? ${fails === "" ? "false" : fails} : ${number}) return false;`];
    }
    return [`${indent}if (typeof ${value} !== "string"${fails === "" ? "" : ` || ${fails}`}) return false;`];
  };

  const enumTest = (rule: EnumRule, value: string): string => {
    const exact = rule.values.map((v) => `${value} === ${JSON.stringify(v)}`).join(" || ");
    if (rule.anyCase !== true) return exact;
    // Another case is accepted (a warning): the exact values first, then one lower-casing.
    const lower = JSON.stringify([...new Set(rule.values.map((v) => v.toLowerCase()))]);
    let set = sets.get(lower);
    if (set === undefined) {
      set = `values${sets.size}`;
      sets.set(lower, set);
    }
    return `${exact} || (typeof ${value} === "string" && ${set}.has(${value}.toLowerCase()))`;
  };

  const numberCheck = (rule: NumberRule, value: string, indent: string): string[] => {
    const lines: string[] = [];
    let number = value;
    if (rule.numericString === true) {
      importName("../numeric.js", "numeric");
      number = `${value}_number`;
      lines.push(`${indent}const ${number} = typeof ${value} === "string" ? numeric(${value}) : ${value};`);
    }
    const failures = [`typeof ${number} !== "number"`, `!Number.isFinite(${number})`];
    if (rule.integer === true) failures.push(`!Number.isSafeInteger(${number})`);
    if (Number.isFinite(rule.min)) failures.push(`${number} < ${literal(rule.min)}`);
    if (Number.isFinite(rule.max)) failures.push(`${number} > ${literal(rule.max)}`);
    lines.push(`${indent}if (${failures.join(" || ")}) return false;`);
    return lines;
  };

  const refinements = (refine: readonly Refinement<never>[] | undefined, place: Place, type: string): string => {
    if (refine === undefined || refine.length === 0) return "true";
    return refine
      .map((refinement, index) =>
        "unique" in refinement
          ? `${uniqueFunction(refinement.unique, below(place, "refine", index))}(value)`
          : `${reference(refinement, below(place, "refine", index), "refinement", type)}.test(value)`,
      )
      .join(" && ");
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
    const body =
      rule.kind === "object" ? objectBody(rule, place, extraKey) : rule.kind === "array" ? arrayBody(rule, place) : unionBody(rule, place);
    // A union's case is called with an object the union already checked.
    const parameter = extraKey === undefined ? "unknown" : "JsonObject";
    if (extraKey !== undefined) importName("../report.js", "type JsonObject");
    const flag = exported === undefined ? "fromBuilder: boolean" : "fromBuilder = false";
    functions.push([`function ${name}(value: ${parameter}, ${flag}): boolean {`, ...body, "}"].join("\n"));
    return name;
  };

  const objectBody = (rule: ObjectRule, place: Place, extraKey: string | undefined): string[] => {
    const lines = ["  let known = 0;"];
    if (extraKey === undefined) {
      runtime.add("isRecord");
      lines.unshift("  if (!isRecord(value)) return false;");
    }
    for (const key of Object.keys(rule.fields)) {
      const field = rule.fields[key] as Field;
      const local = `field_${key.replace(/[^A-Za-z0-9_]/g, "_")}`;
      lines.push(`  const ${local} = value${access(key)};`);
      const inner = check(field.rule, local, below(place, "fields", key, "rule"), "    ");
      if (field.required === true) {
        // Absent is missing; null is checked as a value (the rule says no, as explain() does).
        lines.push(`  if (${local} === undefined) return false;`, "  known++;", ...inner.map((line) => line.slice(2)));
      } else {
        // Null in an optional field is read as absent: a warning.
        lines.push(`  if (${local} !== undefined) {`, "    known++;", `    if (${local} !== null) {`);
        lines.push(...inner.map((line) => `  ${line}`), "    }", "  }");
      }
    }
    for (const key of [...Object.keys(rule.ignored ?? {}), ...(extraKey === undefined ? [] : [extraKey])])
      if (!Object.hasOwn(rule.fields, key)) lines.push(`  if (value${access(key)} !== undefined) known++;`);
    // Any other key with a value is unknown: an error. The loop is written into each function
    // rather than called, so each for-in sees only its own objects' shapes (V8's enum cache).
    // A builder's own objects have only the keys it wrote; those it passes on from the caller are counted.
    const count = ["for (const key in value) if (value[key] !== undefined) known--;", "if (known !== 0) return false;"];
    if (rule.fromCaller === true) lines.push(...count.map((line) => `  ${line}`));
    else lines.push("  if (!fromBuilder) {", ...count.map((line) => `    ${line}`), "  }");
    lines.push(`  return ${refinements(rule.refine, place, "TestedRefinement")};`);
    return lines;
  };

  const arrayBody = (rule: ArrayRule, place: Place): string[] => {
    const bounds = [`value.length < ${rule.min}`];
    if (Number.isFinite(rule.max)) bounds.push(`value.length > ${rule.max}`);
    return [
      `  if (!Array.isArray(value) || ${bounds.join(" || ")}) return false;`,
      "  for (let index = 0; index < value.length; index++) {",
      "    const item: unknown = value[index];",
      ...check(rule.item, "item", below(place, "item"), "    "),
      "  }",
      `  return ${refinements(rule.refine, place, "TestedRefinement<readonly unknown[]>")};`,
    ];
  };

  const unionBody = (rule: UnionRule, place: Place): string[] => {
    runtime.add("isRecord");
    const fallback = rule.default === undefined ? "" : ` ?? ${JSON.stringify(rule.default)}`;
    const lines = ["  if (!isRecord(value)) return false;", `  const tag = value${access(rule.key)}${fallback};`, "  switch (tag) {"];
    const caseNames = Object.keys(rule.cases);
    for (const name of caseNames)
      lines.push(
        `    case ${JSON.stringify(name)}:`,
        `      return ${functionFor(rule.cases[name] as ObjectRule, below(place, "cases", name), rule.key)}(value, fromBuilder);`,
      );
    lines.push("  }");
    if (rule.anyCase === true) {
      // Another case of a known tag is accepted (a warning): the first case whose lower case matches.
      lines.push('  if (typeof tag !== "string") return false;', "  switch (tag.toLowerCase()) {");
      const seen = new Set<string>();
      for (const name of caseNames) {
        const lower = name.toLowerCase();
        if (seen.has(lower)) continue;
        seen.add(lower);
        lines.push(
          `    case ${JSON.stringify(lower)}:`,
          `      return ${functionFor(rule.cases[name] as ObjectRule, below(place, "cases", name), rule.key)}(value, fromBuilder);`,
        );
      }
      lines.push("  }");
    }
    lines.push("  return false;");
    return lines;
  };

  const root = target.root;
  if (root.kind !== "object" && root.kind !== "array" && root.kind !== "union")
    throw new Error("quick tests: a root must be an object, array or union rule");
  const rootName = functionFor(root, { base: undefined, path: [] }, undefined, target.exportName);

  if (runtime.size > 0) for (const name of [...runtime].sort()) importName("./runtime.js", name);
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
    ...[...sets].map(([values, name]) => `const ${name}: ReadonlySet<string> = new Set(${values});`),
    ...[...references.values()].filter((reference) => reference.line !== "").map((reference) => reference.line),
  ];
  const exports: string[] = [];
  if (target.kind !== undefined)
    exports.push(
      `/** The ${target.kind.type} kind's rules: its content rule (what explain() reads) and this quick test. */`,
      `export const ${target.kind.rulesName}: KindRules<${JSON.stringify(target.kind.type)}> = { type: ${JSON.stringify(target.kind.type)}, content: ${target.kind.content.name}, test: ${rootName} };`,
    );
  return [
    "// Generated by `pnpm rules` from the rule table (packages/builder/src/rules/): do not edit.",
    "// A quick yes/no with the same verdict as explain()'s errors; see rules/quick-source.ts.",
    ...importLines,
    "",
    ...(constants.length > 0 ? [...constants, ""] : []),
    functions.map((code) => (code.startsWith(`function ${rootName}(`) ? `/** ${target.comment} */\nexport ${code}` : code)).join("\n\n"),
    "",
    ...(exports.length > 0 ? [...exports, ""] : []),
  ].join("\n");
}
