import { EventEmitter } from "node:events";
import type { Message, RequestBody } from "@wacompose/builder";
import {
  bodyOf,
  createClient,
  GraphApiError,
  NetworkError,
  type Sendable,
  type SendResult,
  TransportError,
} from "@wacompose/transport-fetch";
import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { holdPair, keys, type Rate, releasePair, takeSlot } from "./gate.js";

export interface RedisConnection {
  readonly host?: string;
  readonly port?: number;
  readonly username?: string;
  readonly password?: string;
  readonly db?: number;
}

export interface WhatsAppQueueOptions {
  /** Where Redis is; shared by the queues, the workers and the gates. */
  readonly connection: RedisConnection;
  /** Per phone number; default the reference's 80 messages per 1,000 ms. */
  readonly perNumber?: Rate;
  /** Minimum spacing between two messages to one recipient; default 6,000 ms (the pair rate). */
  readonly perRecipientGapMs?: number;
  /**
   * `at-least-once` (default): a worker killed between the POST and the job's completion lets
   * another worker send again. `at-most-once`: markers around the POST; a re-run that finds
   * one emits `uncertain` instead of sending.
   */
  readonly delivery?: "at-least-once" | "at-most-once";
  /** Attempts for retryable errors (throttling does not spend any); default 5. */
  readonly attempts?: number;
  readonly backoff?: { readonly type: "exponential" | "fixed"; readonly delay: number };
  /** Per POST; must stay well below `lockDurationMs`. Default 15,000 ms. */
  readonly httpTimeoutMs?: number;
  /** How long a worker holds a job before BullMQ considers it stalled; default 60,000 ms. */
  readonly lockDurationMs?: number;
  /** Added to the sliding window and the pair hold to absorb the jitter between taking a slot and the request arriving; default 120 ms. */
  readonly marginMs?: number;
  /** Prefix of every Redis key; default "wacompose". */
  readonly prefix?: string;
}

export interface EnqueueOptions {
  readonly phoneNumberId: string;
  /** A builder (validated here) or a built body. */
  readonly message: Sendable<Message>;
  /** Your id for this message: the job id (enqueuing it twice is a no-op) and, unless the message sets one, its callback data. */
  readonly messageId: string;
}

export interface WorkerOptions {
  readonly phoneNumberIds: readonly string[];
  /** Sends in flight per worker; default 8. */
  readonly concurrency?: number;
  /** How to reach the API: token, version, and optionally a base URL (the emulator) or a fetch. */
  readonly client: {
    readonly accessToken: string;
    readonly version: string;
    readonly baseUrl?: string;
    readonly fetch?: Parameters<typeof createClient>[0]["fetch"];
  };
}

export interface QueueEvents {
  /** Accepted by the API. At-most-once can report a job twice when a worker dies between reporting and completing it. */
  sent: [{ readonly jobId: string; readonly phoneNumberId: string; readonly wamid: string; readonly result: SendResult }];
  failed: [{ readonly jobId: string; readonly phoneNumberId: string; readonly error: unknown }];
  /** The message may or may not have been delivered: check before sending it again. */
  uncertain: [{ readonly jobId: string; readonly phoneNumberId: string; readonly reason: string }];
}

export interface Workers extends EventEmitter<QueueEvents> {
  close(): Promise<void>;
}

interface JobData {
  readonly body: RequestBody;
  readonly phoneNumberId: string;
}

const markerTtlMs = 7 * 24 * 3600 * 1000;

/**
 * Queues for WhatsApp sends on BullMQ: one queue per phone number, shared by every worker on
 * every machine. See docs/scaling-out.md.
 *
 * @example
 * const wa = createWhatsAppQueue({ connection: { host: "127.0.0.1", port: 6379 } });
 * await wa.enqueue({ phoneNumberId, message: msg.to(n).text("Hi"), messageId: "order-42-shipped" });
 * const workers = wa.startWorkers({ phoneNumberIds: [phoneNumberId], client: { accessToken, version: "v23.0" } });
 * workers.on("sent", ({ jobId, wamid }) => …);
 */
export function createWhatsAppQueue(options: WhatsAppQueueOptions) {
  const perNumber = options.perNumber ?? { max: 80, durationMs: 1000 };
  const gapMs = options.perRecipientGapMs ?? 6000;
  const delivery = options.delivery ?? "at-least-once";
  const attempts = options.attempts ?? 5;
  const backoff = options.backoff ?? { type: "exponential", delay: 1000 };
  const httpTimeoutMs = options.httpTimeoutMs ?? 15_000;
  const lockDurationMs = options.lockDurationMs ?? 60_000;
  const marginMs = options.marginMs ?? 120;
  const prefix = options.prefix ?? "wacompose";
  if (httpTimeoutMs * 2 > lockDurationMs) {
    throw new TypeError(
      `createWhatsAppQueue: httpTimeoutMs (${httpTimeoutMs} ms) must stay well below lockDurationMs (${lockDurationMs} ms) — at most half — or a slow POST outlives the job's lock and another worker sends the message again`,
    );
  }
  const connection = { ...options.connection, maxRetriesPerRequest: null };
  const redis = new Redis(connection);
  // ioredis reconnects by itself; without a listener, each failed attempt is an "unhandled error".
  redis.on("error", () => {});
  const queues = new Map<string, Queue>();
  const queueFor = (phoneNumberId: string): Queue => {
    let queue = queues.get(phoneNumberId);
    if (queue === undefined) {
      queue = new Queue(`wa-${phoneNumberId}`, { connection, prefix });
      queues.set(phoneNumberId, queue);
    }
    return queue;
  };

  async function enqueue({ phoneNumberId, message, messageId }: EnqueueOptions): Promise<void> {
    const built = bodyOf(message);
    const body = built.biz_opaque_callback_data === undefined ? { ...built, biz_opaque_callback_data: messageId } : built;
    await queueFor(phoneNumberId).add(
      "send",
      { body, phoneNumberId },
      { jobId: messageId, attempts, backoff, removeOnComplete: true, removeOnFail: 1000 },
    );
  }

  /** Changes a number's rate for every worker at once (e.g. after a tier upgrade to 1,000/s). */
  async function setNumberRate(phoneNumberId: string, max: number, durationMs: number): Promise<void> {
    await redis.hset(keys(prefix, phoneNumberId).rate, { max, durationMs });
  }

  function startWorkers(workerOptions: WorkerOptions): Workers {
    const events = new EventEmitter<QueueEvents>() as Workers;
    const workers = workerOptions.phoneNumberIds.map((phoneNumberId) => {
      const { accessToken, version, baseUrl, fetch } = workerOptions.client;
      const client = createClient({
        accessToken,
        version,
        phoneNumberId,
        timeoutMs: httpTimeoutMs,
        retry: false, // the queue retries, with attempts that survive a worker's death
        ...(baseUrl === undefined ? {} : { baseUrl }),
        ...(fetch === undefined ? {} : { fetch }),
      });
      const k = keys(prefix, phoneNumberId);
      const queue = queueFor(phoneNumberId);

      const process = async (job: Job, token?: string): Promise<{ wamid: string }> => {
        const jobId = job.id as string;
        const { body } = job.data as JobData;
        const release = delivery === "at-most-once" ? () => redis.del(k.inflight(jobId)) : async () => 0;
        const reportSent = (result: SendResult): { wamid: string } => {
          const wamid = result.messages[0]?.id ?? "";
          events.emit("sent", { jobId, phoneNumberId, wamid, result });
          return { wamid };
        };
        if (delivery === "at-most-once") {
          const sent = await redis.get(k.sent(jobId));
          // Sent by a run that stopped before completing the job, maybe before reporting it.
          if (sent !== null) return reportSent(JSON.parse(sent) as SendResult);
          if ((await redis.set(k.inflight(jobId), token ?? "1", "PX", markerTtlMs, "NX")) !== "OK") {
            const reason =
              "a previous run started sending this message and did not finish; it may have been delivered, so it was not sent again";
            events.emit("uncertain", { jobId, phoneNumberId, reason });
            throw new UnrecoverableError(`uncertain: ${reason}`);
          }
        }
        // The pair first, so a recipient's held messages do not use up the number's slots.
        const recipient = "to" in body && typeof body.to === "string" ? body.to : "";
        const pairKey = k.pair(recipient);
        const pair = gapMs > 0 ? await holdPair(redis, pairKey, jobId, gapMs + marginMs) : { ok: true, wait: 0 };
        if (!pair.ok) {
          await release();
          await job.moveToDelayed(Date.now() + pair.wait, token);
          throw new DelayedError();
        }
        const rate = await takeSlot(redis, prefix, phoneNumberId, perNumber, marginMs, `${jobId}:${job.attemptsMade}:${Date.now()}`);
        if (rate > 0) {
          await release();
          if (gapMs > 0) await releasePair(redis, pairKey, jobId);
          await queue.rateLimit(rate);
          throw Worker.RateLimitError();
        }
        let result: SendResult;
        try {
          result = await client.send(body as Message);
        } catch (error) {
          if (error instanceof GraphApiError && error.code === 130429) {
            await release();
            await queue.rateLimit(error.retryAfterMs ?? perNumber.durationMs);
            throw Worker.RateLimitError(); // re-queued without spending an attempt
          }
          if (error instanceof GraphApiError && error.code === 131056) {
            await release();
            await job.moveToDelayed(Date.now() + gapMs, token);
            throw new DelayedError();
          }
          if (error instanceof TransportError && error.mayHaveBeenDelivered) {
            events.emit("uncertain", { jobId, phoneNumberId, reason: error.message });
            throw new UnrecoverableError(`uncertain: ${error.message}`);
          }
          await release();
          const retryable = (error instanceof GraphApiError && error.retryable) || error instanceof NetworkError;
          if (!retryable || job.attemptsMade + 1 >= attempts) events.emit("failed", { jobId, phoneNumberId, error });
          if (!retryable) throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
          throw error;
        }
        if (delivery === "at-most-once") {
          await redis.set(k.sent(jobId), JSON.stringify(result), "PX", markerTtlMs);
          await release();
        }
        return reportSent(result);
      };

      return new Worker(queue.name, process, {
        connection,
        prefix,
        concurrency: workerOptions.concurrency ?? 8,
        lockDuration: lockDurationMs,
        stalledInterval: Math.max(1000, Math.floor(lockDurationMs / 2)),
        // No BullMQ `limiter`: it is a fixed window (up to 2·max − 1 in a sliding second) and it
        // counts jobs that only get delayed by the pair hold. The sliding-window gate above paces
        // the sends, and pauses the queue with `rateLimit` when full.
      });
    });
    events.close = async () => {
      await Promise.all(workers.map((worker) => worker.close()));
    };
    return events;
  }

  async function close(): Promise<void> {
    await Promise.all([...queues.values()].map((queue) => queue.close()));
    redis.disconnect();
  }

  return { enqueue, startWorkers, setNumberRate, queueFor, close };
}

export type WhatsAppQueue = ReturnType<typeof createWhatsAppQueue>;
