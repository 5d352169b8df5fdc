import type { RetryPolicy } from "./retry.js";

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
