/** The longest a timer can wait: `setTimeout` fires at once for anything larger. */
export const maxTimerMs = 2 ** 31 - 1;

/**
 * Throws a TypeError naming `name` unless `value` is a finite number within [min, max]
 * (and whole, when `integer`). Options are checked where they are given, so a NaN or an
 * `undefined` never turns into "retry for ever" or "no pacing" later.
 */
export function checkNumberOption(name: string, value: unknown, min: number, max: number, integer = false): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
    throw new TypeError(`${name} must be a ${integer ? "whole " : ""}number from ${min} to ${max}, got ${String(value)}`);
  return value;
}

/** `options[key]`, or `fallback` when it is absent or `undefined`, checked with checkNumberOption. */
export function numberOption<K extends string>(
  where: string,
  options: { readonly [P in K]?: number | undefined } | undefined,
  key: K,
  fallback: number,
  min: number,
  max: number,
  integer = false,
): number {
  const value = options?.[key];
  return value === undefined ? fallback : checkNumberOption(`${where}: ${key}`, value, min, max, integer);
}

/** What a sender reads of its options; a client and media read a few more. */
export const senderOptionKeys = ["phoneNumberId", "accessToken", "version", "baseUrl", "fetch", "timeoutMs", "maxResponseBytes", "retry"];
