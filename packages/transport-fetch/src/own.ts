/**
 * `value[key]` when it is the value's own property, else `undefined`: an answer's field read this way cannot come
 * from a polluted prototype (`Object.prototype.messages = …` must not make `{}` look like an accepted send).
 */
export const own = (value: unknown, key: string | number): unknown =>
  typeof value === "object" && value !== null && Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;

/** A JSON object of an answer (not null, not an array), its fields to be read with `own`. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
