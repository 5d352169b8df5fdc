import type { WebhookEvent } from "../events.js";
import type { HistoryChunkEvent, HistoryMessage } from "../fields/change-events.js";

/** A history import put back together from chunks that arrived in any order. */
export interface HistoryImport {
  /** Chunks received (a retried chunk counts once). */
  readonly chunks: number;
  /** Percent done: the highest `progress` any chunk reported (0–100). */
  readonly progress: number;
  /** True once a chunk reported 100 and no chunk before it is missing. */
  readonly complete: boolean;
  /** Chunks not received yet below the highest received, per phase (`{ phase, chunk_order }`). */
  readonly missing: readonly { readonly phase: number; readonly chunk_order: number }[];
  /** Each thread (by the user's number) with its messages in order: by phase, chunk order, then time. */
  readonly threads: ReadonlyMap<string, readonly HistoryMessage[]>;
  /** Codes of `history` errors (the business declined to share, or the import failed). */
  readonly errors: readonly number[];
}

/**
 * Reassembles `history` chunks (webhooks-2026.md §1d: phases 0–2, `chunk_order` from 1, chunks can
 * arrive out of order and be delivered twice). Pass every `history` event seen so far; call again as
 * more arrive.
 *
 * @example
 * const history = reassembleHistory(events);
 * console.log(`${history.progress}%`, history.complete ? "done" : `${history.missing.length} chunks to come`);
 */
export function reassembleHistory(events: Iterable<WebhookEvent>): HistoryImport {
  const chunks = new Map<string, HistoryChunkEvent>();
  const errors: number[] = [];
  for (const event of events) {
    if (event.kind !== "change" || event.field !== "history") continue;
    if (event.type === "error") errors.push(event.code);
    else chunks.set(`${event.phase}:${event.chunk_order}`, event);
  }
  const ordered = [...chunks.values()].sort((a, b) => a.phase - b.phase || a.chunk_order - b.chunk_order);
  const threads = new Map<string, HistoryMessage[]>();
  let progress = 0;
  const highest = new Map<number, number>();
  for (const chunk of ordered) {
    progress = Math.max(progress, chunk.progress);
    highest.set(chunk.phase, Math.max(highest.get(chunk.phase) ?? 0, chunk.chunk_order));
    for (const thread of chunk.threads) {
      const messages = threads.get(thread.id) ?? [];
      for (const message of thread.messages) messages.push(message);
      threads.set(thread.id, messages);
    }
  }
  // Within a thread, time decides; equal times keep chunk order (the sort is stable).
  for (const messages of threads.values()) messages.sort((a, b) => a.timestamp - b.timestamp);
  const missing: { phase: number; chunk_order: number }[] = [];
  for (const [phase, top] of highest)
    for (let order = 1; order < top; order++) if (!chunks.has(`${phase}:${order}`)) missing.push({ phase, chunk_order: order });
  return { chunks: chunks.size, progress, complete: progress >= 100 && missing.length === 0, missing, threads, errors };
}
