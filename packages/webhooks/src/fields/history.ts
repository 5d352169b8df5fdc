import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { HistoryChunkEvent, HistoryErrorEvent, HistoryMessage, HistoryThread } from "./change-events.js";
import { type FieldContext, type Json, MemberReader, objectsIn, type Report } from "./read.js";

/**
 * `history`: `value.history[]{metadata:{phase, chunk_order, progress}, threads[{id, messages[]}]}`
 * [MD history]; 180 days, groups excluded, chunks in any order. `value.errors[]` instead when the
 * business declined to share its history.
 */
export function readHistory(value: Json, ctx: FieldContext): FieldOutput[] {
  const at = `${ctx.path}.value`;
  const change = new MemberReader(value, at, ctx.issue);
  const metadata = change.metadata();
  const out: FieldOutput[] = [];
  const errors = change.list("errors");
  for (const [raw, path] of objectsIn(errors, `${at}.errors`, ctx.issue)) {
    const error = new MemberReader(raw, path, ctx.issue);
    const code = error.number("code", true);
    const message = error.text("message");
    if (code === undefined) {
      out.push(unread(ctx, "history", path, raw));
      continue;
    }
    const event: HistoryErrorEvent = {
      ...changeBase(ctx, "history", "error", path, raw),
      ...(metadata ? { metadata } : {}),
      code,
      ...(message === undefined ? {} : { message }),
    };
    out.push(event);
  }
  for (const [raw, path] of objectsIn(change.list("history", errors === undefined), `${at}.history`, ctx.issue)) {
    const chunk = new MemberReader(raw, path, ctx.issue);
    const progressOf = chunk.object("metadata", true);
    const order = progressOf === undefined ? undefined : new MemberReader(progressOf, `${path}.metadata`, ctx.issue);
    const phase = order?.number("phase", true);
    const chunk_order = order?.number("chunk_order", true);
    const progress = order?.number("progress", true);
    const threads = objectsIn(chunk.list("threads", true), `${path}.threads`, ctx.issue).map(([thread, threadPath]) =>
      readThread(thread, threadPath, ctx.issue),
    );
    if (chunk.failed || order?.failed !== false || phase === undefined || chunk_order === undefined || progress === undefined) {
      out.push(unread(ctx, "history", path, raw));
      continue;
    }
    const event: HistoryChunkEvent = {
      ...changeBase(ctx, "history", "chunk", path, raw),
      ...(metadata ? { metadata } : {}),
      phase,
      chunk_order,
      progress,
      threads: threads.filter((thread): thread is HistoryThread => thread !== undefined),
    };
    out.push(event);
  }
  return out;
}

function readThread(raw: Json, path: string, issue: Report): HistoryThread | undefined {
  const thread = new MemberReader(raw, path, issue);
  const id = thread.id("id", true);
  const messages: HistoryMessage[] = [];
  for (const [message, at] of objectsIn(thread.list("messages", true), `${path}.messages`, issue)) {
    const item = new MemberReader(message, at, issue);
    const messageId = item.text("id", true);
    const type = item.text("type", true);
    const timestamp = item.seconds("timestamp");
    const from = item.id("from");
    const to = item.id("to");
    const context = item.object("history_context");
    const status = context === undefined ? undefined : new MemberReader(context, `${at}.history_context`, issue).text("status");
    if (messageId === undefined || type === undefined) continue;
    messages.push({
      id: messageId,
      type,
      timestamp: timestamp ?? Number.NaN,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(context === undefined ? {} : { history_context: status === undefined ? {} : { status } }),
      raw: message,
    });
  }
  return id === undefined ? undefined : { id, messages };
}
