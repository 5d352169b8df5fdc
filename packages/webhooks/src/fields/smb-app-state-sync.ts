import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { ContactSyncEvent, StateSyncUnknownEvent } from "./change-events.js";
import { type FieldContext, type Json, MemberReader, objectsIn } from "./read.js";

/**
 * `smb_app_state_sync`: `value.state_sync[]{type:"contact", contact{full_name, first_name, phone_number},
 * action:"add"|"remove", metadata{timestamp}}` [MD smb_app_state_sync]. Its table types the timestamp
 * as an integer and its example quotes it: both are read.
 */
export function readStateSync(value: Json, ctx: FieldContext): FieldOutput[] {
  const at = `${ctx.path}.value`;
  const change = new MemberReader(value, at, ctx.issue);
  const metadata = change.metadata();
  return objectsIn(change.list("state_sync", true), `${at}.state_sync`, ctx.issue).map(([raw, path]) => {
    const item = new MemberReader(raw, path, ctx.issue);
    const type = item.text("type", true);
    if (type === undefined) return unread(ctx, "smb_app_state_sync", path, raw);
    if (type !== "contact") {
      const unknown: StateSyncUnknownEvent = { ...changeBase(ctx, "smb_app_state_sync", "unknown", path, raw), original_type: type };
      return unknown;
    }
    const action = item.text("action", true);
    const contact = item.object("contact", true);
    const card = contact === undefined ? undefined : new MemberReader(contact, `${path}.contact`, ctx.issue);
    const phone_number = card?.id("phone_number", true);
    const full_name = card?.text("full_name");
    const first_name = card?.text("first_name");
    const when = item.object("metadata");
    const timestamp = when === undefined ? undefined : new MemberReader(when, `${path}.metadata`, ctx.issue).seconds("timestamp");
    if (item.failed || action === undefined || phone_number === undefined) return unread(ctx, "smb_app_state_sync", path, raw);
    const event: ContactSyncEvent = {
      ...changeBase(ctx, "smb_app_state_sync", "contact", path, raw),
      ...(metadata ? { metadata } : {}),
      action,
      contact: {
        phone_number,
        ...(full_name === undefined ? {} : { full_name }),
        ...(first_name === undefined ? {} : { first_name }),
      },
      timestamp: timestamp ?? Number.NaN,
    };
    return event;
  });
}
