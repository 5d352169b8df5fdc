import type { MessagingLimitTier } from "./change-events.js";

/** The tiers Meta writes as numbers in examples (webhooks-2026.md §1d: table `TIER_*`, example `2000`). */
const tierOfNumber: ReadonlyMap<number, MessagingLimitTier> = new Map([
  [50, "TIER_50"],
  [250, "TIER_250"],
  [1000, "TIER_1K"],
  [2000, "TIER_2K"],
  [10000, "TIER_10K"],
  [100000, "TIER_100K"],
]);

/**
 * A limit as a tier name: a `TIER_*` string as sent, a number as its tier (`2000` → `TIER_2K`), another
 * number in digits (kept, not guessed). Undefined for anything else (the caller reports it).
 */
export function limitTierOf(value: unknown): MessagingLimitTier | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return tierOfNumber.get(value) ?? String(value);
  return undefined;
}
