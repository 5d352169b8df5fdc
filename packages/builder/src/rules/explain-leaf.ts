import { numeric } from "./numeric.js";
import { isObject, type JsonObject, kindOf, type Report, show } from "./report.js";
import type { EnumRule, JsonObjectRule, NumberRule, ObjectRule, StringRule } from "./rule.js";

// The explanations of the table's leaves (strings, enums, numbers, …) and the messages its
// walks share, apart from the walk itself (explain.ts): both explain() and each kind's
// compiled explanation (rules/quick/*.generated.ts) call these, so a message is worded once
// and a composed send carries no walk over the table.

/** Issues reported inside one array before the rest of it is summed up in one "truncated" issue. */
export const maxIssuesPerArray = 20;

export type { LeafRule } from "./rule.js";

export type Key = string | number | undefined;

export function explainBoolean(value: unknown, report: Report, key: Key): void {
  if (typeof value !== "boolean") report.add(key, "invalid_type", `expected a boolean, got ${kindOf(value)}`);
}

export function explainJson(rule: Omit<JsonObjectRule, "kind">, value: unknown, report: Report, key: Key): void {
  if (!isObject(value)) report.add(key, "invalid_type", `expected an object, got ${kindOf(value)}`);
  else if (rule.nonEmpty === true && Object.keys(value).length === 0)
    report.add(key, "too_few", "must not be empty when present (omit it instead)");
}

export function explainString(rule: Omit<StringRule, "kind">, value: unknown, report: Report, key: Key): void {
  // The rule's warnings around the plain checks: an empty value or a format the API accepts, a length past the documented one.
  if (typeof value === "string") {
    const { min, max } = rule;
    const length = value.length;
    if (length === 0 && min > 0 && rule.emptyIsWarning !== undefined) {
      report.warn(key, "too_short", rule.emptyIsWarning, min, 0);
      return;
    }
    const { pattern, tolerate } = rule;
    if (tolerate !== undefined && length >= min && length <= max && pattern?.test(value) === false && tolerate.test(value)) {
      report.warn(key, "invalid_format", `${formatMessage(rule, value)} (accepted by the API)`, undefined, value);
      return;
    }
  }
  const { warnAbove } = rule;
  if (explainPlainString(rule, value, report, key) && warnAbove !== undefined && value.length > warnAbove)
    report.warn(
      key,
      "too_long",
      `at most ${warnAbove} characters documented (${rule.max} accepted), got ${value.length}`,
      warnAbove,
      value.length,
    );
}

/** A string rule without the warnings (`emptyIsWarning`, `tolerate`, `warnAbove`): what most leaves are. */
export type PlainStringRule = Omit<StringRule, "kind" | "emptyIsWarning" | "tolerate" | "warnAbove">;

/**
 * A string's type, length and pattern, as explainString reports them, without the rule's warnings: the explanation a
 * compiled module names for a leaf that has none, so a send does not carry those. True when nothing was reported.
 */
export function explainPlainString(rule: PlainStringRule, value: unknown, report: Report, key: Key): value is string {
  if (typeof value !== "string") {
    if (rule.numberIsWarning === true && typeof value === "number" && Number.isFinite(value))
      report.warn(key, "invalid_type", `the documented form is a string ("${value}"); a number is accepted`);
    else report.add(key, "invalid_type", `expected a string, got ${kindOf(value)}`);
    return false;
  }
  const { min, max } = rule;
  const length = value.length;
  if (length < min)
    report.add(key, "too_short", min === 1 ? "must not be empty" : `at least ${min} characters, got ${length}`, min, length);
  else if (length > max) report.add(key, "too_long", `at most ${max} characters, got ${length}`, max, length);
  else if (rule.pattern !== undefined && !rule.pattern.test(value))
    report.add(key, "invalid_format", formatMessage(rule, value), undefined, value);
  else return true;
  return false;
}

const formatMessage = (rule: PlainStringRule, value: string): string => `expected ${rule.format ?? "a valid value"}, got ${show(value)}`;

export function explainEnum({ values, anyCase }: Omit<EnumRule, "kind">, value: unknown, report: Report, key: Key): void {
  if (typeof value === "string" && values.includes(value)) return;
  const canonical = anyCase === true && typeof value === "string" ? sameIgnoringCase(values, value) : undefined;
  if (canonical !== undefined) report.warn(key, "invalid_value", `the documented form is "${canonical}", got ${show(value)}`);
  else report.add(key, "invalid_value", `expected one of ${values.join(", ")}, got ${show(value)}`);
}

/** The one of `values` that `value` equals ignoring case, if any. */
export const sameIgnoringCase = (values: readonly string[], value: string): string | undefined => {
  const lower = value.toLowerCase();
  return values.find((candidate) => candidate.toLowerCase() === lower);
};

export function explainNumber(rule: Omit<NumberRule, "kind">, value: unknown, report: Report, key: Key): void {
  const number = rule.numericString === true && typeof value === "string" ? numeric(value) : value;
  const expected = rule.expected ?? "a number";
  if (typeof number !== "number" || !Number.isFinite(number) || (rule.integer === true && !Number.isSafeInteger(number)))
    report.add(key, "invalid_type", `expected ${expected}, got ${show(value)}`);
  else if (number < rule.min || number > rule.max)
    report.add(key, "out_of_range", `must be between ${rule.min} and ${rule.max}, got ${show(value)}`, undefined, number);
}

/**
 * The keys of `object` no field names: a warning for a key the API ignores (`ignored` says why),
 * an error for any other key `isKnown` says no to. After `maxIssuesPerArray` of them one "truncated" issue
 * counts the keys left, as in an array: the rest would bury the first issues.
 */
export function explainUnknownKeys(
  object: JsonObject,
  report: Report,
  isKnown: (key: string) => boolean,
  unknown: ObjectRule["unknown"],
  ignored: { readonly [key: string]: string } | undefined,
): void {
  const keys = Object.keys(object);
  let reported = 0;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const why = ignored !== undefined && Object.hasOwn(ignored, key) ? ignored[key] : undefined;
    if (why === undefined && isKnown(key)) continue;
    if (reported++ === maxIssuesPerArray) {
      report.add(undefined, "truncated", `stopped after ${maxIssuesPerArray} issues; ${keys.length - index} more keys not checked`);
      return;
    }
    if (why !== undefined) report.warn(key, "unknown_field", why);
    else report.add(key, "unknown_field", unknownMessage(unknown, key));
  }
}

/** The message for an unknown key of an object. */
export function unknownMessage(unknown: ObjectRule["unknown"], key: string): string {
  if (unknown === undefined) return "not a field of this object";
  if (typeof unknown === "string") return unknown;
  return unknown.keys.includes(key) ? unknown.message : unknown.otherwise;
}

/** The warning for `null` in an optional field. */
export const nullIsAbsent = "null is read as absent; leave the field out (the API accepts it)";

const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The counts of an array rule, or of entries across groups. */
export interface Count {
  readonly min: number;
  readonly max: number;
  readonly warnAbove?: number;
  readonly noun: string;
}

/** Reports `actual` entries outside `[min, max]` at `key`; `scope` is said after the count (" across all sections"). */
export function explainCount(report: Report, actual: number, key: Key, count: Count, scope = ""): void {
  if (actual < count.min)
    report.add(key, "too_few", `at least ${counted(count.min, count.noun)}${scope}, got ${actual}`, count.min, actual);
  else if (actual > count.max)
    report.add(key, "too_many", `at most ${counted(count.max, count.noun)}${scope}, got ${actual}`, count.max, actual);
  else if (count.warnAbove !== undefined && actual > count.warnAbove)
    report.warn(
      key,
      "too_many",
      `at most ${counted(count.warnAbove, count.noun)}${scope} documented${Number.isFinite(count.max) ? ` (${count.max} accepted)` : ""}, got ${actual}`,
      count.warnAbove,
      actual,
    );
}

/** Reports `value` at `key` when it is not an object; else descends into `key` (then `leave`). */
export function enter(value: unknown, report: Report, key: Key): value is JsonObject {
  if (!isObject(value)) {
    report.add(key, "invalid_type", `expected an object, got ${kindOf(value)}`);
    return false;
  }
  if (key !== undefined) report.enter(key);
  return true;
}

export function leave(report: Report, key: Key): void {
  if (key !== undefined) report.leave();
}

/**
 * An array at `key`: its count, each entry (`explainEntry`, until `maxIssuesPerArray` issues:
 * the rest would bury the first ones, and take time on hostile input), then the rules across its entries.
 */
export function explainEntries(
  value: unknown,
  report: Report,
  key: Key,
  count: Count,
  explainEntry: (entry: unknown, index: number) => void,
  refine: readonly { readonly explain: (list: readonly unknown[], report: Report) => void }[] | undefined,
): void {
  if (!Array.isArray(value)) {
    report.add(key, "invalid_type", `expected an array, got ${kindOf(value)}`);
    return;
  }
  explainCount(report, value.length, key, count);
  if (key !== undefined) report.enter(key);
  const before = report.issues.length;
  for (let index = 0; index < value.length; index++) {
    if (report.issues.length - before >= maxIssuesPerArray) {
      report.add(undefined, "truncated", `stopped after ${maxIssuesPerArray} issues; ${value.length - index} more entries not checked`);
      break;
    }
    explainEntry(value[index], index);
  }
  if (refine !== undefined) for (const refinement of refine) refinement.explain(value, report);
  if (key !== undefined) report.leave();
}
