import { GraphApiError, NetworkError } from "./errors.js";
import { maxTimerMs, numberOption } from "./options.js";

/** Retries: how many, and how long to wait. `false` turns them off. */
export interface RetryOptions {
  /** Attempts after the first; default 3. */
  readonly limit?: number | undefined;
  /** First backoff; doubles each attempt, with full jitter. Default 500 ms. */
  readonly baseDelayMs?: number | undefined;
  /** Cap on one wait, `Retry-After` included; a longer `Retry-After` is not waited for. Default 30 s. */
  readonly maxDelayMs?: number | undefined;
}

/** Retry options with every value set. */
export type ResolvedRetry = { readonly [K in keyof RetryOptions]-?: number };

const defaultRetry = { limit: 3, baseDelayMs: 500, maxDelayMs: 30_000 } as const;

/** The retry options with defaults for what is absent or `undefined`, each checked (a NaN limit would retry for ever). */
export const retryOptions = (retry: RetryOptions | undefined, where = "createClient"): ResolvedRetry => ({
  limit: numberOption(`${where}: retry`, retry, "limit", defaultRetry.limit, 0, 100, true),
  baseDelayMs: numberOption(`${where}: retry`, retry, "baseDelayMs", defaultRetry.baseDelayMs, 0, maxTimerMs),
  maxDelayMs: numberOption(`${where}: retry`, retry, "maxDelayMs", defaultRetry.maxDelayMs, 0, maxTimerMs),
});

/** System error codes raised while connecting, before any byte of the request was written. */
const beforeSend = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** Maps a fetch failure to a NetworkError, deciding whether the request could have been sent; its code goes through `redact`. */
export function networkError(error: unknown, redact: (text: string) => string, url: string): NetworkError {
  const reason = systemCode(error);
  return new NetworkError(reason === undefined ? undefined : redact(reason), reason === undefined || !beforeSend.has(reason), redact(url));
}

function systemCode(error: unknown): string | undefined {
  // Duck-typed: errors from fetch may come from another realm, where instanceof fails.
  for (let current: unknown = error, depth = 0; typeof current === "object" && current !== null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
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

/** `Retry-After`: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * `X-Business-Use-Case-Usage`: `{ "<business id>": [{ …, "estimated_time_to_regain_access": minutes }] }`;
 * the longest wait it names, in milliseconds.
 */
export function parseBusinessUseCaseUsage(value: string | null): number | undefined {
  if (value === null) return undefined;
  let longest: number | undefined;
  try {
    for (const entries of Object.values(JSON.parse(value) as Record<string, unknown>)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        const minutes = (entry as { estimated_time_to_regain_access?: unknown } | null)?.estimated_time_to_regain_access;
        if (typeof minutes === "number" && Number.isFinite(minutes) && minutes > 0) longest = Math.max(longest ?? 0, minutes * 60_000);
      }
    }
  } catch {
    return undefined;
  }
  return longest;
}
