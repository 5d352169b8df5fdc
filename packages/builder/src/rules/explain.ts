import { numeric } from "./numeric.js";
import { isObject, type JsonObject, kindOf, type Report, show } from "./report.js";
import {
  type ArrayRule,
  type EnumRule,
  type Field,
  type NumberRule,
  type ObjectRule,
  type Rule,
  type StringRule,
  type UnionRule,
  unhandledRule,
} from "./rule.js";

/** Issues reported inside one array before the rest of it is summed up in one "truncated" issue. */
export const maxIssuesPerArray = 20;

/**
 * Reports what is wrong with `value` (found at `key`, or the body itself when undefined)
 * against `rule`: errors where the API rejects it, warnings where it differs from the
 * documented form but is accepted. Reads the wire form (see toWire), never throws.
 */
export function explain(rule: Rule, value: unknown, report: Report, key: string | number | undefined): void {
  switch (rule.kind) {
    case "string":
      explainString(rule, value, report, key);
      return;
    case "enum":
      explainEnum(rule, value, report, key);
      return;
    case "number":
      explainNumber(rule, value, report, key);
      return;
    case "boolean":
      if (typeof value !== "boolean") report.add(key, "invalid_type", `expected a boolean, got ${kindOf(value)}`);
      return;
    case "json":
      if (!isObject(value)) report.add(key, "invalid_type", `expected an object, got ${kindOf(value)}`);
      else if (rule.nonEmpty === true && Object.keys(value).length === 0)
        report.add(key, "too_few", "must not be empty when present (omit it instead)");
      return;
    case "any":
      return;
    case "object":
      if (!isObject(value)) {
        report.add(key, "invalid_type", `expected an object, got ${kindOf(value)}`);
        return;
      }
      if (key !== undefined) report.enter(key);
      explainObject(rule, value, report, undefined);
      if (key !== undefined) report.leave();
      return;
    case "array":
      explainArray(rule, value, report, key);
      return;
    case "union":
      if (!isObject(value)) {
        report.add(key, "invalid_type", `expected an object, got ${kindOf(value)}`);
        return;
      }
      if (key !== undefined) report.enter(key);
      explainUnion(rule, value, report);
      if (key !== undefined) report.leave();
      return;
    case "custom":
      rule.explain(value, report, key);
      return;
    default:
      unhandledRule(rule);
  }
}

/** The message for a missing required field. */
export const missingMessage = (field: Field): string =>
  field.missing ?? (field.rule.kind === "enum" ? `is required (one of ${field.rule.values.join(", ")})` : "is required");

function explainString(rule: StringRule, value: unknown, report: Report, key: string | number | undefined): void {
  if (typeof value !== "string") {
    if (rule.numberIsWarning === true && typeof value === "number" && Number.isFinite(value))
      report.warn(key, "invalid_type", `the documented form is a string ("${value}"); a number is accepted`);
    else report.add(key, "invalid_type", `expected a string, got ${kindOf(value)}`);
    return;
  }
  const { min, max, warnAbove } = rule;
  const length = value.length;
  if (length < min) {
    if (length === 0 && rule.emptyIsWarning !== undefined) report.warn(key, "too_short", rule.emptyIsWarning, min, 0);
    else report.add(key, "too_short", min === 1 ? "must not be empty" : `at least ${min} characters, got ${length}`, min, length);
  } else if (length > max) report.add(key, "too_long", `at most ${max} characters, got ${length}`, max, length);
  else if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    const message = `expected ${rule.format ?? "a valid value"}, got ${show(value)}`;
    if (rule.tolerate?.test(value) === true) report.warn(key, "invalid_format", `${message} (accepted by the API)`, undefined, value);
    else report.add(key, "invalid_format", message, undefined, value);
  } else if (warnAbove !== undefined && length > warnAbove)
    report.warn(key, "too_long", `at most ${warnAbove} characters documented (${max} accepted), got ${length}`, warnAbove, length);
}

function explainEnum({ values, anyCase }: EnumRule, value: unknown, report: Report, key: string | number | undefined): void {
  if (typeof value === "string" && values.includes(value)) return;
  const canonical = anyCase === true && typeof value === "string" ? sameIgnoringCase(values, value) : undefined;
  if (canonical !== undefined) report.warn(key, "invalid_value", `the documented form is "${canonical}", got ${show(value)}`);
  else report.add(key, "invalid_value", `expected one of ${values.join(", ")}, got ${show(value)}`);
}

const sameIgnoringCase = (values: readonly string[], value: string): string | undefined => {
  const lower = value.toLowerCase();
  return values.find((candidate) => candidate.toLowerCase() === lower);
};

function explainNumber(rule: NumberRule, value: unknown, report: Report, key: string | number | undefined): void {
  const number = rule.numericString === true && typeof value === "string" ? numeric(value) : value;
  const expected = rule.expected ?? "a number";
  if (typeof number !== "number" || !Number.isFinite(number) || (rule.integer === true && !Number.isSafeInteger(number)))
    report.add(key, "invalid_type", `expected ${expected}, got ${show(value)}`);
  else if (number < rule.min || number > rule.max)
    report.add(key, "out_of_range", `must be between ${rule.min} and ${rule.max}, got ${show(value)}`, undefined, number);
}

const unknownMessage = (rule: ObjectRule, key: string): string =>
  typeof rule.unknown === "function" ? rule.unknown(key) : (rule.unknown ?? "not a field of this object");

/** The fields of `object` (already known to be one), then its refinements. `extraKey`: a union's discriminator. */
export function explainObject(rule: ObjectRule, object: JsonObject, report: Report, extraKey: string | undefined): void {
  const { fields, ignored } = rule;
  for (const key in object) {
    if (Object.hasOwn(fields, key) || key === extraKey) continue;
    const why = ignored !== undefined && Object.hasOwn(ignored, key) ? ignored[key] : undefined;
    if (why !== undefined) report.warn(key, "unknown_field", why);
    else report.add(key, "unknown_field", unknownMessage(rule, key));
  }
  for (const key in fields) {
    const field = fields[key] as Field;
    const value = object[key];
    if (value === undefined) {
      if (field.required === true) report.add(key, "required", missingMessage(field));
    } else if (value === null && field.required !== true)
      report.warn(key, "invalid_type", "null is read as absent; leave the field out (the API accepts it)");
    else explain(field.rule, value, report, key);
  }
  if (rule.refine !== undefined) for (const refinement of rule.refine) refinement.explain(object, report);
}

const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** Reports `actual` entries outside `[min, max]` at `key`; `scope` is said after the count (" across all sections"). */
export function explainCount(
  report: Report,
  actual: number,
  key: string | number | undefined,
  count: { readonly min: number; readonly max: number; readonly warnAbove?: number; readonly noun: string },
  scope = "",
): void {
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

function explainArray(rule: ArrayRule, value: unknown, report: Report, key: string | number | undefined): void {
  if (!Array.isArray(value)) {
    report.add(key, "invalid_type", `expected an array, got ${kindOf(value)}`);
    return;
  }
  explainCount(report, value.length, key, rule);
  if (key !== undefined) report.enter(key);
  const before = report.count;
  for (let index = 0; index < value.length; index++) {
    if (report.count - before >= maxIssuesPerArray) {
      // Enough to act on: the rest would bury the first issues (and take time on hostile input).
      report.add(undefined, "truncated", `stopped after ${maxIssuesPerArray} issues; ${value.length - index} more entries not checked`);
      break;
    }
    explain(rule.item, value[index], report, index);
  }
  if (rule.refine !== undefined) for (const refinement of rule.refine) refinement.explain(value, report);
  if (key !== undefined) report.leave();
}

function explainUnion(rule: UnionRule, object: JsonObject, report: Report): void {
  const { key, cases } = rule;
  const tag = object[key] ?? rule.default;
  let name = typeof tag === "string" && Object.hasOwn(cases, tag) ? tag : undefined;
  if (name === undefined && rule.anyCase === true && typeof tag === "string") {
    name = sameIgnoringCase(Object.keys(cases), tag);
    if (name !== undefined) report.warn(key, "invalid_value", `the documented form is "${name}", got ${show(tag)}`);
  }
  if (name === undefined) {
    const values = Object.keys(cases).join(", ");
    if (tag === undefined) report.add(key, "required", rule.missing ?? `is required (one of ${values})`);
    else report.add(key, "invalid_value", rule.expected?.(show(tag)) ?? `expected one of ${values}, got ${show(tag)}`);
    return;
  }
  explainObject(cases[name] as ObjectRule, object, report, key);
}
