import { limits } from "../limits.js";
import { checkString } from "./fields.js";
import { child, isObject, item, type JsonObject, kindOf, type Report } from "./report.js";

/** A WhatsApp message id: non-empty, at most 128 characters [S §1]. */
const wamidRule = { required: true, max: limits.wamid.max };
export const checkWamid = (report: Report, value: unknown, path: string, key: string): void => {
  checkString(report, value, path, key, wamidRule);
};

/** `http://` or `https://` followed by a host [S §4, M-cta]. */
export const httpUrl = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

/**
 * Returns `object[key]` when it is an object; reports it as required or mistyped otherwise.
 */
export function objectAt(report: Report, object: JsonObject, key: string, path: string, required = true): JsonObject | undefined {
  const value = object[key];
  if (isObject(value)) return value;
  if (value === undefined) {
    if (required) report.add(child(path, key), "required", "is required");
  } else report.add(child(path, key), "invalid_type", `expected an object, got ${kindOf(value)}`);
  return undefined;
}

/** Returns `object[key]` when it is an array; reports it as required or mistyped otherwise. */
export function arrayAt(report: Report, object: JsonObject, key: string, path: string, required = true): readonly unknown[] | undefined {
  const value = object[key];
  if (Array.isArray(value)) return value;
  if (value === undefined) {
    if (required) report.add(child(path, key), "required", "is required");
  } else report.add(child(path, key), "invalid_type", `expected an array, got ${kindOf(value)}`);
  return undefined;
}

/** Runs `check` on each entry of `list` that is an object, reporting the others. */
export function eachObject(
  report: Report,
  list: readonly unknown[] | undefined,
  path: string,
  check: (report: Report, entry: JsonObject, path: string) => void,
): void {
  if (list === undefined) return;
  for (let index = 0; index < list.length; index++) {
    const entry = list[index];
    if (isObject(entry)) check(report, entry, item(path, index));
    else report.add(item(path, index), "invalid_type", `expected an object, got ${kindOf(entry)}`);
  }
}
