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
  /**
   * Chunks not received yet below the highest received, per phase (`{ phase, chunk_order }`), lowest
   * first: at most 100 of them; `missingCount` counts them all.
   */
  readonly missing: readonly { readonly phase: number; readonly chunk_order: number }[];
  /** How many chunks are missing in all (`missing` lists the first 100). */
  readonly missingCount: number;
  /** Each thread (by the user's number) with its messages in order: by phase, chunk order, then time. */
  readonly threads: ReadonlyMap<string, readonly HistoryMessage[]>;
  /** Codes of `history` errors (the business declined to share, or the import failed). */
  readonly errors: readonly number[];
}

/** The most missing chunks `missing` lists; beyond it, `missingCount` alone says how many. */
const listedMissing = 100;

/**
 * Reassembles `history` chunks (webhooks-2026.md §1d: phases 0–2, `chunk_order` from 1, chunks can
 * arrive out of order and be delivered twice). Pass every `history` event seen so far; call again as
 * more arrive.
 *
 * A chunk's `chunk_order` is network input: `parseWebhook` reads it only as a whole number from 1 to
 * 1,000,000 (an issue at `….metadata.chunk_order` otherwise), and the missing chunks are counted, not
 * enumerated, so the work is bounded by the chunks received: `missing` lists the first 100 (by phase,
 * then order) and `missingCount` counts them all. An event whose `chunk_order` is not a whole number
 * from 1 (one built by hand) is reassembled but leaves no gap below it.
 *
 * @example
 * const history = reassembleHistory(events);
 * console.log(`${history.progress}%`, history.complete ? "done" : `${history.missingCount} chunks to come`);
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
  for (const chunk of ordered) {
    progress = Math.max(progress, chunk.progress);
    for (const thread of chunk.threads) {
      const messages = threads.get(thread.id) ?? [];
      for (const message of thread.messages) messages.push(message);
      threads.set(thread.id, messages);
    }
  }
  // Within a thread, time decides; equal times keep chunk order (the sort is stable).
  for (const messages of threads.values()) messages.sort((a, b) => a.timestamp - b.timestamp);
  const { missing, missingCount } = missingChunks(ordered);
  return { chunks: chunks.size, progress, complete: progress >= 100 && missingCount === 0, missing, missingCount, threads, errors };
}

/**
 * The gaps below each phase's highest chunk, from the chunks received (one per phase and order,
 * sorted by phase then order): counted per gap, listed up to `listedMissing`, so neither loop
 * depends on how large a `chunk_order` claims to be.
 */
function missingChunks(ordered: readonly HistoryChunkEvent[]): Pick<HistoryImport, "missing" | "missingCount"> {
  const missing: { phase: number; chunk_order: number }[] = [];
  let missingCount = 0;
  let phase = Number.NaN;
  let next = 1;
  for (const chunk of ordered) {
    if (!Number.isSafeInteger(chunk.chunk_order) || chunk.chunk_order < 1) continue;
    if (chunk.phase !== phase) {
      phase = chunk.phase;
      next = 1;
    }
    missingCount += chunk.chunk_order - next;
    for (let order = next; order < chunk.chunk_order && missing.length < listedMissing; order++)
      missing.push({ phase, chunk_order: order });
    next = chunk.chunk_order + 1;
  }
  return { missing, missingCount };
}
