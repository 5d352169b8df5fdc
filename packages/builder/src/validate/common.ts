import { limits } from "../limits.js";
import { checkString, stringRule } from "./fields.js";
import { isObject, type JsonObject, kindOf, type Report } from "./report.js";

/** A WhatsApp message id: non-empty, at most 128 characters [S §1]. */
export const wamidRule = stringRule({ required: true, max: limits.wamid.max });
export const checkWamid = (report: Report, value: unknown, key: string): void => {
  checkString(report, value, key, wamidRule);
};

/** `http://` or `https://` followed by a host [S §4, M-cta]. */
export const httpUrl = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

type Check = (report: Report, object: JsonObject) => void;

/** Runs `check` inside field `key` when `value` is an object; reports it when required or mistyped. */
export function checkObject(report: Report, value: unknown, key: string, check: Check, required = false): void {
  if (isObject(value)) {
    report.enter(key);
    check(report, value);
    report.leave();
  } else if (value !== undefined) report.add(key, "invalid_type", `expected an object, got ${kindOf(value)}`);
  else if (required) report.add(key, "required", "is required");
}

/** Array bounds for `eachObject`, with the singular noun used in messages ("at most 3 reply buttons"). */
export interface Count {
  readonly min: number;
  readonly max: number;
  readonly noun: string;
  /** Said after the count, e.g. " across all sections". */
  readonly scope?: string;
}

/** Issues reported inside one array before the rest of it is summed up in one "truncated" issue. */
const maxIssuesPerArray = 20;

const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/**
 * Runs `check` on each entry of the array `value` (field `key`), reporting entries that
 * are not objects, a count outside `count`, and a missing or mistyped array.
 */
export function eachObject(report: Report, value: unknown, key: string, check: Check, count?: Count, required = false): void {
  if (!Array.isArray(value)) {
    if (value !== undefined) report.add(key, "invalid_type", `expected an array, got ${kindOf(value)}`);
    else if (required) report.add(key, "required", "is required");
    return;
  }
  if (count !== undefined) checkCount(report, value.length, key, count);
  report.enter(key);
  const before = report.count;
  for (let index = 0; index < value.length; index++) {
    if (report.count - before >= maxIssuesPerArray) {
      // Enough to act on: the rest would bury the first issues (and take time on hostile input).
      report.add(undefined, "truncated", `stopped after ${maxIssuesPerArray} issues; ${value.length - index} more entries not checked`);
      break;
    }
    const entry: unknown = value[index];
    if (isObject(entry)) {
      report.enter(index);
      check(report, entry);
      report.leave();
    } else report.add(index, "invalid_type", `expected an object, got ${kindOf(entry)}`);
  }
  report.leave();
}

/** Reports `actual` items outside `count` at field `key`. */
export function checkCount(report: Report, actual: number, key: string | undefined, count: Count): void {
  const scope = count.scope ?? "";
  if (actual < count.min)
    report.add(key, "too_few", `at least ${counted(count.min, count.noun)}${scope}, got ${actual}`, count.min, actual);
  else if (actual > count.max)
    report.add(key, "too_many", `at most ${counted(count.max, count.noun)}${scope}, got ${actual}`, count.max, actual);
}
