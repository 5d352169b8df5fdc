import { createHash, randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { eventKey, jsonText, type WebhookEvent } from "@wacompose/webhooks";
import { Queue, Worker } from "bullmq";
import type { RedisConnection } from "./queue.js";
import { shown } from "./shown.js";

export interface InboundQueueOptions {
  /** Where Redis is; shared by the webhook handlers that add and the workers that process. */
  readonly connection: RedisConnection;
  /** The BullMQ queue's name; default "whatsapp-inbound". */
  readonly name?: string;
  /** How long an update is remembered as seen; default 7 days (Meta redelivers for up to 7 days). */
  readonly dedupeForMs?: number;
  /** Prefix of every Redis key; default "wacompose". */
  readonly prefix?: string;
  /**
   * How long `add` waits for Redis, connecting included, before it rejects (so the webhook
   * answers 500 and Meta delivers again); default 2,000 ms. The receiving connection fails fast:
   * no offline queue, no resending after a reconnect.
   */
  readonly redisTimeoutMs?: number;
  /** Runs of an event's handler before it is given up (`exhausted`); default 5. */
  readonly attempts?: number;
  /** Wait between runs; default exponential from 1,000 ms. */
  readonly backoff?: { readonly type: "exponential" | "fixed"; readonly delay: number };
}

/** An event whose handler threw on every attempt. Its job stays in the queue's failed set, event and `raw` update included. */
export interface ExhaustedEvent {
  readonly jobId: string;
  readonly event: WebhookEvent;
  readonly attemptsMade: number;
  readonly error: Error;
}

/**
 * How a job holds an event that `JSON.stringify` cannot write (BullMQ stores job data with it, and it
 * throws on a value nested some thousands deep, which a webhook's `raw` may be): the event's JSON
 * text, written without recursion. `process`'s handler, `exhausted` and `exhausted()` get the event
 * back whole; only the Worker's own `job.data` shows this form.
 */
export interface EventAsText {
  readonly eventText: string;
}

export interface InboundQueueEvents {
  exhausted: [ExhaustedEvent];
}

export interface InboundQueue extends EventEmitter<InboundQueueEvents> {
  /**
   * Puts each event on the queue once, however many handlers or deliveries bring it. The seen
   * mark (BullMQ's deduplication key on `eventKey`, kept `dedupeForMs`) is written by the same
   * Redis script that stores the job, so there is never a mark without its job. Resolves to the
   * events that were new. Any Redis error, or no answer within `redisTimeoutMs`, rejects: the
   * webhook answers 500 and Meta delivers again, and what Redis did take is deduplicated then.
   * An event too deep for `JSON.stringify` is queued as its JSON text (`EventAsText`), so it does not
   * fail its batch on every redelivery.
   */
  add(events: readonly WebhookEvent[]): Promise<WebhookEvent[]>;
  /**
   * A worker that runs `handler` for each event. A handler that throws (or rejects) runs again
   * after `backoff`, up to `attempts` runs in all; after the last, `exhausted` is emitted and the
   * job is kept in the failed set (see `exhausted()`), never dropped. Delivery to handlers is
   * at least once: a worker that dies, or loses Redis for longer than `lockDurationMs`, while a
   * handler runs lets another run it again — key your side effects by `eventKey(event)`.
   */
  process(
    handler: (event: WebhookEvent) => unknown,
    options?: { readonly concurrency?: number; readonly lockDurationMs?: number },
  ): Worker<WebhookEvent | EventAsText>;
  /** The events given up on, newest first (at most `limit`, default 100), with why. */
  exhausted(limit?: number): Promise<ExhaustedEvent[]>;
  close(): Promise<void>;
}

/** What a job holds for `event`: the event, or its JSON text when `JSON.stringify` throws on it (a RangeError at depth). */
function storable(event: WebhookEvent): WebhookEvent | EventAsText {
  try {
    JSON.stringify(event);
    return event;
  } catch {
    // jsonText writes with a loop; it throws only where JSON.stringify would for any depth (a cycle, a bigint).
    return { eventText: jsonText(event) as string };
  }
}

/** The event a job holds, read back from its text form when it was stored as one (`JSON.parse` takes any depth). */
function eventOf(data: WebhookEvent | EventAsText): WebhookEvent {
  return "eventText" in data && !("kind" in data) ? (JSON.parse(data.eventText) as WebhookEvent) : (data as WebhookEvent);
}

/** Throws a TypeError naming `name` unless `value` is a whole number in [min, max]. */
function checkWhole(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max)
    throw new TypeError(`createInboundQueue: ${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
  return value;
}

/**
 * A BullMQ queue for webhook events, so many workers process a batch once.
 *
 * @example
 * const inbound = createInboundQueue({ connection: { host: "127.0.0.1", port: 6379 } });
 * const handle = webhookHandler({ appSecret, onEvents: (events) => inbound.add(events) });
 * inbound.process(async (event) => { ... });
 * inbound.on("exhausted", ({ jobId, event, error }) => alert(jobId, event.raw, error));
 */
export function createInboundQueue(options: InboundQueueOptions): InboundQueue {
  const { connection } = options;
  const prefix = options.prefix ?? "wacompose";
  const name = options.name ?? "whatsapp-inbound";
  const ttl = checkWhole("dedupeForMs", options.dedupeForMs ?? 7 * 24 * 3_600_000, 1, Number.MAX_SAFE_INTEGER);
  const redisTimeoutMs = checkWhole("redisTimeoutMs", options.redisTimeoutMs ?? 2000, 1, 2 ** 31 - 1);
  const attempts = checkWhole("attempts", options.attempts ?? 5, 1, 1000);
  const backoff = options.backoff ?? { type: "exponential", delay: 1000 };
  if (backoff?.type !== "exponential" && backoff?.type !== "fixed")
    throw new TypeError(`createInboundQueue: backoff.type must be "exponential" or "fixed", got ${shown(backoff?.type)}`);
  checkWhole("backoff.delay", backoff.delay, 0, 2 ** 31 - 1);
  if (!/^[\w.-]+$/.test(name)) throw new TypeError(`createInboundQueue: name is letters, digits, _ . -, got ${shown(name)}`);

  // The receiving path fails fast: a command is refused while disconnected (no offline queue),
  // one in flight when the connection drops is rejected (not resent later), and one without an
  // answer times out. ioredis reconnects in the background, quickly.
  const receiving = {
    ...connection,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    connectTimeout: redisTimeoutMs,
    commandTimeout: redisTimeoutMs,
    retryStrategy: (times: number) => Math.min(times * 100, 1000),
  };
  let closing = false;
  const open = (): Queue<WebhookEvent | EventAsText> => {
    const opened = new Queue<WebhookEvent | EventAsText>(name, { connection: receiving, prefix });
    // Errors reach the caller of `add`; without a listener each reconnect attempt is an "unhandled error".
    opened.on("error", () => {});
    // BullMQ keeps a connection whose setup failed (dropped between connecting and its first
    // command, which fails fast here) failed for good: start over with a new one.
    opened.waitUntilReady().catch(() => {
      if (closing || queue !== opened) return;
      queue = open();
      opened.close().catch(() => {});
    });
    return opened;
  };
  let queue = open();
  const workers: Worker<WebhookEvent | EventAsText>[] = [];
  // A hash: keys hold wamids (any characters), and BullMQ ids may not hold ":".
  const idOf = (event: WebhookEvent): string => createHash("sha256").update(eventKey(event)).digest("hex");
  const emitter = new EventEmitter<InboundQueueEvents>();

  const withDeadline = <T>(work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `inbound.add: Redis did not answer within ${redisTimeoutMs} ms; answer 500 so Meta delivers them again (what Redis did take is deduplicated then)`,
            ),
          ),
        redisTimeoutMs,
      );
    });
    work.catch(() => {}); // settles after the deadline: what it did is deduplicated on redelivery
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  };

  const inbound = Object.assign(emitter, {
    async add(events: readonly WebhookEvent[]): Promise<WebhookEvent[]> {
      if (events.length === 0) return [];
      // Each job gets a fresh id: BullMQ answers with the id of the job already holding the
      // deduplication key when there is one, so "new" is "answered with our own id".
      const jobs = events.map((event) => ({
        name: event.kind,
        data: storable(event),
        opts: {
          jobId: randomUUID(),
          deduplication: { id: idOf(event), ttl },
          attempts,
          backoff: { type: backoff.type, delay: backoff.delay },
          removeOnComplete: 1000,
          removeOnFail: false,
        },
      }));
      const added = await withDeadline(queue.addBulk(jobs));
      return events.filter((_, i) => added[i]?.id === jobs[i]?.opts.jobId);
    },
    process(
      handler: (event: WebhookEvent) => unknown,
      workerOptions: { readonly concurrency?: number; readonly lockDurationMs?: number } = {},
    ) {
      const concurrency = checkWhole("process: concurrency", workerOptions.concurrency ?? 8, 1, 10_000);
      const lockDuration = checkWhole("process: lockDurationMs", workerOptions.lockDurationMs ?? 30_000, 1000, 2 ** 31 - 1);
      const worker = new Worker<WebhookEvent | EventAsText>(name, async (job) => handler(eventOf(job.data)), {
        // Reconnects within a second after an outage (BullMQ's default backs off to 20 s).
        connection: { ...connection, retryStrategy: (times: number) => Math.min(times * 100, 1000) },
        prefix,
        concurrency,
        lockDuration,
        stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
        // After a lost connection, look for jobs again within a second (BullMQ waits 15 s).
        runRetryDelay: 1000,
        // A job whose worker lost it (a dropped answer, a crash) runs again after its lock expires; a stall counts as an attempt.
        maxStalledCount: attempts,
      });
      worker.on("error", () => {}); // connection errors: the worker reconnects; job failures come as "failed"
      worker.on("failed", (job, error) => {
        // Final when BullMQ moved it to the failed set (a retried job has no finishedOn).
        if (job === undefined || (!job.finishedOn && job.attemptsMade < (job.opts.attempts ?? 1))) return;
        const event = eventOf(job.data);
        const exhausted: ExhaustedEvent = { jobId: String(job.id), event, attemptsMade: job.attemptsMade, error };
        if (emitter.listenerCount("exhausted") > 0) emitter.emit("exhausted", exhausted);
        // Never silent: with no listener, say so where an operator looks.
        else
          console.error(`inbound: event ${eventKey(event)} gave up after ${job.attemptsMade} attempts (job ${job.id}): ${error.message}`);
      });
      workers.push(worker);
      return worker;
    },
    async exhausted(limit = 100): Promise<ExhaustedEvent[]> {
      checkWhole("exhausted: limit", limit, 1, 100_000);
      const failed = await queue.getFailed(0, limit - 1);
      return failed.map((job) => ({
        jobId: String(job.id),
        event: eventOf(job.data),
        attemptsMade: job.attemptsMade,
        error: new Error(job.failedReason),
      }));
    },
    async close(): Promise<void> {
      closing = true;
      await Promise.all(workers.map((worker) => worker.close()));
      await queue.close();
    },
  });
  return inbound;
}
