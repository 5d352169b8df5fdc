import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { ContactSyncEvent, StateSyncUnknownEvent } from "./change-events.js";
import { readFieldItems } from "./field-items.js";
import { type FieldContext, type Json, MemberReader } from "./read.js";

/**
 * `smb_app_state_sync`: `value.state_sync[]{type:"contact", contact{full_name, first_name, phone_number},
 * action:"add"|"remove", metadata{timestamp}}` [MD smb_app_state_sync]. Its table types the timestamp
 * as an integer and its example quotes it: both are read.
 */
export function readStateSync(value: Json, ctx: FieldContext): FieldOutput[] {
  return readFieldItems(value, ctx, "state_sync", (item, business) => {
    const type = item.text("type", true);
    if (type === undefined) return unread(ctx, "smb_app_state_sync", item.at, item.source);
    if (type !== "contact") {
      const unknown: StateSyncUnknownEvent = {
        ...changeBase(ctx, "smb_app_state_sync", "unknown", item.at, item.source),
        original_type: type,
      };
      return unknown;
    }
    const action = item.text("action", true);
    const contact = item.object("contact", true);
    const card = contact === undefined ? undefined : new MemberReader(contact, `${item.at}.contact`, ctx.issue);
    const phone_number = card?.id("phone_number", true);
    const names = card?.optional("text", "full_name", "first_name");
    const timestamp = item.member("metadata")?.seconds("timestamp");
    if (item.failed || action === undefined || phone_number === undefined) return unread(ctx, "smb_app_state_sync", item.at, item.source);
    const event: ContactSyncEvent = {
      ...changeBase(ctx, "smb_app_state_sync", "contact", item.at, item.source),
      ...business,
      action,
      contact: { phone_number, ...names },
      timestamp: timestamp ?? Number.NaN,
    };
    return event;
  });
}
