/** Reads how long an answer's headers asked to wait, in milliseconds; undefined when they did not say. */
export type WaitReader = (headers: { get(name: string): string | null }) => number | undefined;

/** `Retry-After`, else `X-Business-Use-Case-Usage`: what `createClient` and `retryWhenNotAccepted()` read. */
export const askedWait: WaitReader = (headers) =>
  parseRetryAfter(headers.get("retry-after")) ?? parseBusinessUseCaseUsage(headers.get("x-business-use-case-usage"));

/** `Retry-After` alone: what a sender without `retryWhenNotAccepted()` reads (the usage header's parser stays out of its bundle). */
export const retryAfterOnly: WaitReader = (headers) => parseRetryAfter(headers.get("retry-after"));

/** `Retry-After`: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  // Blank is no answer (Number("") would be 0); neither a number nor a date (Date.parse gives NaN) is none either.
  if (!value?.trim()) return undefined;
  const wait = Number.isFinite(Number(value)) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(wait) ? undefined : Math.max(0, wait);
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
        if (typeof minutes === "number" && minutes > 0 && minutes < Number.POSITIVE_INFINITY)
          longest = Math.max(longest ?? 0, minutes * 60_000);
      }
    }
  } catch {
    return undefined;
  }
  return longest;
}
