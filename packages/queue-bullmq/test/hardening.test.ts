import { describe, expect, it } from "@jest/globals";
import { msg, recipientKey } from "@wacompose/builder";
import { type EmulatorOptions, startEmulator } from "@wacompose/emulator";
import { Redis } from "ioredis";
import { keys } from "../src/gate.js";
import { createWhatsAppQueue, type QueueEvents, type WhatsAppQueueOptions, type WorkerOptions } from "../src/index.js";
import { redisForTheFile } from "./redis.js";

// In-process workers against a real redis-server and the emulator: the queue's answers to odd
// answers, odd input and Redis failures.
const phoneNumberId = "106540352242922";
const redis = redisForTheFile();

type Event = { readonly event: keyof QueueEvents; readonly jobId: string; readonly detail: unknown };

async function setup(
  prefix: string,
  queueOptions: Partial<WhatsAppQueueOptions>,
  emulatorOptions: EmulatorOptions = {},
  workerOptions: { readonly phoneNumberIds?: readonly string[]; readonly client?: Partial<WorkerOptions["client"]> } = {},
) {
  const emulator = await startEmulator({ accessToken: "queue-token", ...emulatorOptions });
  const queue = createWhatsAppQueue({ connection: { host: "127.0.0.1", port: redis.port }, prefix, perRecipientGapMs: 0, ...queueOptions });
  const workers = queue.startWorkers({
    phoneNumberIds: workerOptions.phoneNumberIds ?? [phoneNumberId],
    client: { accessToken: "queue-token", version: "v23.0", baseUrl: emulator.url, ...workerOptions.client },
  });
  const events: Event[] = [];
  for (const event of ["sent", "failed", "uncertain"] as const)
    workers.on(event, (detail: { jobId: string }) => events.push({ event, jobId: detail.jobId, detail }));
  const close = async () => {
    await workers.close();
    await queue.close();
    await emulator.close();
  };
  return { emulator, queue, events, close };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("queue-bullmq: odd answers, odd input, Redis failures", () => {
  it("enqueue twice, send once, also in at-least-once mode after the first job completed", async () => {
    const { emulator, queue, events, close } = await setup("twice", {});
    try {
      await queue.enqueue({ phoneNumberId, message: msg.to("16505551234").text("once"), messageId: "order-1" });
      await until(() => events.some((e) => e.event === "sent"));
      await queue.enqueue({ phoneNumberId, message: msg.to("16505551234").text("once"), messageId: "order-1" });
      // Nothing was queued the second time: no job to run, so nothing can be sent.
      expect(await queue.queueFor(phoneNumberId).getJobCounts("waiting", "delayed", "active", "prioritized")).toEqual({
        waiting: 0,
        delayed: 0,
        active: 0,
        prioritized: 0,
      });
      expect(emulator.received).toHaveLength(1);
    } finally {
      await close();
    }
  }, 30_000);

  it.each([
    ["at-least-once", "sent"],
    ["at-most-once", "uncertain"],
  ] as const)(
    "a 200 with an unexpected body is one POST, reported %s → %s, never retried",
    async (delivery, expected) => {
      const { emulator, queue, events, close } = await setup(
        `odd-${delivery}`,
        { delivery, attempts: 5 },
        {
          script: [{ status: 200, body: "{}", contentType: "application/json" }],
        },
      );
      try {
        await queue.enqueue({ phoneNumberId, message: msg.to("16505551234").text("odd"), messageId: "odd-1" });
        await until(() => events.length > 0);
        await new Promise((resolve) => setTimeout(resolve, 300)); // a retry would have posted again by now
        expect(events.map((e) => e.event)).toEqual([expected]);
        if (expected === "sent") expect(events[0]?.detail).toMatchObject({ wamid: undefined, result: undefined, rawAnswer: "{}" });
        expect(emulator.received).toHaveLength(1);
      } finally {
        await close();
      }
    },
    30_000,
  );

  it("a Redis error between the in-flight marker and the POST leaves no marker: the retry sends, not 'uncertain'", async () => {
    const prefix = "redis-error";
    const { emulator, queue, events, close } = await setup(prefix, {
      delivery: "at-most-once",
      attempts: 3,
      backoff: { type: "fixed", delay: 200 },
    });
    const admin = new Redis({ host: "127.0.0.1", port: redis.port });
    try {
      // A rate key of the wrong type makes the gate's script fail: a Redis error after the marker was set.
      await admin.set(keys(prefix, phoneNumberId).rate, "not a hash");
      await queue.enqueue({ phoneNumberId, message: msg.to("16505551234").text("after a fault"), messageId: "fault-1" });
      await until(async () => (await queue.queueFor(phoneNumberId).getJob("fault-1"))?.attemptsMade === 1);
      await admin.del(keys(prefix, phoneNumberId).rate);
      await until(() => events.length > 0);
      expect(events.map((e) => e.event)).toEqual(["sent"]);
      expect(emulator.received).toHaveLength(1);
    } finally {
      admin.disconnect();
      await close();
    }
  }, 30_000);

  it.each([
    ["accepted", "accept", "sent"],
    ["dropped after it was read (may have been delivered)", "drop", "uncertain"],
  ] as const)(
    "a Redis error in the bookkeeping after a POST that was %s does not send it again",
    async (_, answer, expected) => {
      const prefix = `after-post-${answer}`;
      const admin = new Redis({ host: "127.0.0.1", port: redis.port });
      const sends = keys(prefix, phoneNumberId).sends;
      let broken = false;
      // Once the POST is out, the sliding window's key becomes a string: settling the slot fails with WRONGTYPE.
      const fetchThenBreak: typeof fetch = async (input, init) => {
        try {
          return await fetch(input, init);
        } finally {
          if (!broken) {
            broken = true;
            await admin.set(sends, "not a sorted set");
          }
        }
      };
      const { emulator, queue, events, close } = await setup(
        prefix,
        { attempts: 5, backoff: { type: "fixed", delay: 300 } },
        { script: [answer] },
        { client: { fetch: fetchThenBreak } },
      );
      try {
        await queue.enqueue({ phoneNumberId, message: msg.to("16505551234").text("once"), messageId: `bookkeeping-${answer}` });
        const job = () => queue.queueFor(phoneNumberId).getJob(`bookkeeping-${answer}`);
        // Settled (sent or uncertain), or failed by the Redis error and waiting for its retry.
        await until(async () => events.length > 0 || ((await job())?.attemptsMade ?? 0) >= 1);
        await admin.del(sends); // a retry, if there is one, now gets a slot and POSTs
        await until(() => events.length > 0);
        await new Promise((resolve) => setTimeout(resolve, 700)); // two backoffs: a retry would have posted by now
        expect(events.map((e) => e.event)).toEqual([expected]);
        expect(emulator.received).toHaveLength(1);
      } finally {
        admin.disconnect();
        await close();
      }
    },
    30_000,
  );

  it("one message id on two numbers is two messages: each is sent, neither taken for the other", async () => {
    const other = "106540352242923";
    const { emulator, queue, events, close } = await setup("two-numbers", {}, {}, { phoneNumberIds: [phoneNumberId, other] });
    try {
      await queue.enqueue({ phoneNumberId, message: msg.to("16505551234").text("from the first number"), messageId: "order-7" });
      await until(() => events.length === 1);
      await queue.enqueue({ phoneNumberId: other, message: msg.to("16505551234").text("from the second number"), messageId: "order-7" });
      await until(() => events.length === 2);
      expect(events.map((e) => [e.event, (e.detail as { phoneNumberId: string }).phoneNumberId])).toEqual([
        ["sent", phoneNumberId],
        ["sent", other],
      ]);
      expect(emulator.received.map((r) => (r.body as { text: { body: string } }).text.body)).toEqual([
        "from the first number",
        "from the second number",
      ]);
    } finally {
      await close();
    }
  }, 30_000);

  it("a body given as it is is validated before Redis keeps it: a huge or unknown field is refused, nothing queued", async () => {
    const queue = createWhatsAppQueue({ connection: { host: "127.0.0.1", port: redis.port }, prefix: "plain-bodies" });
    try {
      const text = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } } as const;
      const enqueue = (message: object, messageId: string) => queue.enqueue({ phoneNumberId, message: message as typeof text, messageId });
      await expect(enqueue({ ...text, text: { body: "x".repeat(5_000_000) } }, "huge")).rejects.toThrow(
        "text.body: at most 4096 characters, got 5000000",
      );
      await expect(enqueue({ ...text, extra: "x".repeat(1_000_000) }, "unknown")).rejects.toThrow(/extra: .*not a field/);
      expect(await queue.queueFor(phoneNumberId).getJobCounts("waiting", "delayed")).toEqual({ waiting: 0, delayed: 0 });
      await enqueue(text, "fine"); // a valid body still goes
      expect(await queue.queueFor(phoneNumberId).getJobCounts("waiting")).toEqual({ waiting: 1 });
    } finally {
      await queue.close();
    }
  });

  it("the access token is never written into Redis, also when the API answers with it", async () => {
    const token = "EAAG-queue-secret-9f3a";
    const { queue, events, close } = await setup(
      "no-token",
      { attempts: 1 },
      {
        accessToken: token,
        script: [
          { status: 500, body: JSON.stringify({ error: { message: `bad token ${token}`, code: 1, type: "OAuthException" } }) },
          { status: 400, code: 100, message: `Invalid parameter for ${token}` },
          "drop",
        ],
      },
      { client: { accessToken: token } },
    );
    const admin = new Redis({ host: "127.0.0.1", port: redis.port });
    try {
      for (const n of [1, 2, 3])
        await queue.enqueue({ phoneNumberId, message: msg.to(`1650555123${n}`).text("secret?"), messageId: `token-${n}` });
      await until(() => events.length === 3);
      const values: string[] = [];
      for (const key of await admin.keys("no-token:*")) {
        const type = await admin.type(key);
        if (type === "string") values.push(String(await admin.get(key)));
        else if (type === "hash") values.push(JSON.stringify(await admin.hgetall(key)));
        else if (type === "list") values.push(JSON.stringify(await admin.lrange(key, 0, -1)));
        else if (type === "zset" || type === "set")
          values.push(JSON.stringify(type === "set" ? await admin.smembers(key) : await admin.zrange(key, 0, -1)));
        else if (type === "stream") values.push(JSON.stringify(await admin.xrange(key, "-", "+")));
        values.push(key);
      }
      expect(values.join("\n")).toContain("token-1"); // the failed jobs are there to look at
      expect(values.join("\n")).not.toContain(token);
      expect(values.join("\n")).not.toContain("queue-secret");
    } finally {
      admin.disconnect();
      await close();
    }
  }, 30_000);

  it("one recipient however its number is written", () => {
    expect(recipientKey({ to: "+1 650 555 1234" })).toBe("16505551234");
    expect(recipientKey({ to: "16505551234" })).toBe("16505551234");
    expect(recipientKey({ to: "(650) 555-1234" })).toBe("6505551234");
    expect(recipientKey({ recipient: "US.13491208655302741918" })).toBe("US.13491208655302741918");
    expect(recipientKey({ to: "120363025246125486@g.us" })).toBe("120363025246125486@g.us");
  });

  it("rates, gaps, timeouts and message ids are checked where they are set", async () => {
    const connection = { host: "127.0.0.1", port: redis.port };
    for (const perNumber of [
      { max: 0, durationMs: 1000 },
      { max: Number.NaN, durationMs: 1000 },
      { max: 5, durationMs: -1000 },
    ]) {
      expect(() => createWhatsAppQueue({ connection, perNumber })).toThrow(/createWhatsAppQueue: perNumber: (max|durationMs) must be/);
    }
    expect(() => createWhatsAppQueue({ connection, perRecipientGapMs: -1 })).toThrow("perRecipientGapMs must be a number");
    expect(() => createWhatsAppQueue({ connection, attempts: Number.NaN })).toThrow("attempts must be a whole number");
    // BullMQ reads the backoff only when a send fails; an unknown strategy then left the job active, reported nowhere.
    expect(() => createWhatsAppQueue({ connection, backoff: { type: "linear" as "fixed", delay: 100 } })).toThrow(
      'createWhatsAppQueue: backoff.type must be "exponential" or "fixed", got "linear"',
    );
    for (const delay of [Number.NaN, -5, Number.POSITIVE_INFINITY])
      expect(() => createWhatsAppQueue({ connection, backoff: { type: "fixed", delay } })).toThrow(
        `createWhatsAppQueue: backoff.delay must be a number of milliseconds from 0 to 2147483647, got ${delay}`,
      );
    const queue = createWhatsAppQueue({ connection, prefix: "checks" });
    try {
      await expect(queue.setNumberRate(phoneNumberId, 5, -1000)).rejects.toThrow("setNumberRate: durationMs must be a whole number");
      await expect(queue.setNumberRate(phoneNumberId, Number.POSITIVE_INFINITY, 1000)).rejects.toThrow("setNumberRate: max must be");
      const enqueue = (messageId: string) => queue.enqueue({ phoneNumberId, message: msg.to("16505551234").text("x"), messageId });
      await expect(enqueue("x".repeat(600))).rejects.toThrow(
        "enqueue: messageId at most 512 characters (it becomes the callback data), got 600",
      );
      await expect(enqueue("")).rejects.toThrow("enqueue: messageId must be a non-empty string");
      await expect(enqueue("42")).rejects.toThrow("must not be a bare integer");
      await expect(enqueue("a:b")).rejects.toThrow('must not contain ":"');
      const client = { accessToken: "queue-token", version: "v23.0" };
      expect(() => queue.startWorkers({ phoneNumberIds: "106540352242922" as never, client })).toThrow(
        'startWorkers: phoneNumberIds must be a non-empty array of phone number ids, got "106540352242922"',
      );
      expect(() => queue.startWorkers({ phoneNumberIds: [], client })).toThrow("startWorkers: phoneNumberIds must be a non-empty array");
      expect(() => queue.startWorkers({ phoneNumberIds: [phoneNumberId], client, concurrency: 0 })).toThrow(
        "startWorkers: concurrency must be a whole number ≥ 1, got 0",
      );
      // Refused before the first worker starts: a worker left running here could never be closed.
      expect(() => queue.startWorkers({ phoneNumberIds: [phoneNumberId, "+1 555"], client })).toThrow(
        "startWorkers: phoneNumberId must be the numeric id of the sending number, got +1 555",
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await queue.queueFor(phoneNumberId).getWorkers()).toEqual([]);
    } finally {
      await queue.close();
    }
  });
});
