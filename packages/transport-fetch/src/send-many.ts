export interface SendManyOptions {
  /** Requests in flight at once; default 8. */
  readonly concurrency?: number;
  /** Starts per second at most; default the client's `perSecond` (80, the reference's default throughput). */
  readonly perSecond?: number;
}

/** One result per message, at the message's index. */
export type SendManyResult<R> =
  | { readonly index: number; readonly status: "sent"; readonly result: R }
  | { readonly index: number; readonly status: "failed"; readonly error: unknown };

/**
 * Sends every message once, at most `concurrency` at a time, starting no more than
 * `perSecond` per second. A failure is recorded in its slot and never stops the others.
 */
export async function sendMany<M, R>(
  send: (message: M) => Promise<R>,
  messages: readonly M[],
  options: SendManyOptions,
): Promise<SendManyResult<R>[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
  const interval = 1000 / Math.max(Number.MIN_VALUE, options.perSecond ?? 80);
  const results: SendManyResult<R>[] = new Array(messages.length);
  const start = Date.now();
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < messages.length) {
      const index = next++; // single-threaded: each index is taken exactly once
      const slot = start + index * interval - Date.now();
      if (slot > 0) await new Promise((resolve) => setTimeout(resolve, slot));
      try {
        results[index] = { index, status: "sent", result: await send(messages[index] as M) };
      } catch (error) {
        results[index] = { index, status: "failed", error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker));
  return results;
}
