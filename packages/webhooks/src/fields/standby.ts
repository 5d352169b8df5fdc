import { definedMembers } from "../defined-members.js";
import type { WebhookEvent } from "../events.js";
import { changeBase, unread } from "./change-base.js";
import type { StandbyEchoEvent, StandbyMessageEvent, StandbyStatusEvent } from "./change-events.js";
import { readEcho } from "./message-echoes.js";
import { type FieldContext, type Json, MemberReader, objectsIn } from "./read.js";

/**
 * `standby`: the `messages` value's shape (Meta's standby reference, Aug 2026; 360dialog's MBA page):
 * a user's messages and receipts while Meta Business Agent holds the conversation, and the agent's
 * replies as `message_echoes`. Messages and statuses are read by the `messages` reader and wrapped.
 */
export function readStandby(value: Json, ctx: FieldContext): WebhookEvent[] {
  const at = `${ctx.path}.value`;
  const out: WebhookEvent[] = [];
  // The reader yields one event per item, messages first, then statuses: an event's place gives its path.
  const messages = lengthOf(value, "messages");
  ctx.readMessages(value, at).forEach((event, index) => {
    if (event.kind === "message") {
      const path = `${at}.messages[${index}]`;
      const wrapped: StandbyMessageEvent = { ...changeBase(ctx, "standby", "message", path, event.raw), message: event };
      out.push(wrapped);
    } else if (event.kind === "status") {
      const path = `${at}.statuses[${index - messages}]`;
      const wrapped: StandbyStatusEvent = { ...changeBase(ctx, "standby", "status", path, event.raw), status: event };
      out.push(wrapped);
    } else if (event.kind === "other") out.push({ ...event, field: "standby" });
    else out.push(event);
  });
  const change = new MemberReader(value, at, ctx.issue);
  const business = definedMembers({ metadata: change.metadata() });
  for (const [raw, path] of objectsIn(change.list("message_echoes"), `${at}.message_echoes`, ctx.issue)) {
    const echo = readEcho(raw, path, ctx.issue);
    if (echo === undefined) {
      out.push(unread(ctx, "standby", path, raw));
      continue;
    }
    const event: StandbyEchoEvent = { ...changeBase(ctx, "standby", "echo", path, raw), ...business, echo };
    out.push(event);
  }
  return out;
}

/** How many items a list member holds (0 when it is not an array). */
function lengthOf(value: Json, list: string): number {
  const items = Object.hasOwn(value, list) ? value[list] : undefined;
  return Array.isArray(items) ? items.length : 0;
}
