import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { graphErrorCodes, limits, type Message, PayloadError, type RequestBody, recipientKey, validate } from "@wacompose/builder";
import {
  bodyOf,
  createClient,
  GraphApiError,
  NetworkError,
  type Sendable,
  type SendResult,
  TransportError,
  UnexpectedResponseError,
} from "@wacompose/transport-fetch";
import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import {
  checkRate,
  type GateTiming,
  holdPair,
  keys,
  type Rate,
  releasePair,
  releaseSlot,
  settlePair,
  settleSlot,
  takeSlot,
} from "./gate.js";
import { shown } from "./shown.js";

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
  /**
   * Added to the sliding window and the pair gap, for clocks that drift apart (Redis's and the
   * API's). Not needed for the guarantee itself: a send counts from its admission until its
   * answer, so no window at the API can hold more than the rate. Default 0.
   */
  readonly marginMs?: number;
  /**
   * How long a message id stays "sent" after its job completed: enqueuing it again within this
   * time is a no-op, in both delivery modes. Default 7 days.
   */
  readonly dedupeForMs?: number;
  /** Prefix of every Redis key; default "wacompose". */
  readonly prefix?: string;
}

export interface EnqueueOptions {
  readonly phoneNumberId: string;
  /** A builder or a built body; either is validated here (a `PayloadError` lists what the API would refuse). */
  readonly message: Sendable<Message>;
  /**
   * Your id for this message: the job id (enqueuing it twice is a no-op, see `dedupeForMs`) and,
   * unless the message sets one, its callback data — so at most 512 characters, not a bare
   * integer and without ":" (BullMQ's rules for job ids).
   */
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
  /**
   * Accepted by the API. Can come twice for one job when a worker dies between reporting and
   * completing it. `wamid` and `result` are undefined when the API answered 2xx with a body
   * that is not its usual answer (at-least-once only; at-most-once reports that `uncertain`):
   * `rawAnswer` then holds the start of that body.
   */
  sent: [
    {
      readonly jobId: string;
      readonly phoneNumberId: string;
      readonly wamid: string | undefined;
      readonly result: SendResult | undefined;
      readonly rawAnswer?: string;
    },
  ];
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

/** Throws a TypeError unless `value` is a finite number of milliseconds within [min, max]. */
function checkMs(name: string, value: number, min: number, max = 2 ** 31 - 1): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    throw new TypeError(`createWhatsAppQueue: ${name} must be a number of milliseconds from ${min} to ${max}, got ${String(value)}`);
}

function checkPhoneNumberId(where: string, phoneNumberId: unknown): void {
  if (typeof phoneNumberId !== "string" || !/^\d+$/.test(phoneNumberId))
    throw new TypeError(`${where}: phoneNumberId must be the numeric id of the sending number, got ${String(phoneNumberId)}`);
}

/** Throws a TypeError unless `messageId` can be a BullMQ job id and the message's callback data. */
function checkMessageId(messageId: unknown): asserts messageId is string {
  const max = limits.callbackData.max;
  const problem =
    typeof messageId !== "string" || messageId === ""
      ? "must be a non-empty string"
      : messageId.length > max
        ? `at most ${max} characters (it becomes the callback data), got ${messageId.length}`
        : /^\d+$/.test(messageId)
          ? "must not be a bare integer (BullMQ reserves those)"
          : messageId.includes(":")
            ? 'must not contain ":" (BullMQ\'s key separator)'
            : undefined;
  if (problem !== undefined) throw new TypeError(`enqueue: messageId ${problem}`);
}

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
  const perNumber = options.perNumber ?? { max: limits.throughput.perSecond, durationMs: 1000 };
  const gapMs = options.perRecipientGapMs ?? limits.throughput.pairGapMs;
  const delivery = options.delivery ?? "at-least-once";
  const attempts = options.attempts ?? 5;
  const backoff = options.backoff ?? { type: "exponential", delay: 1000 };
  const httpTimeoutMs = options.httpTimeoutMs ?? 15_000;
  const lockDurationMs = options.lockDurationMs ?? 60_000;
  const marginMs = options.marginMs ?? 0;
  const dedupeForMs = options.dedupeForMs ?? markerTtlMs;
  const prefix = options.prefix ?? "wacompose";
  checkRate("createWhatsAppQueue: perNumber", perNumber);
  checkMs("perRecipientGapMs", gapMs, 0);
  checkMs("httpTimeoutMs", httpTimeoutMs, 1);
  checkMs("lockDurationMs", lockDurationMs, 1);
  checkMs("marginMs", marginMs, 0, 60_000);
  checkMs("dedupeForMs", dedupeForMs, 1, Number.MAX_SAFE_INTEGER);
  // BullMQ meets an unknown strategy only when a send fails: the job then stays active until its lock runs out.
  if (backoff?.type !== "exponential" && backoff?.type !== "fixed")
    throw new TypeError(`createWhatsAppQueue: backoff.type must be "exponential" or "fixed", got ${shown(backoff?.type)}`);
  checkMs("backoff.delay", backoff.delay, 0);
  if (!Number.isSafeInteger(attempts) || attempts < 1)
    throw new TypeError(`createWhatsAppQueue: attempts must be a whole number ≥ 1, got ${String(attempts)}`);
  // A request is in flight for at most the HTTP timeout; the gate counts it that long at least.
  const timing: GateTiming = { inflightMs: httpTimeoutMs + 1000, marginMs };
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
    checkPhoneNumberId("enqueue", phoneNumberId);
    checkMessageId(messageId);
    const built = bodyOf(message);
    // A builder checked its body; a body given as it is is checked here, before Redis keeps it (a failed job keeps its
    // data): an unknown field or an over-long string is refused now, not stored and posted for the API to refuse.
    if (built === message) {
      const errors = validate(built).filter((issue) => issue.severity === "error");
      if (errors.length > 0) throw new PayloadError(errors);
    }
    // Sent already (its job may be gone): enqueue twice, send once.
    if ((await redis.exists(keys(prefix, phoneNumberId).sent(messageId))) === 1) return;
    const body = built.biz_opaque_callback_data === undefined ? { ...built, biz_opaque_callback_data: messageId } : built;
    await queueFor(phoneNumberId).add(
      "send",
      { body, phoneNumberId },
      { jobId: messageId, attempts, backoff, removeOnComplete: true, removeOnFail: 1000 },
    );
  }

  /** Changes a number's rate for every worker at once (e.g. after a tier upgrade to 1,000/s). */
  async function setNumberRate(phoneNumberId: string, max: number, durationMs: number): Promise<void> {
    checkPhoneNumberId("setNumberRate", phoneNumberId);
    checkRate("setNumberRate", { max, durationMs });
    await redis.hset(keys(prefix, phoneNumberId).rate, { max, durationMs });
  }

  function startWorkers(workerOptions: WorkerOptions): Workers {
    // Every option is checked before the first worker starts: a bad second id left the first one running, unclosable.
    const { phoneNumberIds } = workerOptions;
    if (!Array.isArray(phoneNumberIds) || phoneNumberIds.length === 0)
      throw new TypeError(`startWorkers: phoneNumberIds must be a non-empty array of phone number ids, got ${shown(phoneNumberIds)}`);
    for (const phoneNumberId of phoneNumberIds) checkPhoneNumberId("startWorkers", phoneNumberId);
    const concurrency = workerOptions.concurrency ?? 8;
    if (!Number.isSafeInteger(concurrency) || concurrency < 1)
      throw new TypeError(`startWorkers: concurrency must be a whole number ≥ 1, got ${String(concurrency)}`);
    const events = new EventEmitter<QueueEvents>() as Workers;
    const workers = phoneNumberIds.map((phoneNumberId) => {
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

      const process = async (job: Job, token?: string): Promise<{ wamid: string | undefined }> => {
        const jobId = job.id as string;
        const { body } = job.data as JobData;
        const atMostOnce = delivery === "at-most-once";
        const reportSent = (result: SendResult | undefined, rawAnswer?: string): { wamid: string | undefined } => {
          const wamid = result?.messages[0]?.id;
          events.emit("sent", { jobId, phoneNumberId, wamid, result, ...(rawAnswer === undefined ? {} : { rawAnswer }) });
          return { wamid };
        };
        // After the POST, the API's answer decides the job, never a Redis failure in the bookkeeping: a
        // job failed by one is retried and sends again. What is not written errs on the safe side: the
        // slot and the pair count until their in-flight deadline, the in-flight marker stays.
        const afterPost = (work: Promise<unknown>): Promise<boolean> =>
          work.then(
            () => true,
            () => false,
          );
        const markSent = (result: SendResult | undefined) =>
          afterPost(redis.set(k.sent(jobId), JSON.stringify(result ?? null), "PX", dedupeForMs));
        const uncertain = (reason: string): never => {
          events.emit("uncertain", { jobId, phoneNumberId, reason });
          throw new UnrecoverableError(`uncertain: ${reason}`);
        };

        // Sent by an earlier run (which may have stopped before reporting it), or enqueued again after its job completed.
        const sent = await redis.get(k.sent(jobId));
        if (sent !== null) return reportSent((JSON.parse(sent) as SendResult | null) ?? undefined);
        if (atMostOnce && (await redis.set(k.inflight(jobId), token ?? "1", "PX", markerTtlMs, "NX")) !== "OK") {
          uncertain("a previous run started sending this message and did not finish; it may have been delivered, so it was not sent again");
        }

        // Until the POST starts, nothing can have reached the API: any failure gives back what was taken.
        const pairKey = k.pair(recipientKey(body as { to?: unknown; recipient?: unknown }));
        const member = `${jobId}:${randomUUID()}`;
        let heldPair = false;
        let heldSlot = false;
        const giveBack = async (): Promise<void> => {
          if (atMostOnce) await redis.del(k.inflight(jobId));
          if (heldSlot) await releaseSlot(redis, k, member);
          if (heldPair) await releasePair(redis, pairKey, jobId);
        };
        let blocked: { readonly delayMs: number } | { readonly rateLimitMs: number } | undefined;
        try {
          // The pair first, so a recipient's held messages do not use up the number's slots.
          if (gapMs > 0) {
            const pair = await holdPair(redis, pairKey, jobId, timing, gapMs);
            if (pair.ok) heldPair = true;
            else blocked = { delayMs: pair.wait };
          }
          if (blocked === undefined) {
            const wait = await takeSlot(redis, k, perNumber, timing, member);
            if (wait === 0) heldSlot = true;
            else blocked = { rateLimitMs: wait };
          }
        } catch (error) {
          await giveBack().catch(() => {}); // Redis failed: what it could not give back expires by itself
          throw error;
        }
        if (blocked !== undefined) {
          await giveBack();
          if ("delayMs" in blocked) {
            await job.moveToDelayed(Date.now() + blocked.delayMs, token);
            throw new DelayedError();
          }
          await queue.rateLimit(blocked.rateLimitMs);
          throw Worker.RateLimitError();
        }

        // Answered, or may have reached the API: the slot and the pair count from then on.
        const settle = async (): Promise<void> => {
          await afterPost(settleSlot(redis, k, member));
          if (gapMs > 0) await afterPost(settlePair(redis, pairKey, jobId, timing, gapMs));
        };
        let result: SendResult;
        try {
          result = await client.send(body as Message);
        } catch (error) {
          await settle();
          if (error instanceof TransportError && error.mayHaveBeenDelivered) {
            if (!atMostOnce && error instanceof UnexpectedResponseError && error.status >= 200 && error.status < 300) {
              // The API said yes in its status: sent, with whatever it answered. Never sent again.
              await markSent(undefined);
              return reportSent(undefined, error.body);
            }
            uncertain(error.message);
          }
          // Not accepted: the next attempt takes new holds (a marker left behind makes it `uncertain`, never a resend).
          if (atMostOnce) await afterPost(redis.del(k.inflight(jobId)));
          if (gapMs > 0) await afterPost(releasePair(redis, pairKey, jobId));
          if (error instanceof GraphApiError && error.code === graphErrorCodes.throughput) {
            await queue.rateLimit(error.retryAfterMs ?? perNumber.durationMs);
            throw Worker.RateLimitError(); // re-queued without spending an attempt
          }
          if (error instanceof GraphApiError && error.code === graphErrorCodes.pairRateLimit) {
            await job.moveToDelayed(Date.now() + gapMs, token);
            throw new DelayedError();
          }
          const retryable = (error instanceof GraphApiError && error.retryable) || error instanceof NetworkError;
          if (!retryable || job.attemptsMade + 1 >= attempts) events.emit("failed", { jobId, phoneNumberId, error });
          if (!retryable) throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
          throw error;
        }
        await settle();
        // Without the sent mark, the in-flight marker is what keeps a re-run from sending again.
        if ((await markSent(result)) && atMostOnce) await afterPost(redis.del(k.inflight(jobId)));
        return reportSent(result);
      };

      return new Worker(queue.name, process, {
        connection,
        prefix,
        concurrency,
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
