import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { HandoverEvent } from "./change-events.js";
import { type FieldContext, type Json, MemberReader } from "./read.js";

const notifications: ReadonlySet<string> = new Set(["control_passed", "control_taken"]);

/**
 * `messaging_handovers`: `{type: "control_passed" | "control_taken", <type>: {previous_owner, new_owner},
 * wa_id | user_id, timestamp}`. Meta's WhatsApp page (Sep 2026) names the notifications and says each
 * names the previous and the new role; the exact members are unverified (webhooks-2026.md §1a), so a
 * notification of another type is an `unknown` event and `raw` keeps all.
 */
export function readMessagingHandovers(value: Json, ctx: FieldContext): FieldOutput[] {
  const path = `${ctx.path}.value`;
  const change = new MemberReader(value, path, ctx.issue);
  const metadata = change.metadata();
  const type = change.text("type", true);
  const wa_id = change.id("wa_id");
  const user_id = change.text("user_id");
  const timestamp = change.seconds("timestamp");
  if (type === undefined) return [unread(ctx, "messaging_handovers", path, value)];
  const known = notifications.has(type);
  const detail = known ? change.object(type, true) : undefined;
  if (change.failed) return [unread(ctx, "messaging_handovers", path, value)];
  const event: { -readonly [Key in keyof HandoverEvent]: HandoverEvent[Key] } = {
    ...changeBase(ctx, "messaging_handovers", known ? (type as "control_passed" | "control_taken") : "unknown", path, value),
    timestamp: timestamp ?? Number.NaN,
  };
  if (!known) event.original_type = type;
  if (metadata !== undefined) event.metadata = metadata;
  if (wa_id !== undefined) event.wa_id = wa_id;
  if (user_id !== undefined) event.user_id = user_id;
  if (detail !== undefined) {
    const roles = new MemberReader(detail, `${path}.${type}`, ctx.issue);
    const previous = roles.text("previous_owner");
    const next = roles.text("new_owner");
    if (previous !== undefined) event.previous_owner = previous;
    if (next !== undefined) event.new_owner = next;
  }
  return [event];
}
