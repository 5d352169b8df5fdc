// What the generated explanations (rules/quick/*.generated.ts, `explain…`) share: explain()'s
// steps into objects, arrays and unions, with the rule's data passed in, so each kind's module
// states its rules without the table or the walk over it (explain.ts). Run only when a body
// fails its yes/no check; the property test holds their issues to explain()'s.

import {
  type Count,
  enter,
  explainBoolean,
  explainEntries,
  explainEnum,
  explainJson,
  explainNumber,
  explainPlainString,
  explainString,
  explainUnknownKeys,
  type Key,
  leave,
  nullIsAbsent,
  type PlainStringRule,
  sameIgnoringCase,
} from "../explain-leaf.js";
import type { JsonObject, Report } from "../report.js";
import { show } from "../report.js";
import type { CustomRule, EnumRule, JsonObjectRule, NumberRule, StringRule, UnknownKeys } from "../rule.js";

export type { Key };
/** The explanation of an object, array or union rule at `key`. */
export type Explainer = (value: unknown, report: Report, key: Key) => void;
/**
 * What a value is explained against: a leaf's explanation with its rule's data bound (`stringLeaf(…)`), the function of
 * a larger rule, or a custom rule. A kind's module names only the leaf explanations its rules use, so its bundle
 * carries no others (and no switch over every leaf kind).
 */
export type ExplainedBy = Explainer | Pick<CustomRule, "explain">;
/** A rule across an array's entries, by its explanation. */
export interface ListRefinement {
  readonly explain: (list: readonly unknown[], report: Report) => void;
}

/** Binds a leaf's rule to its explanation, as a kind's module names it: `stringLeaf({ min: 1, max: 4096 })`. */
const bindLeaf =
  <R>(explainLeaf: (rule: R, value: unknown, report: Report, key: Key) => void) =>
  (rule: R): Explainer =>
  (value, report, key) =>
    explainLeaf(rule, value, report, key);
export const stringLeaf: (rule: Omit<StringRule, "kind">) => Explainer = /* @__PURE__ */ bindLeaf(explainString);
/** A string leaf without the rule's warnings (most are): its module does not carry those. */
export const plainStringLeaf: (rule: PlainStringRule) => Explainer = /* @__PURE__ */ bindLeaf(explainPlainString);
export const enumLeaf: (rule: Omit<EnumRule, "kind">) => Explainer = /* @__PURE__ */ bindLeaf(explainEnum);
export const numberLeaf: (rule: Omit<NumberRule, "kind">) => Explainer = /* @__PURE__ */ bindLeaf(explainNumber);
export const jsonLeaf: (rule: Omit<JsonObjectRule, "kind">) => Explainer = /* @__PURE__ */ bindLeaf(explainJson);
export const booleanLeaf: Explainer = explainBoolean;
/** Any JSON value: nothing to report. */
export const anyLeaf: Explainer = () => {};

/** Reports what is wrong with `value` at `key` against `rule`. */
const explainValue = (rule: ExplainedBy, value: unknown, report: Report, key: Key): void =>
  typeof rule === "function" ? rule(value, report, key) : rule.explain(value, report, key);

export { enter, leave };

/**
 * The keys of an object that no field names: a warning for a key the API ignores, an error
 * for any other. `known` holds the fields, the ignored keys and a union's tag.
 */
export function explainKeys(
  object: JsonObject,
  report: Report,
  known: ReadonlySet<string>,
  unknown?: string | UnknownKeys,
  ignored?: { readonly [key: string]: string },
): void {
  explainUnknownKeys(object, report, (key) => known.has(key), unknown, ignored);
}

/** One field: missing when required (`missing` is its message), `null` read as absent when optional, else its rule. */
export function explainField(object: JsonObject, key: string, missing: string | undefined, report: Report, rule: ExplainedBy): void {
  const value = object[key];
  if (value === undefined) {
    if (missing !== undefined) report.add(key, "required", missing);
  } else if (value === null && missing === undefined) report.warn(key, "invalid_type", nullIsAbsent);
  else explainValue(rule, value, report, key);
}

/** An array at `key`: its count, each entry, then the rules across its entries (explain()'s walk of an array). */
export function explainArray(
  value: unknown,
  report: Report,
  key: Key,
  count: Count,
  item: ExplainedBy,
  refine?: readonly ListRefinement[],
): void {
  explainEntries(value, report, key, count, (entry, index) => explainValue(item, entry, report, index), refine);
}

/** A union's cases as its explanation reads them. */
export interface Cases {
  readonly key: string;
  readonly names: readonly string[];
  readonly anyCase?: boolean;
  /** The case an absent tag means. */
  readonly default?: string;
  readonly missing?: string;
  /** The message for a tag that is no case: the text before and after the tag as shown. */
  readonly expected?: readonly [string, string];
}

/** The case of a union's object, or undefined once reported why there is none. */
export function caseOf(object: JsonObject, report: Report, cases: Cases): string | undefined {
  const { key, names } = cases;
  const tag = object[key] ?? cases.default;
  let name = typeof tag === "string" && names.includes(tag) ? tag : undefined;
  if (name === undefined && cases.anyCase === true && typeof tag === "string") {
    name = sameIgnoringCase(names, tag);
    if (name !== undefined) report.warn(key, "invalid_value", `the documented form is "${name}", got ${show(tag)}`);
  }
  if (name === undefined) {
    const values = names.join(", ");
    if (tag === undefined) report.add(key, "required", cases.missing ?? `is required (one of ${values})`);
    else {
      const { expected } = cases;
      report.add(
        key,
        "invalid_value",
        expected === undefined ? `expected one of ${values}, got ${show(tag)}` : `${expected[0]}${show(tag)}${expected[1]}`,
      );
    }
  }
  return name;
}
