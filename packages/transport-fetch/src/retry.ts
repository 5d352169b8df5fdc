import { GraphApiError, NetworkError, TransportError } from "./errors.js";
import { maxTimerMs, numberOption } from "./options.js";
import { askedWait } from "./retry-after.js";
import { type ReadingPolicy, waitReader } from "./retry-option.js";

/** Retries: how many, and how long to wait. */
export interface RetryOptions {
  /** Attempts after the first; default 3. */
  readonly limit?: number | undefined;
  /** First backoff; doubles each attempt, with full jitter. Default 500 ms. */
  readonly baseDelayMs?: number | undefined;
  /** Cap on one wait, `Retry-After` included; a longer `Retry-After` is not waited for. Default 30 s. */
  readonly maxDelayMs?: number | undefined;
}

/**
 * How a request is retried: it is given the request's one attempt and runs it, again as often
 * as it decides, and settles as the last attempt did. `retryWhenNotAccepted()` makes the
 * transport's; a policy of one's own must never run an attempt again after an error whose
 * `mayHaveBeenDelivered` is true, or a message may be sent twice.
 */
export type RetryPolicy = (attempt: () => Promise<unknown>) => Promise<unknown>;

/** Retry options with every value set. */
export type ResolvedRetry = { readonly [K in keyof RetryOptions]-?: number };

const defaultRetry = { limit: 3, baseDelayMs: 500, maxDelayMs: 30_000 } as const;

/** The retry options with defaults for what is absent or `undefined`, each checked (a NaN limit would retry for ever). */
export const retryOptions = (retry: RetryOptions | undefined, where = "createClient"): ResolvedRetry => ({
  limit: numberOption(`${where}: retry`, retry, "limit", defaultRetry.limit, 0, 100, true),
  baseDelayMs: numberOption(`${where}: retry`, retry, "baseDelayMs", defaultRetry.baseDelayMs, 0, maxTimerMs),
  maxDelayMs: numberOption(`${where}: retry`, retry, "maxDelayMs", defaultRetry.maxDelayMs, 0, maxTimerMs),
});

/**
 * The transport's retry policy: retries only when the API certainly did not accept the message
 * (a retryable Graph error — throttling, transient — or a connection refused before the request
 * was written), with exponential backoff and full jitter, or as long as the API asked
 * (`Retry-After`, `X-Business-Use-Case-Usage`) when that is at most `maxDelayMs`. A timeout, a
 * reset after the body was sent or an odd answer is never retried. `createClient` and the
 * template manager use it unless told `retry: false`; give it to `createSender` to retry there.
 * Options are checked here: a TypeError names the option and the value.
 *
 * @example
 * const wa = createSender({ phoneNumberId, accessToken, retry: retryWhenNotAccepted({ limit: 5 }) });
 */
export function retryWhenNotAccepted(options?: RetryOptions): RetryPolicy {
  return retrying(retryOptions(options, "retryWhenNotAccepted"));
}

/** A client's or a manager's `retry` option as a policy: the default one, its options, one's own, or none for `false`. */
export function retryPolicy(option: RetryOptions | RetryPolicy | false | undefined, where: string): RetryPolicy | undefined {
  if (option === false) return undefined;
  return typeof option === "function" ? option : retrying(retryOptions(option, where));
}

function retrying(retry: ResolvedRetry): RetryPolicy {
  // The waits it honours, read from both headers, also where a sender is given it (see retry-option.ts).
  const policy: ReadingPolicy = (attempt) => {
    // A `.catch` per attempt rather than an async loop: a send that succeeds first time pays one promise, no more.
    const from = (tries: number): Promise<unknown> =>
      attempt().catch(async (error: unknown) => {
        const wait =
          tries > retry.limit || !shouldRetry(error)
            ? undefined
            : delayFor(tries, retry, error instanceof GraphApiError ? error.retryAfterMs : undefined, Math.random);
        if (wait === undefined) throw tries > 1 ? afterAttempts(error, tries) : error;
        await new Promise((resolve) => setTimeout(resolve, wait));
        return from(tries + 1);
      });
    return from(1);
  };
  return Object.assign(policy, { [waitReader]: askedWait });
}

/** The error a policy gives up with, saying how many attempts were made: it is this attempt's own, so it is told, not copied. */
function afterAttempts(error: unknown, attempts: number): unknown {
  if (error instanceof TransportError)
    try {
      Object.assign(error, { attempts });
      // The same error object may give up twice (a fetch rejecting with one error, two sends): the latest count, once.
      error.message = String(error.message).replace(/( \(after \d+ attempts\))?$/, ` (after ${attempts} attempts)`);
    } catch {
      // A custom fetch's own error, frozen or with a read-only message: given up with as it is, not a TypeError instead.
    }
  return error;
}

export const shouldRetry = (error: unknown): boolean =>
  (error instanceof GraphApiError && error.retryable) || (error instanceof NetworkError && !error.mayHaveBeenDelivered);

/**
 * Milliseconds to wait before retry `attempt` (1-based): `Retry-After` if the API sent one
 * (undefined when it is longer than `maxDelayMs`: give up), else backoff with full jitter.
 */
export function delayFor(
  attempt: number,
  retry: ResolvedRetry,
  retryAfterMs: number | undefined,
  random: () => number,
): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= retry.maxDelayMs ? retryAfterMs : undefined;
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
