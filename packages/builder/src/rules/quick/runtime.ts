// What the generated quick tests (rules/quick/*.generated.ts) share: small helpers the
// emitted code calls instead of repeating them in every function.

export { absent, isObject as isRecord } from "../report.js";

/** True when `value` has a key (a free-form object that must not be empty). */
export const hasKeys = (value: object): boolean => Object.keys(value).length > 0;

/** True when every key of `value` holding a value (JSON drops `undefined`) is one of `known`. */
export function onlyKeys(value: { readonly [key: string]: unknown }, known: ReadonlySet<string>): boolean {
  for (const key in value) if (value[key] !== undefined && !known.has(key)) return false;
  return true;
}

/** A finite number within [min, max]. */
export const numberIn = (value: unknown, min: number, max: number): boolean =>
  typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;

/** A safe integer within [min, max]. */
export const integerIn = (value: unknown, min: number, max: number): boolean =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max;
