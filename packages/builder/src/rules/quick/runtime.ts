// What the generated quick tests (rules/quick/*.generated.ts) share: small helpers the
// emitted code calls instead of repeating them in every function.

export { absent, isObject as isRecord } from "../report.js";

/** True when `value` has a key (a free-form object that must not be empty). */
export const hasKeys = (value: object): boolean => Object.keys(value).length > 0;

/**
 * The value at `path` inside a rule of the table: how a generated test reaches a refinement
 * or a custom rule that the table makes inline rather than exports by name. Read once, when
 * the generated module loads.
 */
export function ruleAt(root: object, ...path: readonly (string | number)[]): unknown {
  let value: unknown = root;
  for (const key of path) value = (value as { readonly [key: string]: unknown })[key];
  if (value === undefined) throw new Error(`rules: nothing at ${path.join(".")}; run pnpm rules`);
  return value;
}

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
