import type { Rule } from "../rule.js";

// The state of one generated module while its checks and explanations are written: imports,
// module-level constants, functions, and the names already taken. The emitters (checks.ts,
// explanations.ts) add to it; quick-source.ts assembles the text.

/** A named export of a rules module: how emitted code reaches the table's functions (refinements, custom rules). */
export interface Named {
  readonly module: string;
  readonly name: string;
}

export type Path = readonly (string | number)[];

/** Where a rule sits: the nearest named export above it and the keys from there. */
export interface Place {
  readonly base: Named | undefined;
  readonly path: Path;
}

export const below = (place: Place, ...keys: Path): Place => ({ base: place.base, path: [...place.path, ...keys] });

/** Keys of the table's own structure, left out of generated names (`fields`, `rule`, …). */
const structural = new Set(["fields", "rule", "cases", "item", "refine"]);
const identifier = /^[A-Za-z_$][\w$]*$/;

/** `.key`, or `["key"]` when the key is no identifier. */
export const access = (key: string): string => (identifier.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** A number as a literal (`-0` as `0`, infinities by name). */
export const literal = (value: number): string =>
  Object.is(value, -0)
    ? "0"
    : value === Number.POSITIVE_INFINITY
      ? "Infinity"
      : value === Number.NEGATIVE_INFINITY
        ? "-Infinity"
        : String(value);

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export class GeneratedModule {
  readonly #names: ReadonlyMap<object, Named>;
  readonly #imports = new Map<string, Set<string>>();
  readonly #used = new Set<string>();
  /** Constants by their source text → name, in the order made. */
  readonly #constants = new Map<string, { readonly name: string; readonly type: string | undefined }>();
  readonly #references = new Map<object, string>();
  readonly functions: string[] = [];

  readonly #rootWord: string;

  /** `rootWord` names the root's constants: `message`, `envelope`. */
  constructor(names: ReadonlyMap<object, Named>, rootWord: string) {
    this.#names = names;
    this.#rootWord = rootWord;
  }

  importName(from: string, name: string): string {
    const set = this.#imports.get(from) ?? new Set<string>();
    set.add(name);
    this.#imports.set(from, set);
    this.#used.add(name.replace(/^type /, ""));
    return name;
  }

  /** Takes `name` as given (an exported part's): no generated name may be it. */
  reserve(name: string): string {
    if (this.#used.has(name)) throw new Error(`yes/no checks: the name ${name} is taken twice`);
    this.#used.add(name);
    return name;
  }

  /** Imports a type by name; returns the name. */
  importType(from: string, name: string): string {
    this.importName(from, `type ${name}`);
    return name;
  }

  /** A helper of the generated checks' runtime (rules/quick/runtime.ts). */
  runtime(name: string): string {
    return this.importName("./runtime.js", name);
  }

  /** A helper of the generated explanations' runtime (rules/quick/explain-runtime.ts). */
  explainRuntime(name: string): string {
    return this.importName("./explain-runtime.js", name);
  }

  /**
   * A unique camel-case name from the rule's path (`buttonActionButtons`), after `prefix` and
   * before `suffix`: `testButtonActionButtons`, `buttonActionButtonsKeys`.
   */
  nameFor(prefix: string, place: Place, suffix = ""): string {
    const words = place.path
      .filter((key): key is string => typeof key === "string" && !structural.has(key))
      .flatMap((key) => key.split(/[^A-Za-z0-9]+/))
      .filter((word) => word !== "")
      .map(capitalized);
    // After the named rule it is in (`text`, `context`; `button` for buttonInteractiveRule), or the target's word
    // at the root (`message`): `textBody`, `contextMessageId`, `buttonActionButtons`.
    const top = capitalized(place.base === undefined ? this.#rootWord : place.base.name.replace(/(Interactive)?Rule$/, ""));
    const pascal = (words[0] === top ? words : [top, ...words]).join("");
    const base = `${prefix === "" ? pascal.charAt(0).toLowerCase() + pascal.slice(1) : prefix + pascal}${capitalized(suffix)}`;
    let name = base;
    for (let n = 2; this.#used.has(name); n++) name = `${base}${n}`;
    this.#used.add(name);
    return name;
  }

  /** A module-level constant holding `source`, one per distinct source, named after the first rule that uses it. */
  constant(source: string, place: Place, suffix: string, type?: string): string {
    const known = this.#constants.get(source);
    if (known !== undefined) return known.name;
    const name = this.nameFor("", place, suffix);
    this.#constants.set(source, { name, type });
    return name;
  }

  /**
   * The name of a function or object of the table (a refinement, a custom rule) at `place`: an
   * export of its rules module, imported by name, so generated code never reaches into the table
   * by position and carries only what it calls.
   */
  reference(object: object, place: Place, label: string): string {
    const known = this.#references.get(object);
    if (known !== undefined) return known;
    const named = this.#names.get(object);
    if (named === undefined) {
      const where = [place.base?.name ?? "the root", ...place.path].join(".");
      throw new Error(`yes/no checks: the ${label} at ${where} has no name; export it from its rules module (const ... = ...)`);
    }
    const name = this.importName(`../${named.module}.js`, named.name);
    this.#references.set(object, name);
    return name;
  }

  /**
   * How emitted code calls a refinement's `passes` or `explain`: that function by its own name when its module
   * exports it (so the refinement object, and its `doc`, stay out of a send's bundle), else through the refinement.
   */
  refinementPart(refinement: object, place: Place, part: "passes" | "explain"): string {
    const own = (refinement as { readonly [key: string]: unknown })[part];
    if (typeof own === "function" && this.#names.has(own)) return this.reference(own, place, "refinement");
    return `${this.reference(refinement, place, "refinement")}.${part}`;
  }

  /** The place of `rule`: its own name when the table exports it, else `place`. */
  placeOf(rule: Rule, place: Place): Place {
    const named = this.#names.get(rule);
    return named === undefined ? place : { base: named, path: [] };
  }

  /** The import lines, sorted by module and name. */
  importLines(): string[] {
    return [...this.#imports]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([from, set]) => {
        const sorted = [...set].sort((a, b) => a.replace(/^type /, "").localeCompare(b.replace(/^type /, "")));
        if (sorted.every((name) => name.startsWith("type ")))
          return `import type { ${sorted.map((name) => name.slice(5)).join(", ")} } from "${from}";`;
        return `import { ${sorted.join(", ")} } from "${from}";`;
      });
  }

  constantLines(): string[] {
    return [...this.#constants].map(([source, { name, type }]) => `const ${name}${type === undefined ? "" : `: ${type}`} = ${source};`);
  }
}
