import { type JsonObject, kindOf, type Report, show } from "./report.js";

// Checks take the value, read by the caller with a named property access (much faster
// than `object[key]` with a variable key), and the key, used only to name an issue.

/** How a string field is checked; make one with `stringRule()`. */
export interface StringRule {
  readonly required: boolean;
  readonly min: number;
  readonly max: number;
  readonly pattern: RegExp | undefined;
  /** Says what the pattern expects, e.g. `a date in YYYY-MM-DD form`. */
  readonly format: string;
}

/**
 * A string rule with defaults: optional, at least 1 character (the API rejects empty
 * strings), no maximum. Every rule has the same shape, which keeps checkString fast.
 */
export const stringRule = (
  rule: { required?: boolean; min?: number; max?: number; pattern?: RegExp; format?: string } = {},
): StringRule => ({
  required: rule.required ?? false,
  min: rule.min ?? 1,
  max: rule.max ?? Number.POSITIVE_INFINITY,
  pattern: rule.pattern,
  format: rule.format ?? "a valid value",
});

const anyString = stringRule();

/**
 * True when `value` passes `rule`: the one test behind checkString, also used alone by the
 * builders' quick acceptance (see `Buildable.accepts`). Allocates nothing. Without a rule:
 * `stringRule()`'s defaults (optional, not empty), tested inline as most fields use them.
 */
export function fits(value: unknown, rule?: StringRule): boolean {
  if (rule === undefined) return value === undefined || (typeof value === "string" && value.length > 0);
  if (value === undefined) return !rule.required;
  if (typeof value !== "string" || value.length < rule.min || value.length > rule.max) return false;
  return rule.pattern === undefined || rule.pattern.test(value);
}

/** True when `value` is absent (and may be) or one of `values`: the test behind checkEnum. */
export const fitsEnum = (value: unknown, values: readonly string[], required = false): boolean =>
  value === undefined ? !required : typeof value === "string" && values.includes(value);

/** True when `value` is absent or a boolean: the test behind checkBoolean. */
export const fitsBoolean = (value: unknown): boolean => value === undefined || typeof value === "boolean";

/** True when `value` is a finite number within `range`: the test behind checkNumber. */
export const fitsNumber = (value: unknown, range: { readonly min: number; readonly max: number }): boolean =>
  typeof value === "number" && Number.isFinite(value) && value >= range.min && value <= range.max;

/** Checks that `value` (field `key`) is a string within the rule; returns it when it is a string. */
export function checkString(report: Report, value: unknown, key: string, rule: StringRule = anyString): string | undefined {
  if (fits(value, rule)) return value as string | undefined;
  // Only failures get here: say which part of the rule failed.
  if (value === undefined) {
    report.add(key, "required", "is required");
    return undefined;
  }
  if (typeof value !== "string") {
    report.add(key, "invalid_type", `expected a string, got ${kindOf(value)}`);
    return undefined;
  }
  const { min, max } = rule;
  if (value.length < min) {
    report.add(key, "too_short", min === 1 ? "must not be empty" : `at least ${min} characters, got ${value.length}`, min, value.length);
  } else if (value.length > max) {
    report.add(key, "too_long", `at most ${max} characters, got ${value.length}`, max, value.length);
  } else report.add(key, "invalid_format", `expected ${rule.format}, got ${show(value)}`, undefined, value);
  return value;
}

/** Checks that `value` is one of `values`. */
export function checkEnum(report: Report, value: unknown, key: string, values: readonly string[], required = false): void {
  if (fitsEnum(value, values, required)) return;
  if (value === undefined) report.add(key, "required", `is required (one of ${values.join(", ")})`);
  else report.add(key, "invalid_value", `expected one of ${values.join(", ")}, got ${show(value)}`);
}

export function checkBoolean(report: Report, value: unknown, key: string): void {
  if (!fitsBoolean(value)) report.add(key, "invalid_type", `expected a boolean, got ${kindOf(value)}`);
}

/** Checks that `value` is a finite number within `[min, max]`. */
export function checkNumber(report: Report, value: unknown, key: string, range: { readonly min: number; readonly max: number }): void {
  if (fitsNumber(value, range)) return;
  if (value === undefined) report.add(key, "required", "is required");
  else if (typeof value !== "number" || !Number.isFinite(value)) {
    report.add(key, "invalid_type", `expected a number, got ${show(value)}`);
  } else report.add(key, "out_of_range", `must be between ${range.min} and ${range.max}, got ${value}`, undefined, value);
}

/** Reports every key of `object` that the API does not define here. */
export function checkKnownKeys(report: Report, object: JsonObject, known: readonly string[], why = "not a field of this object"): void {
  for (const key in object) {
    if (!known.includes(key)) report.add(key, "unknown_field", why);
  }
}
