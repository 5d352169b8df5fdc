/**
 * The members whose value is not `undefined`, for spreading into an event whose members are optional:
 * under `exactOptionalPropertyTypes` an optional member may be absent but not `undefined`, so
 * `{ reason: maybe }` is written `...definedMembers({ reason: maybe })` instead of
 * `...(maybe === undefined ? {} : { reason: maybe })`. A `null` is a value and is kept.
 */
export function definedMembers<const Members extends Readonly<Record<string, unknown>>>(
  members: Members,
): { [Key in keyof Members]?: Exclude<Members[Key], undefined> } {
  const present: { [Key in keyof Members]?: Exclude<Members[Key], undefined> } = {};
  for (const key of Object.keys(members) as (keyof Members & string)[]) {
    const value = members[key];
    if (value !== undefined) defineMember(present, key, value);
  }
  return present;
}

/**
 * Sets `object[key]` as its own data member, even when `key` is `__proto__` (which an assignment would
 * take for the prototype: the value would be lost, or become the object's prototype).
 */
export function defineMember(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
