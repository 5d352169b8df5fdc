// What the generated yes/no checks (rules/quick/*.generated.ts) share: small helpers the
// emitted code calls instead of repeating them in every function.

import { maxJsonDepth } from "../json-bounds.js";

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

/**
 * True when `value` is already plain JSON: plain objects and arrays of strings, finite
 * numbers, booleans and null, with no `undefined`, `toJSON` or cycle — so `JSON.stringify`
 * sends exactly what a rule reads. The yes/no check of free-form data (flow data).
 */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  // Counted from the value: deeper than maxJsonDepth is deeper in the body too, so refused by explain() as well; a builder
  // refuses data deeper in the body at the step (copy-data.ts), so on its bodies no depth it copied is refused here.
  if (typeof value !== "object" || depth > maxJsonDepth) return false;
  if (Array.isArray(value)) {
    for (const entry of value) if (!isPlainJson(entry, depth + 1)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  // Plain objects, null-prototype ones, and toWire's copies (whose prototype has none).
  if (prototype !== Object.prototype && prototype !== null && Object.getPrototypeOf(prototype) !== null) return false;
  // JSON.stringify calls a toJSON it finds (own or inherited) and sends what it returns; a toJSON key holding data is data.
  if (typeof (value as { readonly toJSON?: unknown }).toJSON === "function") return false;
  for (const key of Object.keys(value)) if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}
