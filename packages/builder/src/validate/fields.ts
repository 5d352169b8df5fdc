import { child, type JsonObject, kindOf, type Report, show } from "./report.js";

interface StringRule {
  readonly required?: boolean;
  /** Minimum length; defaults to 1 (the API rejects empty strings it needs). */
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  /** Says what the pattern expects, e.g. `a date in YYYY-MM-DD form`. */
  readonly format?: string;
}

const anyString: StringRule = {};

// The checks take the value, read by the caller with a named property access: much
// faster than `object[key]` with a variable key. `path` and `key` only make issue paths.

/** Checks that `value` (at `path.key`) is a string within the rule; returns it when it is a string. */
export function checkString(report: Report, value: unknown, path: string, key: string, rule: StringRule = anyString): string | undefined {
  if (value === undefined) {
    if (rule.required) report.add(child(path, key), "required", "is required");
    return undefined;
  }
  if (typeof value !== "string") {
    report.add(child(path, key), "invalid_type", `expected a string, got ${kindOf(value)}`);
    return undefined;
  }
  const min = rule.min ?? 1;
  if (value.length < min) {
    report.add(
      child(path, key),
      "too_short",
      min === 1 ? "must not be empty" : `at least ${min} characters, got ${value.length}`,
      min,
      value.length,
    );
  } else if (rule.max !== undefined && value.length > rule.max) {
    report.add(child(path, key), "too_long", `at most ${rule.max} characters, got ${value.length}`, rule.max, value.length);
  } else if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    report.add(child(path, key), "invalid_format", `expected ${rule.format ?? rule.pattern.source}, got ${show(value)}`, undefined, value);
  }
  return value;
}

/** Checks that `value` is one of `values`. */
export function checkEnum(report: Report, value: unknown, path: string, key: string, values: readonly string[], required = false): void {
  if (value === undefined) {
    if (required) report.add(child(path, key), "required", `is required (one of ${values.join(", ")})`);
  } else if (typeof value !== "string" || !values.includes(value)) {
    report.add(child(path, key), "invalid_value", `expected one of ${values.join(", ")}, got ${show(value)}`);
  }
}

export function checkBoolean(report: Report, value: unknown, path: string, key: string): void {
  if (value !== undefined && typeof value !== "boolean") {
    report.add(child(path, key), "invalid_type", `expected a boolean, got ${kindOf(value)}`);
  }
}

/** Checks that `value` is a finite number within `[min, max]`. */
export function checkNumber(
  report: Report,
  value: unknown,
  path: string,
  key: string,
  range: { readonly min: number; readonly max: number },
): void {
  if (value === undefined) report.add(child(path, key), "required", "is required");
  else if (typeof value !== "number" || !Number.isFinite(value)) {
    report.add(child(path, key), "invalid_type", `expected a number, got ${show(value)}`);
  } else if (value < range.min || value > range.max) {
    report.add(child(path, key), "out_of_range", `must be between ${range.min} and ${range.max}, got ${value}`, undefined, value);
  }
}

/** Reports every key of `object` that the API does not define here. */
export function checkKnownKeys(
  report: Report,
  object: JsonObject,
  path: string,
  known: readonly string[],
  why = "not a field of this object",
): void {
  for (const key in object) {
    if (!known.includes(key)) report.add(child(path, key), "unknown_field", why);
  }
}
