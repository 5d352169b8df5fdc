import type { Redis } from "ioredis";

/**
 * The per-number sliding window, atomic in Redis and shared by every worker: admits a send
 * when fewer than `max` were admitted in the last `windowMs` (Redis's clock, so workers on
 * many machines agree), else answers how long to wait. BullMQ's own limiter is a fixed
 * window, which lets up to 2·max − 1 through in a sliding window (max at the end of one
 * window, max at the start of the next); this gate bounds every sliding window instead.
 */
const slidingWindow = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = redis.call('HMGET', KEYS[2], 'max', 'durationMs')
local max = tonumber(rate[1] or ARGV[1])
local window = tonumber(rate[2] or ARGV[2]) + tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < max then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

export interface Rate {
  readonly max: number;
  readonly durationMs: number;
}

/** Keys of one phone number's state in Redis. */
export const keys = (prefix: string, phoneNumberId: string) => ({
  sends: `${prefix}:sends:${phoneNumberId}`,
  rate: `${prefix}:rate:${phoneNumberId}`,
  pair: (recipient: string) => `${prefix}:pair:${phoneNumberId}:${recipient}`,
  inflight: (jobId: string) => `${prefix}:inflight:${jobId}`,
  sent: (jobId: string) => `${prefix}:sent:${jobId}`,
});

/**
 * Takes a send slot for `phoneNumberId`: 0 when admitted, else milliseconds to wait.
 * `marginMs` widens the window to absorb the jitter between the slot and the request's arrival.
 */
export async function takeSlot(
  redis: Redis,
  prefix: string,
  phoneNumberId: string,
  rate: Rate,
  marginMs: number,
  member: string,
): Promise<number> {
  const k = keys(prefix, phoneNumberId);
  return Number(await redis.eval(slidingWindow, 2, k.sends, k.rate, rate.max, rate.durationMs, marginMs, member));
}

/**
 * Holds the (number, recipient) pair for `gapMs`: true when this send may go, else false and
 * the remaining hold in `wait`. The hold starts before the send, so sends to one recipient are
 * at least `gapMs` apart (the pair rate: about 1 message per 6 s, error 131056).
 */
export async function holdPair(
  redis: Redis,
  key: string,
  holder: string,
  gapMs: number,
): Promise<{ readonly ok: boolean; readonly wait: number }> {
  const taken = await redis.set(key, holder, "PX", gapMs, "NX");
  if (taken === "OK") return { ok: true, wait: 0 };
  return { ok: false, wait: Math.max(1, await redis.pttl(key)) };
}

const releaseIfHeld = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Gives the pair back when the send did not happen after all (only if this job still holds it). */
export async function releasePair(redis: Redis, key: string, holder: string): Promise<void> {
  await redis.eval(releaseIfHeld, 1, key, holder);
}
