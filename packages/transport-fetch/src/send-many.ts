import { throughputLimits } from "@wacompose/builder";
import { maxTimerMs, numberOption } from "./options.js";

export interface SendManyOptions {
  /** Requests in flight at once, 1 to 1,000; default 8. */
  readonly concurrency?: number | undefined;
  /** Starts per second at most (> 0); default the client's `perSecond` (80, the reference's default throughput). */
  readonly perSecond?: number | undefined;
}

/** One result per message, at the message's index. */
export type SendManyResult<R> =
  | { readonly index: number; readonly status: "sent"; readonly result: R }
  | { readonly index: number; readonly status: "failed"; readonly error: unknown };

/**
 * Sends every message once through `sender` (a `createSender()`, a `createClient()`, anything with
 * `send`), at most `concurrency` at a time, starts at least 1/`perSecond` apart. A failure is
 * recorded in its slot and never stops the others. Its own import, so a bundle that sends one
 * message at a time does not carry it; `createClient().sendMany` is this with the client's pacing.
 *
 * @example
 * const results = await sendMany(createSender(options), messages, { perSecond: 20 });
 * const failed = results.filter((result) => result.status === "failed");
 */
export async function sendMany<M, R>(
  sender: { readonly send: (message: M) => Promise<R> },
  messages: readonly M[],
  options: SendManyOptions = {},
): Promise<SendManyResult<R>[]> {
  if (typeof (sender as { send?: unknown } | null)?.send !== "function")
    throw new TypeError("sendMany: sender must have a send(message) method, such as createSender(…) or createClient(…)");
  if (!Array.isArray(messages))
    throw new TypeError(`sendMany: messages must be an array, got ${messages === null ? "null" : typeof messages}`);
  const concurrency = numberOption("sendMany", options, "concurrency", 8, 1, 1000, true);
  const perSecond = numberOption("sendMany", options, "perSecond", throughputLimits.perSecond, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER);
  const nextStart = pacer(1000 / perSecond);
  const results: SendManyResult<R>[] = new Array(messages.length);
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < messages.length) {
      const index = next++; // single-threaded: each index is taken exactly once
      await nextStart();
      try {
        results[index] = { index, status: "sent", result: await sender.send(messages[index] as M) };
      } catch (error) {
        results[index] = { index, status: "failed", error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker));
  return results;
}

/**
 * A token bucket that holds one token: each call is granted a start at least `intervalMs` after
 * the previous grant, and resolves with that time. The turn is taken when the caller wakes, not
 * when it starts to wait, so starts missed during a stall (a blocked event loop, a suspended
 * laptop) never fire together.
 */
export function pacer(intervalMs: number): () => Promise<number> {
  let last = Number.NEGATIVE_INFINITY;
  return async () => {
    for (;;) {
      const now = Date.now();
      if (now - last >= intervalMs) {
        last = now;
        return now;
      }
      // A tiny `perSecond` asks for more than a timer can wait (a longer delay fires at once, with a warning):
      // wait the longest a timer can and check again, never spin.
      await new Promise((resolve) => setTimeout(resolve, Math.min(last + intervalMs - now, maxTimerMs)));
    }
  };
}
