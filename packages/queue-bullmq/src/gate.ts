import type { Redis } from "ioredis";

/**
 * The per-number sliding window, atomic in Redis and shared by every worker. The API counts
 * a request when it arrives, which is some time between our admission and the answer; so a
 * send counts from its admission **until its answer**, and for `windowMs` after that:
 *
 * - admitted: the member's score is a deadline in the future (admission + the longest the
 *   request may be in flight), so an in-flight send always counts;
 * - answered: `settleSlot` sets the score to the answer time, and the send counts until
 *   `answer + windowMs`.
 *
 * Why that bounds every window at the server: take the sends arriving within one window
 * [s, s + windowMs) and the last of them to be admitted, at time a ≤ its arrival < s + windowMs.
 * Every other one was admitted before a and answered at or after its own arrival ≥ s, so at a
 * its score is ≥ s > a − windowMs: it was still counted. Admission needs fewer than `max`
 * counted, so the window holds at most `max` arrivals, whatever the delays. Times are Redis's
 * clock, so workers on many machines agree. BullMQ's own limiter is a fixed window (up to
 * 2·max − 1 in a sliding window) and counts admissions only.
 */
const admit = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = redis.call('HMGET', KEYS[2], 'max', 'durationMs')
local max = tonumber(rate[1] or ARGV[1])
local window = tonumber(rate[2] or ARGV[2]) + tonumber(ARGV[3])
local inflight = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < max then
  redis.call('ZADD', KEYS[1], now + inflight, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], inflight + window)
  return 0
end
local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
if oldest > now then return math.max(1, math.floor(window / max)) end
return math.max(1, oldest + window - now)
`;

/** The send was answered (or failed after it may have reached the API): it counts until now + window. */
const settle = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
`;

export interface Rate {
  readonly max: number;
  readonly durationMs: number;
}

/** Throws a TypeError naming `where` unless `rate` is a positive whole count per a positive whole duration. */
export function checkRate(where: string, rate: Rate): void {
  if (!Number.isSafeInteger(rate.max) || rate.max < 1)
    throw new TypeError(`${where}: max must be a whole number of messages ≥ 1, got ${String(rate.max)}`);
  if (!Number.isSafeInteger(rate.durationMs) || rate.durationMs < 1)
    throw new TypeError(`${where}: durationMs must be a whole number of milliseconds ≥ 1, got ${String(rate.durationMs)}`);
}

/**
 * Keys of one phone number's state in Redis. The markers are per number, as job ids are (one
 * queue per number): one message id on two numbers is two messages, each sent once.
 */
export const keys = (prefix: string, phoneNumberId: string) => ({
  sends: `${prefix}:sends:${phoneNumberId}`,
  rate: `${prefix}:rate:${phoneNumberId}`,
  pair: (recipient: string) => `${prefix}:pair:${phoneNumberId}:${recipient}`,
  inflight: (jobId: string) => `${prefix}:inflight:${phoneNumberId}:${jobId}`,
  sent: (jobId: string) => `${prefix}:sent:${phoneNumberId}:${jobId}`,
});

/** The gate's timing: how long a request may be in flight, and extra width for clocks that drift apart. */
export interface GateTiming {
  readonly inflightMs: number;
  readonly marginMs: number;
}

/** Takes a send slot for `phoneNumberId`: 0 when admitted (as `member`), else milliseconds to wait. */
export async function takeSlot(
  redis: Redis,
  key: ReturnType<typeof keys>,
  rate: Rate,
  timing: GateTiming,
  member: string,
): Promise<number> {
  return Number(await redis.eval(admit, 2, key.sends, key.rate, rate.max, rate.durationMs, timing.marginMs, member, timing.inflightMs));
}

/** The request of slot `member` was answered, or may have reached the API: it counts from now on for one window. */
export async function settleSlot(redis: Redis, key: ReturnType<typeof keys>, member: string): Promise<void> {
  await redis.eval(settle, 1, key.sends, member);
}

/** The request of slot `member` never started: give the slot back. */
export async function releaseSlot(redis: Redis, key: ReturnType<typeof keys>, member: string): Promise<void> {
  await redis.zrem(key.sends, member);
}

/**
 * Holds the (number, recipient) pair while a send is in flight: true when this send may go,
 * else false and how long to wait. `settlePair` then keeps it `gapMs` from the answer, so two
 * sends to one recipient arrive at least `gapMs` apart (the pair rate, error 131056): the next
 * is admitted only after the previous one's answer, which came after its arrival.
 */
export async function holdPair(
  redis: Redis,
  key: string,
  holder: string,
  timing: GateTiming,
  gapMs: number,
): Promise<{ readonly ok: boolean; readonly wait: number }> {
  const taken = await redis.set(key, holder, "PX", timing.inflightMs + gapMs + timing.marginMs, "NX");
  if (taken === "OK") return { ok: true, wait: 0 };
  // Held by a send still in flight: look again after one gap rather than at its deadline.
  return { ok: false, wait: Math.max(1, Math.min(gapMs + timing.marginMs, await redis.pttl(key))) };
}

const ifHeld = (command: string) => `if redis.call('GET', KEYS[1]) == ARGV[1] then return ${command} end return 0`;
const settleIfHeld = ifHeld("redis.call('PEXPIRE', KEYS[1], ARGV[2])");
const releaseIfHeld = ifHeld("redis.call('DEL', KEYS[1])");

/** The send to this pair was answered (or may have reached the API): the hold now ends `gapMs` from now. */
export async function settlePair(redis: Redis, key: string, holder: string, timing: GateTiming, gapMs: number): Promise<void> {
  await redis.eval(settleIfHeld, 1, key, holder, gapMs + timing.marginMs);
}

/** Gives the pair back when the send did not happen after all (only if this job still holds it). */
export async function releasePair(redis: Redis, key: string, holder: string): Promise<void> {
  await redis.eval(releaseIfHeld, 1, key, holder);
}
