import type { ArrayRule, ObjectRule, Rule, UnionRule } from "../rule.js";
import type { Path } from "./module.js";

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
  /** Its check's export: `testInteractiveBody`. */
  readonly passes: string;
  /** Its explanation's export: `explainInteractiveBody`. */
  readonly explain: string;
}

/** The part for `rule` (as a case of a union keyed `extraKey`), if it is one. */
export const partOf = (parts: readonly SharedPart[] | undefined, rule: Rule, extraKey: string | undefined): SharedPart | undefined =>
  parts?.find((part) => part.rule === rule && part.extraKey === extraKey);

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
        parts.push({
          rule,
          extraKey: key === "" ? undefined : key,
          path,
          passes: `${word.charAt(0).toLowerCase()}${word.slice(1)}Passes`,
          explain: `explain${word}`,
        });
      }
  return parts;
}
