import type { RetryPolicy } from "./retry.js";
import { retryAfterOnly, type WaitReader } from "./retry-after.js";

/**
 * Where `retryWhenNotAccepted()` leaves the reader of the waits it honours (both headers), for a sender it is given to:
 * a sender without it reads `Retry-After` alone and does not carry the other parser. Not exported: no policy of
 * one's own can set it by accident.
 */
export const waitReader: unique symbol = Symbol("waitReader");

/** A policy as `retryWhenNotAccepted()` makes it: with the reader of the waits it honours. */
export type ReadingPolicy = RetryPolicy & { readonly [waitReader]?: WaitReader };

/** The wait a small-path request records on a GraphApiError: the policy's reader, else `Retry-After` alone. */
export const waitOf = (policy: ReadingPolicy | undefined): WaitReader => policy?.[waitReader] ?? retryAfterOnly;

/**
 * The `retry` option of the small path (`createSender`, `createMedia`): a policy, or none. A
 * JavaScript caller's `{ limit: 3 }` is a TypeError naming the fix, not a policy that fails at the first send.
 */
export function retryOption(where: string, retry: RetryPolicy | false | undefined): RetryPolicy | undefined {
  if (retry !== undefined && retry !== false && typeof retry !== "function")
    throw new TypeError(
      `${where}: retry must be a policy such as retryWhenNotAccepted({ limit: 3 }), or false; got ${retry === null ? "null" : typeof retry}`,
    );
  return retry || undefined;
}
