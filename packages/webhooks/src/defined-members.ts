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
    if (value !== undefined) present[key] = value as Exclude<Members[typeof key], undefined>;
  }
  return present;
}
