// The per-number gate and the per-recipient hold on their own, against a real redis-server: what
// is admitted, how long a refused send waits, who may settle or release. Waits are checked as
// bounds that hold however slow the host is (Redis's clock moves on between calls).
// `pnpm mutate`'s queue group is judged by this file with hardening.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { checkRate, holdPair, keys, releasePair, releaseSlot, settlePair, settleSlot, takeSlot } from "../src/gate.js";
import { startRedis } from "./redis.js";

let server: { port: number; stop(): Promise<void> };
let redis: Redis;
beforeAll(async () => {
  server = await startRedis();
  redis = new Redis({ host: "127.0.0.1", port: server.port, maxRetriesPerRequest: 1 });
}, 20_000);
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

let prefixes = 0;
const fresh = () => keys(`gate-test-${++prefixes}`, "106540352242922");

describe("checkRate", () => {
  it("takes whole counts ≥ 1 per whole durations ≥ 1 ms", () => {
    expect(() => checkRate("w", { max: 1, durationMs: 1 })).not.toThrow();
    expect(() => checkRate("w", { max: 80, durationMs: 1000 })).not.toThrow();
  });

  it("refuses anything else, naming where and what it got", () => {
    for (const max of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => checkRate("createWhatsAppQueue: rate", { max, durationMs: 1000 })).toThrow(
        new TypeError(`createWhatsAppQueue: rate: max must be a whole number of messages ≥ 1, got ${String(max)}`),
      );
    for (const durationMs of [0, -1, 0.5, Number.NaN])
      expect(() => checkRate("w", { max: 1, durationMs })).toThrow(
        new TypeError(`w: durationMs must be a whole number of milliseconds ≥ 1, got ${String(durationMs)}`),
      );
  });
});

describe("keys", () => {
  it("names one number's state under the prefix", () => {
    const key = keys("p", "123");
    expect([key.sends, key.rate, key.pair("456"), key.inflight("j"), key.sent("j")]).toEqual([
      "p:sends:123",
      "p:rate:123",
      "p:pair:123:456",
      "p:inflight:123:j",
      "p:sent:123:j",
    ]);
  });
});

describe("takeSlot, settleSlot, releaseSlot", () => {
  const timing = { inflightMs: 60_000, marginMs: 0 };

  it("admits max sends, then a send in flight makes the next wait one share of the window", async () => {
    const key = fresh();
    const rate = { max: 2, durationMs: 1000 };
    expect(await takeSlot(redis, key, rate, timing, "a")).toBe(0);
    expect(await takeSlot(redis, key, rate, timing, "b")).toBe(0);
    expect(await takeSlot(redis, key, rate, timing, "c")).toBe(500);
    expect(await redis.zcard(key.sends)).toBe(2);
    // The slots expire with the longest they may count: in flight, then one window (and the margin).
    const ttl = await redis.pttl(key.sends);
    expect(ttl).toBeGreaterThan(1000);
    expect(ttl).toBeLessThanOrEqual(61_000);
  });

  it("after an answer, a send counts for one window from it: the next waits at most that window", async () => {
    const key = fresh();
    const rate = { max: 1, durationMs: 5000 };
    expect(await takeSlot(redis, key, rate, timing, "a")).toBe(0);
    // In flight, the slot counts until its deadline (admission + inflightMs); answered, from the answer on.
    const [seconds, micros] = await redis.time();
    const before = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    expect(Number(await redis.zscore(key.sends, "a"))).toBeGreaterThan(before + 50_000);
    await settleSlot(redis, key, "a");
    const settled = Number(await redis.zscore(key.sends, "a"));
    expect(settled).toBeGreaterThanOrEqual(before);
    expect(settled).toBeLessThan(before + 50_000);
    const wait = await takeSlot(redis, key, rate, timing, "b");
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(5000);
    // The margin widens the window.
    const wider = await takeSlot(redis, key, rate, { inflightMs: 60_000, marginMs: 60_000 }, "b");
    expect(wider).toBeGreaterThan(5000);
    expect(wider).toBeLessThanOrEqual(65_000);
  });

  it("settles only a slot that was taken, and a released slot is free again", async () => {
    const key = fresh();
    const rate = { max: 1, durationMs: 5000 };
    await settleSlot(redis, key, "never-taken");
    expect(await redis.zcard(key.sends)).toBe(0);
    expect(await takeSlot(redis, key, rate, timing, "a")).toBe(0);
    await releaseSlot(redis, key, "a");
    expect(await takeSlot(redis, key, rate, timing, "b")).toBe(0);
    expect(await redis.zrange(key.sends, 0, -1)).toEqual(["b"]);
  });

  it("reads the rate the API reported for the number over the one configured", async () => {
    const key = fresh();
    await redis.hset(key.rate, { max: "1", durationMs: "10000" });
    expect(await takeSlot(redis, key, { max: 5, durationMs: 1000 }, timing, "a")).toBe(0);
    expect(await takeSlot(redis, key, { max: 5, durationMs: 1000 }, timing, "b")).toBe(10_000);
  });

  it("forgets sends older than the window", async () => {
    const key = fresh();
    const rate = { max: 1, durationMs: 1 };
    expect(await takeSlot(redis, key, rate, { inflightMs: 0, marginMs: 0 }, "a")).toBe(0);
    await settleSlot(redis, key, "a");
    // A 1 ms window: once Redis's clock has moved on by 2 ms, "a" no longer counts.
    const started = Date.now();
    while (Date.now() - started < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await takeSlot(redis, key, rate, { inflightMs: 0, marginMs: 0 }, "b")).toBe(0);
  });
});

describe("holdPair, settlePair, releasePair", () => {
  const timing = { inflightMs: 60_000, marginMs: 50 };

  it("lets one send hold a recipient; another waits one gap (and the margin) while it is in flight", async () => {
    const key = fresh().pair("16505551234");
    expect(await holdPair(redis, key, "job-1", timing, 300)).toEqual({ ok: true, wait: 0 });
    expect(await redis.get(key)).toBe("job-1");
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(60_350);
    expect(await holdPair(redis, key, "job-2", timing, 300)).toEqual({ ok: false, wait: 350 });
    // The hold lasts in flight + gap + margin: with a 10 s margin, past in flight + gap however slow the host.
    const wide = fresh().pair("16505551234");
    await holdPair(redis, wide, "job-1", { inflightMs: 60_000, marginMs: 10_000 }, 300);
    expect(await redis.pttl(wide)).toBeGreaterThan(60_300);
  });

  it("settles only for its holder: the hold then ends one gap from the answer", async () => {
    const key = fresh().pair("16505551234");
    await holdPair(redis, key, "job-1", timing, 300);
    await settlePair(redis, key, "job-2", timing, 300);
    expect(await redis.pttl(key)).toBeGreaterThan(60_000);
    await settlePair(redis, key, "job-1", timing, 300);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(350);
    const refused = await holdPair(redis, key, "job-2", timing, 300);
    expect(refused.ok).toBe(false);
    expect(refused.wait).toBeGreaterThanOrEqual(1);
    expect(refused.wait).toBeLessThanOrEqual(350);
    // Settled, the hold ends gap + margin from the answer: with a 10 s margin, still past the gap.
    const wide = fresh().pair("16505551234");
    const wideTiming = { inflightMs: 60_000, marginMs: 10_000 };
    await holdPair(redis, wide, "job-1", wideTiming, 300);
    await settlePair(redis, wide, "job-1", wideTiming, 300);
    const left = await redis.pttl(wide);
    expect(left).toBeGreaterThan(300);
    expect(left).toBeLessThanOrEqual(10_300);
  });

  it("waits at least 1 ms even with no gap", async () => {
    const key = fresh().pair("16505551234");
    await holdPair(redis, key, "job-1", { inflightMs: 60_000, marginMs: 0 }, 0);
    expect(await holdPair(redis, key, "job-2", { inflightMs: 60_000, marginMs: 0 }, 0)).toEqual({ ok: false, wait: 1 });
  });

  it("releases only for its holder", async () => {
    const key = fresh().pair("16505551234");
    await holdPair(redis, key, "job-1", timing, 300);
    await releasePair(redis, key, "job-2");
    expect(await redis.get(key)).toBe("job-1");
    await releasePair(redis, key, "job-1");
    expect(await redis.exists(key)).toBe(0);
    expect(await holdPair(redis, key, "job-2", timing, 300)).toEqual({ ok: true, wait: 0 });
  });
});
