import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eventKey, parseWebhook, type WebhookEvent, webhookPayload } from "@wacompose/webhooks";
import { Redis } from "ioredis";
import { createInboundQueue, type ExhaustedEvent, type InboundQueue, type InboundQueueOptions } from "../src/index.js";
import { type Cut, type CuttableProxy, startCuttableProxy } from "./cuttable-proxy.js";
import { redisForTheFile } from "./redis.js";

// The receiving path against a Redis that fails, by surface: dependency outages at each step
// (through a TCP proxy cut the ways a network fails), wrong types, unbounded growth.
const redis = redisForTheFile();

const metadata = { display_phone_number: "15550001111", phone_number_id: "106540352242922" };
/** One delivery as Meta sends it: a message and a status, both new for each `n`. */
const delivery = (n: number): readonly WebhookEvent[] =>
  parseWebhook(
    webhookPayload("102290129340398", {
      metadata,
      messages: [{ from: "16505551234", id: `wamid.IN${n}`, timestamp: "1767225600", type: "text", text: { body: `n° ${n}` } }],
      statuses: [{ id: `wamid.OUT${n}`, status: "delivered", timestamp: "1767225600", recipient_id: "16505551234" }],
    }),
  ).events;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** A receiver and a worker that both reach Redis through `proxy`, and what the worker ran. */
function through(proxy: CuttableProxy, name: string, options: Partial<InboundQueueOptions> = {}) {
  const inbound = createInboundQueue({ connection: { host: "127.0.0.1", port: proxy.port }, name, redisTimeoutMs: 1000, ...options });
  const processed: string[] = [];
  return { inbound, processed };
}

/** Waits until the worker ran as many events as `events`, a little longer for a late duplicate, then expects each once. */
async function expectEachProcessedOnce(processed: string[], events: readonly WebhookEvent[]): Promise<void> {
  await until(() => processed.length >= events.length, 20_000, `${events.length} events processed`);
  await sleep(200);
  expect(processed.sort()).toEqual(events.map(eventKey).sort());
}

/** Meta's side: delivers until answered 2xx (here: `add` resolves), retrying on failure; the tries and what was new. */
async function deliverUntilTaken(inbound: InboundQueue, events: readonly WebhookEvent[], maxTries = 400) {
  for (let tries = 1; ; tries++) {
    try {
      return { tries, added: await inbound.add(events) };
    } catch (error) {
      if (tries >= maxTries) throw new Error(`not taken after ${maxTries} deliveries: ${(error as Error).message}`);
      await sleep(10 + (tries % 5) * 10);
    }
  }
}

describe("dependency outages: Redis cut at each step of the inbound path", () => {
  let proxy: CuttableProxy;
  beforeAll(async () => {
    proxy = await startCuttableProxy(redis.port);
  });
  afterAll(() => proxy.close());

  it.each(["reset", "blackhole"] as const)(
    "Redis %s before the add: add rejects within its timeout (the handler answers 500), and the redelivery is taken once",
    async (how: Cut) => {
      const { inbound, processed } = through(proxy, `before-${how}`);
      inbound.process((event) => void processed.push(eventKey(event)), { lockDurationMs: 2000 });
      try {
        await deliverUntilTaken(inbound, delivery(0)); // connected and warm
        proxy.cut(how);
        // Once: `SET NX` error replies were read as "already seen" and add resolved [] (a 200, never redelivered).
        await expect(inbound.add(delivery(1))).rejects.toThrow();
        proxy.heal();
        await deliverUntilTaken(inbound, delivery(1)); // new, or stored late by the healed link: either way, once
        await expectEachProcessedOnce(processed, [...delivery(0), ...delivery(1)]);
      } finally {
        proxy.heal();
        await inbound.close();
      }
    },
    30_000,
  );

  it("Redis took the jobs but its answers were lost: add rejects, and the redelivery finds them (no mark without its job, none twice)", async () => {
    const { inbound, processed } = through(proxy, "lost-answers");
    inbound.process((event) => void processed.push(eventKey(event)), { lockDurationMs: 2000 });
    try {
      await deliverUntilTaken(inbound, delivery(0));
      proxy.cut("lose-answers");
      // Once: the seen marks were set, the add failed, and their `del` failed too: the redelivery added nothing, for 7 days.
      await expect(inbound.add(delivery(1))).rejects.toThrow();
      proxy.heal();
      expect((await deliverUntilTaken(inbound, delivery(1))).added).toEqual([]); // stored the first time
      await expectEachProcessedOnce(processed, [...delivery(0), ...delivery(1)]);
    } finally {
      proxy.heal();
      await inbound.close();
    }
  }, 30_000);

  it.each(["reset", "blackhole", "lose-answers"] as const)(
    "Redis %s while handlers run: each event is processed once, none lost",
    async (how: Cut) => {
      const { inbound, processed } = through(proxy, `during-${how}`);
      const running = { count: 0 };
      inbound.process(
        async (event) => {
          running.count++;
          await sleep(150);
          processed.push(eventKey(event));
        },
        { concurrency: 4, lockDurationMs: 2000 },
      );
      try {
        const events = Array.from({ length: 10 }, (_, n) => delivery(n)).flat();
        await deliverUntilTaken(inbound, events);
        await until(() => running.count > 0, 10_000, "a handler running");
        proxy.cut(how);
        await sleep(400);
        proxy.heal();
        await until(() => new Set(processed).size === events.length, 30_000, "every event processed");
        await sleep(500);
        expect(processed).toHaveLength(events.length);
      } finally {
        proxy.heal();
        await inbound.close();
      }
    },
    40_000,
  );
});

describe("handlers that throw: retried with backoff, then reported with the update kept", () => {
  it("a handler that fails once runs again; one that always fails is `exhausted`, its event and raw update kept", async () => {
    const inbound = createInboundQueue({
      connection: { host: "127.0.0.1", port: redis.port },
      name: "throwing",
      attempts: 3,
      backoff: { type: "fixed", delay: 50 },
    });
    const runs = new Map<string, number>();
    const exhausted: ExhaustedEvent[] = [];
    inbound.on("exhausted", (report) => exhausted.push(report));
    inbound.process((event) => {
      const key = eventKey(event);
      runs.set(key, (runs.get(key) ?? 0) + 1);
      // Once: jobs had no attempts, so a transient error failed the event for good.
      if (event.kind === "message" && runs.get(key) === 1) throw new Error("database briefly down");
      if (event.kind === "status") throw new Error("always fails");
    });
    try {
      const [message, status] = delivery(7);
      await inbound.add(delivery(7));
      await until(() => exhausted.length === 1 && runs.get(eventKey(message as WebhookEvent)) === 2, 20_000, "a retry and an exhaustion");
      expect(runs.get(eventKey(status as WebhookEvent))).toBe(3);
      expect(exhausted[0]).toMatchObject({ attemptsMade: 3, event: { kind: "status", raw: { id: "wamid.OUT7" } } });
      expect(exhausted[0]?.error.message).toBe("always fails");
      const kept = await inbound.exhausted();
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({ jobId: exhausted[0]?.jobId, event: { raw: { id: "wamid.OUT7", status: "delivered" } } });
      expect(kept[0]?.error.message).toBe("always fails");
    } finally {
      await inbound.close();
    }
  }, 30_000);
});

describe("wrong types and unbounded growth", () => {
  it.each([
    [{ attempts: 0 }, "createInboundQueue: attempts must be a whole number from 1 to 1000, got 0"],
    [{ attempts: Number.NaN }, "attempts must be a whole number from 1 to 1000, got NaN"],
    [{ redisTimeoutMs: -1 }, "redisTimeoutMs must be a whole number from 1 to 2147483647, got -1"],
    [{ backoff: { type: "linear", delay: 10 } }, 'backoff.type must be "exponential" or "fixed", got "linear"'],
    [
      { backoff: { type: "fixed", delay: Number.POSITIVE_INFINITY } },
      "backoff.delay must be a whole number from 0 to 2147483647, got Infinity",
    ],
    [{ name: "a:b" }, 'name is letters, digits, _ . -, got "a:b"'],
    // JSON cannot write a BigInt: the message names its kind instead of failing with JSON.stringify's TypeError.
    [{ backoff: { type: 1n, delay: 10 } }, 'backoff.type must be "exponential" or "fixed", got bigint'],
    [{ name: `a:${"b".repeat(1_000)}` }, `name is letters, digits, _ . -, got "a:${"b".repeat(57)}…`],
  ])("#%# is refused with the message that says why", (options, message) => {
    expect(() => createInboundQueue({ connection: {}, ...(options as Partial<InboundQueueOptions>) })).toThrow(message);
  });

  it("seen marks expire (dedupeForMs); a completed event stays seen after its job is gone", async () => {
    const inbound = createInboundQueue({ connection: { host: "127.0.0.1", port: redis.port }, name: "expiring", dedupeForMs: 60_000 });
    const admin = new Redis({ port: redis.port, host: "127.0.0.1" });
    const processed: string[] = [];
    inbound.process((event) => void processed.push(eventKey(event)));
    try {
      expect(await inbound.add(delivery(1))).toHaveLength(2);
      const marks = await admin.keys("wacompose:expiring:de:*");
      expect(marks).toHaveLength(2);
      for (const mark of marks) {
        const ttl = await admin.pttl(mark);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(60_000);
      }
      await until(() => processed.length === 2, 10_000, "2 processed");
      await admin.del(...(await admin.keys("wacompose:expiring:[0-9a-f]*-*")));
      expect(await inbound.add(delivery(1))).toEqual([]);
      expect(await inbound.exhausted(1)).toEqual([]);
      await expect(inbound.exhausted(0)).rejects.toThrow("exhausted: limit must be a whole number from 1 to 100000, got 0");
    } finally {
      admin.disconnect();
      await inbound.close();
    }
  }, 20_000);
});

describe("must show: 1,000 deliveries with Meta-style redelivery while Redis is cut at every step", () => {
  it("0 events lost, none processed twice", async () => {
    const proxy = await startCuttableProxy(redis.port);
    // Two receivers (Meta delivers to each subscribed app) and two workers, all through the cut link.
    const receivers = [0, 1].map(() => through(proxy, "must-show", { redisTimeoutMs: 500 }).inbound);
    const processed: string[] = [];
    for (const receiver of receivers)
      receiver.process(
        async (event) => {
          await sleep(2);
          processed.push(eventKey(event));
        },
        { concurrency: 8, lockDurationMs: 10_000 },
      );
    const deliveries = 1000;
    const expected = new Set(Array.from({ length: deliveries }, (_, n) => delivery(n).map(eventKey)).flat());
    let tries = 0;
    let refused = 0;
    let cuts = 0;
    let taken = 0;
    let chaos = true;
    const cutter = (async () => {
      const ways: Cut[] = ["reset", "blackhole", "lose-answers"];
      // A fixed number of cuts, so the run is bounded however slow the host: 12 of each way.
      while (chaos && cuts < 36) {
        await sleep(150);
        if (!chaos) break;
        proxy.cut(ways[cuts % ways.length] as Cut);
        cuts++;
        await sleep(100 + (cuts % 3) * 100);
        proxy.heal();
      }
    })();
    try {
      // 20 deliveries in flight at a time, each retried until a 2xx, some also to the second app.
      let next = 0;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (next < deliveries) {
            const n = next++;
            const apps = n % 10 === 0 ? receivers : [receivers[n % 2] as InboundQueue];
            for (const app of apps) {
              const used = (await deliverUntilTaken(app, delivery(n))).tries;
              tries += used;
              refused += used - 1;
            }
            taken++;
          }
        }),
      );
      chaos = false;
      await cutter;
      proxy.heal();
      await until(() => new Set(processed).size >= expected.size, 60_000, "every event processed");
      await sleep(1000); // a second run of anything would land by now
      const lost = [...expected].filter((key) => !processed.includes(key)).length;
      const twice = processed.length - new Set(processed).size;
      process.stdout.write(
        `inbound must-show: ${taken} deliveries (${expected.size} events), ${tries} attempts, ${refused} answered 500 and redelivered, ${cuts} cuts; processed ${new Set(processed).size}, lost ${lost}, processed twice ${twice}\n`,
      );
      expect(lost).toBe(0);
      expect(twice).toBe(0);
      expect(refused).toBeGreaterThan(0); // the cuts did hit the deliveries
      expect(cuts).toBeGreaterThanOrEqual(3); // each way at least once
    } finally {
      chaos = false;
      await cutter;
      proxy.heal();
      await Promise.all(receivers.map((receiver) => receiver.close()));
      await proxy.close();
    }
  }, 240_000);
});
