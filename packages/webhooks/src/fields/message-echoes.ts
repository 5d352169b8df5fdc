import { definedMembers } from "../defined-members.js";
import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { MessageEcho, MessageEchoEvent } from "./change-events.js";
import { readFieldItems } from "./field-items.js";
import { type FieldContext, type Json, MemberReader, type Report } from "./read.js";

/**
 * One echo: `{from, to, id, timestamp, type, <type>: {…}}` [MD smb_message_echoes]; `revoke` and
 * `edit` name the message they change. Undefined (with issues) when its id, ends or type are unreadable.
 */
export function readEcho(raw: Json, path: string, issue: Report): MessageEcho | undefined {
  const item = new MemberReader(raw, path, issue);
  const from = item.id("from", true);
  const to = item.id("to", true);
  const id = item.text("id", true);
  const type = item.text("type", true);
  const timestamp = item.seconds("timestamp");
  if (item.failed || from === undefined || to === undefined || id === undefined || type === undefined) return undefined;
  const echo: { -readonly [Key in keyof MessageEcho]: MessageEcho[Key] } = { from, to, id, timestamp: timestamp ?? Number.NaN, type, raw };
  const text = item.object("text");
  if (text !== undefined) {
    const body = new MemberReader(text, `${path}.text`, issue).text("body", type === "text");
    if (body !== undefined) echo.text = { body };
  } else if (type === "text") issue(`${path}.text`, "required", "a text echo carries its text");
  for (const key of ["revoke", "edit"] as const) {
    const member = item.object(key);
    if (member === undefined) continue;
    const changed = new MemberReader(member, `${path}.${key}`, issue);
    const original = changed.optional("text", "original_message_id");
    if (key === "revoke") echo.revoke = original;
    else echo.edit = { ...original, ...definedMembers({ message: changed.object("message") }) };
  }
  return echo;
}

/** `smb_message_echoes`: `value.message_echoes[]`, messages the business sent from the WhatsApp Business App. */
export function readMessageEchoes(value: Json, ctx: FieldContext): FieldOutput[] {
  return readFieldItems(value, ctx, "message_echoes", (item, business) => {
    const echo = readEcho(item.source, item.at, ctx.issue);
    if (echo === undefined) return unread(ctx, "smb_message_echoes", item.at, item.source);
    const event: MessageEchoEvent = { ...changeBase(ctx, "smb_message_echoes", "echo", item.at, item.source), ...business, echo };
    return event;
  });
}
