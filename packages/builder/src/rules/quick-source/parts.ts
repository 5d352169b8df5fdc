import type { ArrayRule, ObjectRule, Rule, UnionRule } from "../rule.js";
import type { GeneratedModule, Path, Place } from "./module.js";
import type { QuickTarget } from "./target.js";

// Parts of several roots (an interactive message's body, footer and header cases, the same rule
// objects in each of the fifteen interactive types): written once, in a module of their own
// that each root's module imports, so a send carries each part once and one type's module only
// the parts that type has.

/** A rule whose check and explanation are functions (objects, arrays, unions). */
export type FunctionRule = ObjectRule | ArrayRule | UnionRule;

/** One shared part: its rule, the union key it is a case of (if any), and its exported names. */
export interface SharedPart {
  readonly rule: FunctionRule;
  /** The key of the union whose case it is (`type`): its functions take an object already entered. */
  readonly extraKey: string | undefined;
  /** Where it sits in the first root that has it, that root's own keys left out: `fields.body.rule`. */
  readonly path: Path;
  /** Its check's export: `interactiveBodyPasses`. */
  readonly passes: string;
  /** Its explanation's export: `explainInteractiveBody`. */
  readonly explain: string;
  /** Its builder-path check's export (see checks.ts): `builtInteractiveBodyPasses`. */
  readonly builtPasses: string;
  /** Its builder-path explanation's export: `explainBuiltInteractiveBody`. */
  readonly explainBuilt: string;
}

/** What a function does: the check or the explanation, of any body or (`built…`) of a body a builder assembled. */
export type Role = "passes" | "explain" | "builtPasses" | "explainBuilt";

/** The builder-path name of a check or explanation: `envelopePasses` → `builtEnvelopePasses`, `explainX` → `explainBuiltX`. */
export const builtName = (name: string): string =>
  name.startsWith("explain") ? `explainBuilt${name.slice(7)}` : `built${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** The part for `rule` (as a case of a union keyed `extraKey`), if it is one. */
export const partOf = (parts: readonly SharedPart[] | undefined, rule: Rule, extraKey: string | undefined): SharedPart | undefined =>
  parts?.find((part) => part.rule === rule && part.extraKey === extraKey);

/**
 * The name of the function a module writes for `rule` (as a case keyed `extraKey`), the check's
 * (`passes`) or the explanation's: the one already made, a shared part's import, or a new name,
 * with the `place` where the caller now writes its body.
 */
export type FunctionSlot = { readonly name: string; readonly place?: undefined } | FreshSlot;

/** A function this module writes now: its name, where its rule is, the shared part it is (if any). */
export interface FreshSlot {
  readonly name: string;
  readonly place: Place;
  readonly part: SharedPart | undefined;
  /** Use `twin`, an identical function already written, instead of this one. */
  readonly instead: (twin: string) => void;
}

/** See FunctionSlot. */
export function functionSlot(
  made: Map<Rule, Map<string, string>>,
  module: GeneratedModule,
  target: QuickTarget,
  at: { readonly rule: FunctionRule; readonly place: Place; readonly extraKey: string | undefined; readonly exported: string | undefined },
  role: Role,
): FunctionSlot {
  const { rule, extraKey, exported } = at;
  const byKey = made.get(rule) ?? new Map<string, string>();
  made.set(rule, byKey);
  const memo = byKey.get(extraKey ?? "");
  if (memo !== undefined) return { name: memo };
  // A part several roots share: written once, in the parts module, and imported by the others.
  const part = partOf(target.parts?.list, rule, extraKey);
  if (part !== undefined && target.parts?.exported !== true) {
    const imported = module.importName(`./${target.parts?.module}.js`, part[role]);
    byKey.set(extraKey ?? "", imported);
    return { name: imported };
  }
  const place = module.placeOf(rule, at.place);
  const name =
    exported ??
    (part !== undefined
      ? module.reserve(part[role])
      : role === "passes" || role === "builtPasses"
        ? module.nameFor(role === "passes" ? "" : "built", at.place, "passes")
        : module.nameFor(role === "explain" ? "explain" : "explainBuilt", at.place));
  byKey.set(extraKey ?? "", name);
  return { name, place, part, instead: (twin) => byKey.set(extraKey ?? "", twin) };
}

/**
 * Writes a fresh slot's function, `text` being its parameters and body, with the doc of a root
 * or of a shared part; a private function identical to one already written (`bodies`) is not
 * written again, the other is used. Returns the name to call.
 */
export function writeFunction(
  module: GeneratedModule,
  bodies: Map<string, string>,
  slot: FreshSlot,
  text: string,
  docs: { readonly root: string | undefined; readonly part: string },
): string {
  const twin = docs.root !== undefined || slot.part !== undefined ? undefined : bodies.get(text);
  if (twin !== undefined) {
    slot.instead(twin);
    return twin;
  }
  bodies.set(text, slot.name);
  const doc = docs.root ?? (slot.part !== undefined ? docs.part : undefined);
  module.functions.push(doc === undefined ? `function ${slot.name}${text}` : `/** ${doc} */\nexport function ${slot.name}${text}`);
  return slot.name;
}

/**
 * The object, array and union rules that more than one of `roots` reaches (the same rule
 * object, as the same union's case or not), in the order first reached; the roots themselves
 * and the cases of each root union (the root's own type) are not parts. `name` makes the
 * exported names from a part's path.
 */
export function sharedParts(roots: readonly UnionRule[], name: (path: Path) => string): SharedPart[] {
  const found = new Map<FunctionRule, Map<string, { readonly path: Path; readonly roots: Set<number> }>>();
  const walk = (rule: Rule, extraKey: string | undefined, path: Path, root: number): void => {
    if (rule.kind !== "object" && rule.kind !== "array" && rule.kind !== "union") return;
    if (path.length > 0) {
      const byKey = found.get(rule) ?? new Map();
      found.set(rule, byKey);
      const seen = byKey.get(extraKey ?? "") ?? { path, roots: new Set<number>() };
      byKey.set(extraKey ?? "", seen);
      seen.roots.add(root);
    }
    if (rule.kind === "object")
      for (const key of Object.keys(rule.fields)) walk(rule.fields[key]?.rule as Rule, undefined, [...path, "fields", key, "rule"], root);
    else if (rule.kind === "array") walk(rule.item, undefined, [...path, "item"], root);
    else for (const key of Object.keys(rule.cases)) walk(rule.cases[key] as ObjectRule, rule.key, [...path, "cases", key], root);
  };
  roots.forEach((root, index) => {
    // A root's one case is its type (`button`): its parts' paths start below it.
    for (const key of Object.keys(root.cases)) {
      const own = root.cases[key] as ObjectRule;
      for (const field of Object.keys(own.fields)) walk(own.fields[field]?.rule as Rule, undefined, ["fields", field, "rule"], index);
    }
  });
  const parts: SharedPart[] = [];
  for (const [rule, byKey] of found)
    for (const [key, { path, roots: reached }] of byKey)
      if (reached.size > 1) {
        const word = name(path);
        const passes = `${word.charAt(0).toLowerCase()}${word.slice(1)}Passes`;
        const explain = `explain${word}`;
        parts.push({
          rule,
          extraKey: key === "" ? undefined : key,
          path,
          passes,
          explain,
          builtPasses: builtName(passes),
          explainBuilt: builtName(explain),
        });
      }
  return parts;
}
