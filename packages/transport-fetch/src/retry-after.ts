/** How long the API asked to wait, in milliseconds: `Retry-After`, else `X-Business-Use-Case-Usage`; undefined when it did not say. */
export const askedWait = (headers: { get(name: string): string | null }): number | undefined =>
  parseRetryAfter(headers.get("retry-after")) ?? parseBusinessUseCaseUsage(headers.get("x-business-use-case-usage"));

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
