import { templateManagementLimits } from "@wacompose/builder";

/**
 * Checks of what a caller hands the template manager, before any request: a TypeError (wrong
 * type or shape) or a RangeError (a count over its limit) that names the argument, the rule and
 * the value. A JavaScript caller's number for an id, or a typo in a filter, never reaches the API.
 */

/** A short, safe rendering of a value for an error message. */
export const shown = (value: unknown): string => {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value === null ? "null" : typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
};

/** A template id: a string of digits, as the API gives it (webhooks give a number: pass `String(id)`). */
export function checkId(where: string, value: unknown): string {
  if (typeof value !== "string" || !/^\d{1,32}$/.test(value))
    throw new TypeError(`${where} must be a template id, a string of digits (e.g. "594425479261596"), got ${shown(value)}`);
  return value;
}

/** 1 to 100 distinct template ids. */
export function checkIds(where: string, value: unknown): readonly string[] {
  if (!Array.isArray(value)) throw new TypeError(`${where} must be an array of template ids, got ${shown(value)}`);
  const max = templateManagementLimits.idsPerRequest;
  if (value.length === 0 || value.length > max)
    throw new RangeError(`${where} must hold 1 to ${max} template ids (one request), got ${value.length}`);
  const seen = new Set<string>();
  value.forEach((id: unknown, i) => {
    const checked = checkId(`${where}[${i}]`, id);
    if (seen.has(checked)) throw new TypeError(`${where}[${i}] repeats the id ${checked}`);
    seen.add(checked);
  });
  return value as readonly string[];
}

/** A non-empty string. */
export function checkText(where: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new TypeError(`${where} must be a non-empty string, got ${shown(value)}`);
  return value;
}

/** A plain object (not null, not an array) whose keys are all in `allowed`. */
export function checkObject(where: string, value: unknown, allowed: readonly string[], why: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new TypeError(`${where} must be an object, got ${shown(value)}`);
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) throw new TypeError(`${where}.${key} is not accepted: ${why} (${allowed.join(", ")})`);
  return value as Record<string, unknown>;
}

/** Graph field names: a non-empty array of non-empty strings. */
export function checkFields(where: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new TypeError(`${where} must be a non-empty array of field names, got ${shown(value)}`);
  return value.map((field: unknown, i) => checkText(`${where}[${i}]`, field));
}

/** The JSON text of a body; one that JSON cannot carry (a BigInt, a cycle) is a TypeError saying so. */
export function jsonText(where: string, value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text;
  } catch {}
  throw new TypeError(`${where} cannot be sent as JSON`);
}
