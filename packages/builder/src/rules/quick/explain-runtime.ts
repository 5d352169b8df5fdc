// What the generated explanations (rules/quick/*.generated.ts, `explain…`) share: explain()'s
// steps into objects, arrays and unions, with the rule's data passed in, so each kind's module
// states its rules without the table or the walk over it (explain.ts). Run only when a body
// fails its quick check; the property test holds their issues to explain()'s.

import { type Count, explainCount, explainLeaf, type LeafRule, maxIssuesPerArray, nullIsAbsent, sameIgnoringCase, truncated, unknownMessage } from "../explain-leaf.js";
import { isObject, type JsonObject, kindOf, type Report, show } from "../report.js";
import type { UnknownKeys } from "../rule.js";

export type Key = string | number | undefined;
/** The explanation of an object, array or union rule at `key`. */
export type Explainer = (value: unknown, report: Report, key: Key) => void;
/** What a value is explained against: a leaf rule's data, or the function of a larger rule. */
export type ExplainedBy = LeafRule | Explainer;
/** A rule across an array's entries, by its explanation. */
export interface ListRefinement {
  readonly explain: (list: readonly unknown[], report: Report) => void;
}

const explainValue = (rule: ExplainedBy, value: unknown, report: Report, key: Key): void => {
  if (typeof rule === "function") rule(value, report, key);
  else explainLeaf(rule, value, report, key);
};

/** Reports `value` at `key` when it is not an object; else descends into `key` (leave with `leave`). */
export function enter(value: unknown, report: Report, key: Key): value is JsonObject {
  if (!isObject(value)) {
    report.add(key, "invalid_type", `expected an object, got ${kindOf(value)}`);
    return false;
  }
  if (key !== undefined) report.enter(key);
  return true;
}

export const leave = (report: Report, key: Key): void => {
  if (key !== undefined) report.leave();
};

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
  for (const key of Object.keys(object)) {
    const why = ignored !== undefined && Object.hasOwn(ignored, key) ? ignored[key] : undefined;
    if (why !== undefined) report.warn(key, "unknown_field", why);
    else if (!known.has(key)) report.add(key, "unknown_field", unknownMessage(unknown, key));
  }
}

/** One field: missing when required (`missing` is its message), `null` read as absent when optional, else its rule. */
export function explainField(object: JsonObject, key: string, missing: string | undefined, report: Report, rule: ExplainedBy): void {
  const value = object[key];
  if (value === undefined) {
    if (missing !== undefined) report.add(key, "required", missing);
  } else if (value === null && missing === undefined) report.warn(key, "invalid_type", nullIsAbsent);
  else explainValue(rule, value, report, key);
}

/** An array at `key`: its count, each entry (up to `maxIssuesPerArray` issues), then the rules across its entries. */
export function explainArray(
  value: unknown,
  report: Report,
  key: Key,
  count: Count,
  item: ExplainedBy,
  refine: readonly ListRefinement[] = [],
): void {
  if (!Array.isArray(value)) {
    report.add(key, "invalid_type", `expected an array, got ${kindOf(value)}`);
    return;
  }
  explainCount(report, value.length, key, count);
  if (key !== undefined) report.enter(key);
  const before = report.count;
  for (let index = 0; index < value.length; index++) {
    if (report.count - before >= maxIssuesPerArray) {
      truncated(report, value.length - index);
      break;
    }
    explainValue(item, value[index], report, index);
  }
  for (const refinement of refine) refinement.explain(value, report);
  if (key !== undefined) report.leave();
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
