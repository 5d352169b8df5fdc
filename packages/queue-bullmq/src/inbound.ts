import { createHash } from "node:crypto";
import { eventKey, type WebhookEvent } from "@wacompose/webhooks";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { RedisConnection } from "./queue.js";

export interface InboundQueueOptions {
  /** Where Redis is; shared by the webhook handlers that add and the workers that process. */
  readonly connection: RedisConnection;
  /** The BullMQ queue's name; default "whatsapp-inbound". */
  readonly name?: string;
  /** How long an update is remembered as seen; default 7 days (Meta redelivers for up to 7 days). */
  readonly dedupeForMs?: number;
  /** Prefix of every Redis key; default "wacompose". */
  readonly prefix?: string;
}

export interface InboundQueue {
  /**
   * Puts each event on the queue once, however many handlers or deliveries bring it (Redis
   * `SET NX` on `eventKey`, with a TTL). Resolves to the events that were new. If the queue
   * cannot take them, their keys are released and the promise rejects, so the webhook answers
   * 500 and Meta delivers again: nothing is lost.
   */
  add(events: readonly WebhookEvent[]): Promise<WebhookEvent[]>;
  /** A worker that runs `handler` for each event (BullMQ retries it when it throws). */
  process(handler: (event: WebhookEvent) => unknown, options?: { readonly concurrency?: number }): Worker<WebhookEvent>;
  close(): Promise<void>;
}

/**
 * A BullMQ queue for webhook events, so many workers process a batch once.
 *
 * @example
 * const inbound = createInboundQueue({ connection: { host: "127.0.0.1", port: 6379 } });
 * const handle = webhookHandler({ appSecret, onEvents: (events) => inbound.add(events) });
 * inbound.process(async (event) => { ... });
 */
export function createInboundQueue(options: InboundQueueOptions): InboundQueue {
  const { connection } = options;
  const prefix = options.prefix ?? "wacompose";
  const name = options.name ?? "whatsapp-inbound";
  const ttl = options.dedupeForMs ?? 7 * 24 * 3_600_000;
  if (!Number.isSafeInteger(ttl) || ttl < 1)
    throw new TypeError(`createInboundQueue: dedupeForMs must be a whole number of ms ≥ 1, got ${String(ttl)}`);
  if (!/^[\w.-]+$/.test(name)) throw new TypeError(`createInboundQueue: name is letters, digits, _ . -, got ${JSON.stringify(name)}`);
  const redis = new Redis(connection);
  const queue = new Queue<WebhookEvent>(name, { connection, prefix });
  const workers: Worker<WebhookEvent>[] = [];
  // A hash: keys hold wamids (any characters), and BullMQ job ids may not hold ":".
  const idOf = (event: WebhookEvent): string => createHash("sha256").update(eventKey(event)).digest("hex");
  const seenKey = (id: string): string => `${prefix}:${name}:seen:${id}`;

  return {
    async add(events) {
      if (events.length === 0) return [];
      const ids = events.map(idOf);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.set(seenKey(id), "1", "PX", ttl, "NX");
      const answers = (await pipeline.exec()) ?? [];
      const fresh = events.flatMap((event, i) => (answers[i]?.[1] === "OK" ? [{ event, id: ids[i] as string }] : []));
      // Two events of one batch with one key: the first wins (the pipeline answered OK once).
      if (fresh.length === 0) return [];
      try {
        await queue.addBulk(fresh.map(({ event, id }) => ({ name: event.kind, data: event, opts: { jobId: id, removeOnComplete: 1000 } })));
      } catch (error) {
        await redis.del(...fresh.map(({ id }) => seenKey(id))).catch(() => undefined);
        throw error;
      }
      return fresh.map(({ event }) => event);
    },
    process(handler, workerOptions = {}) {
      const worker = new Worker<WebhookEvent>(name, async (job) => handler(job.data), {
        connection,
        prefix,
        concurrency: workerOptions.concurrency ?? 8,
      });
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await queue.close();
      redis.disconnect();
    },
  };
}
