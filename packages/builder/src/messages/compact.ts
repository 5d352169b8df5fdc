/** `T` with properties that may be `undefined` turned into optional ones. */
export type Compact<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * Copies without `undefined` properties (optional inputs the caller left out) and freezes
 * the copy, so built bodies carry only set fields and shared builders never change.
 */
export function compact<T extends object>(object: T): Compact<T>;
export function compact(object: Record<string, unknown>): object {
  // Copying beats `delete`, which would switch V8 to slow dictionary-mode objects.
  const copy: Record<string, unknown> = {};
  for (const key in object) if (object[key] !== undefined) copy[key] = object[key];
  return Object.freeze(copy);
}
