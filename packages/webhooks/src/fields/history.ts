import { definedMembers } from "../defined-members.js";
import { quote } from "../quote.js";
import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { HistoryChunkEvent, HistoryErrorEvent, HistoryMessage, HistoryThread } from "./change-events.js";
import type { BusinessNumber } from "./field-items.js";
import { type FieldContext, type Json, MemberReader, objectsIn, own, type Report } from "./read.js";

/**
 * `history`: `value.history[]{metadata:{phase, chunk_order, progress}, threads[{id, messages[]}]}`
 * [MD history]; 180 days, groups excluded, chunks in any order. `value.errors[]` instead when the
 * business declined to share its history.
 */
export function readHistory(value: Json, ctx: FieldContext): FieldOutput[] {
  const at = `${ctx.path}.value`;
  const change = new MemberReader(value, at, ctx.issue);
  const business = definedMembers({ metadata: change.metadata() });
  const errors = change.list("errors");
  const declined = objectsIn(errors, `${at}.errors`, ctx.issue).map(([raw, path]) => readDeclined(raw, path, ctx, business));
  const chunks = objectsIn(change.list("history", errors === undefined), `${at}.history`, ctx.issue).map(([raw, path]) =>
    readChunk(raw, path, ctx, business),
  );
  return [...declined, ...chunks];
}

/** One `errors[]` item: why the business's history is not shared. */
function readDeclined(raw: Json, path: string, ctx: FieldContext, business: BusinessNumber): FieldOutput {
  const error = new MemberReader(raw, path, ctx.issue);
  const code = error.number("code", true);
  const message = error.optional("text", "message");
  if (code === undefined) return unread(ctx, "history", path, raw);
  const event: HistoryErrorEvent = { ...changeBase(ctx, "history", "error", path, raw), ...business, code, ...message };
  return event;
}

/** One `history[]` chunk: where it stands in the transfer (its `metadata`) and its threads. */
function readChunk(raw: Json, path: string, ctx: FieldContext, business: BusinessNumber): FieldOutput {
  const chunk = new MemberReader(raw, path, ctx.issue);
  const progressOf = chunk.object("metadata", true);
  const order = progressOf === undefined ? undefined : new MemberReader(progressOf, `${path}.metadata`, ctx.issue);
  const phase = order?.number("phase", true);
  const chunk_order = chunkOrderOf(order, ctx.issue);
  const progress = order?.number("progress", true);
  const threads = objectsIn(chunk.list("threads", true), `${path}.threads`, ctx.issue).map(([thread, threadPath]) =>
    readThread(thread, threadPath, ctx.issue),
  );
  if (chunk.failed || order?.failed !== false || phase === undefined || chunk_order === undefined || progress === undefined)
    return unread(ctx, "history", path, raw);
  const event: HistoryChunkEvent = {
    ...changeBase(ctx, "history", "chunk", path, raw),
    ...business,
    phase,
    chunk_order,
    progress,
    threads: threads.filter((thread): thread is HistoryThread => thread !== undefined),
  };
  return event;
}

/**
 * The most chunks one import is taken to have. Meta publishes no maximum; 180 days of one-to-one
 * threads fit in far fewer, and the bound keeps a hostile `chunk_order` (`5e6`, `2^53 - 1`) from
 * standing for millions of chunks still to come.
 */
export const largestChunkOrder = 1_000_000;

/** `metadata.chunk_order`: a whole number from 1 (chunks are numbered from 1) to `largestChunkOrder`. */
function chunkOrderOf(order: MemberReader | undefined, issue: Report): number | undefined {
  const chunkOrder = order?.number("chunk_order", true);
  if (order === undefined || chunkOrder === undefined) return undefined;
  if (Number.isInteger(chunkOrder) && chunkOrder >= 1 && chunkOrder <= largestChunkOrder) return chunkOrder;
  order.failed = true;
  issue(
    `${order.at}.chunk_order`,
    Number.isInteger(chunkOrder) ? "out_of_range" : "invalid_format",
    `a whole number from 1 to ${largestChunkOrder} (the chunk's place in the import), got ${quote(own(order.source, "chunk_order"))}`,
  );
  return undefined;
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
    const ends = item.optional("id", "from", "to");
    const status = item.member("history_context")?.optional("text", "status");
    if (messageId === undefined || type === undefined) continue;
    messages.push({
      id: messageId,
      type,
      timestamp: timestamp ?? Number.NaN,
      ...ends,
      ...definedMembers({ history_context: status }),
      raw: message,
    });
  }
  return id === undefined ? undefined : { id, messages };
}
