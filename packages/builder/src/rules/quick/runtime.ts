// What the generated quick tests (rules/quick/*.generated.ts) share: small helpers the
// emitted code calls instead of repeating them in every function.

export { isObject as isRecord } from "../report.js";

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
