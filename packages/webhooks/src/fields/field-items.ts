import { definedMembers } from "../defined-members.js";
import type { Metadata } from "../events.js";
import { type FieldOutput, unread } from "./change-base.js";
import { describe, type FieldContext, isObject, type Json, MemberReader } from "./read.js";

/** The business number of a change, `{ metadata }`, or `{}` when the change has none, to spread into each event. */
export type BusinessNumber = { readonly metadata?: Metadata };

/**
 * The fields whose `value` holds its items in one required array (`groups`, `state_sync`,
 * `user_preferences`, `message_echoes`) beside the business number: each item that is an object is read
 * by `readItem` (its reader's `at` is the item's path), each that is not is reported.
 */
export function readFieldItems(
  value: Json,
  ctx: FieldContext,
  key: string,
  readItem: (item: MemberReader, business: BusinessNumber) => FieldOutput,
): FieldOutput[] {
  const at = `${ctx.path}.value`;
  const change = new MemberReader(value, at, ctx.issue);
  const business = definedMembers({ metadata: change.metadata() });
  // An item that is no object is reported and kept as it came, never dropped.
  return (change.list(key, true) ?? []).map((item, index) => {
    const path = `${at}.${key}[${index}]`;
    if (isObject(item)) return readItem(new MemberReader(item, path, ctx.issue), business);
    ctx.issue(path, "invalid_type", `an object, got ${describe(item)}`);
    return unread(ctx, ctx.field, path, item);
  });
}
