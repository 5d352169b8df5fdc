import { limits } from "../limits.js";
import { checkString, stringRule } from "./fields.js";
import { child, isObject, item, type JsonObject, kindOf, type Report } from "./report.js";

/** A WhatsApp message id: non-empty, at most 128 characters [S §1]. */
const wamidRule = stringRule({ required: true, max: limits.wamid.max });
export const checkWamid = (report: Report, value: unknown, path: string, key: string): void => {
  checkString(report, value, path, key, wamidRule);
};

/** `http://` or `https://` followed by a host [S §4, M-cta]. */
export const httpUrl = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

// Helpers take the value, read by the caller with a named property access, and build
// the child path only when there is something to check or report.

/** Returns `value` when it is an object; reports it (at `path.key`) as required or mistyped otherwise. */
export function objectAt(report: Report, value: unknown, path: string, key: string, required = true): JsonObject | undefined {
  if (isObject(value)) return value;
  if (value === undefined) {
    if (required) report.add(child(path, key), "required", "is required");
  } else report.add(child(path, key), "invalid_type", `expected an object, got ${kindOf(value)}`);
  return undefined;
}

/** Runs `check` on `value` at `path.key` when it is an object; reports it when required or mistyped. */
export function checkObject(
  report: Report,
  value: unknown,
  path: string,
  key: string,
  check: (report: Report, object: JsonObject, path: string) => void,
  required = false,
): void {
  const object = objectAt(report, value, path, key, required);
  if (object !== undefined) check(report, object, child(path, key));
}

/**
 * Runs `check` on each entry of the array `value` (at `path.key`), reporting entries that
 * are not objects, and a missing or mistyped array.
 */
export function eachObject(
  report: Report,
  value: unknown,
  path: string,
  key: string,
  check: (report: Report, entry: JsonObject, path: string) => void,
  required = false,
): void {
  if (!Array.isArray(value)) {
    if (value !== undefined) report.add(child(path, key), "invalid_type", `expected an array, got ${kindOf(value)}`);
    else if (required) report.add(child(path, key), "required", "is required");
    return;
  }
  const at = child(path, key);
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    if (isObject(entry)) check(report, entry, item(at, index));
    else report.add(item(at, index), "invalid_type", `expected an object, got ${kindOf(entry)}`);
  }
}
