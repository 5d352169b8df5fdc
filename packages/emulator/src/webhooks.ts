import { createHmac, randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { metaJson } from "@wacompose/webhooks";
import { failureOf } from "./fetch-failure.js";
import { httpUrlProblem } from "./http-url.js";
import { UserCallbacks } from "./user-callback.js";

export interface WebhookOptions {
  /** Your webhook endpoint, e.g. `http://127.0.0.1:3000/webhook`. */
  readonly url: string;
  /** Signs each POST (`X-Hub-Signature-256`), as your app secret does. */
  readonly appSecret: string;
  /** When given, the GET handshake is made at start, and a wrong answer fails the start. */
  readonly verifyToken?: string;
  /** Waits before retrying a POST answered non-2xx or not at all; default [100, 500, 2500] (Meta: up to 7 days, compressed). */
  readonly retryDelaysMs?: readonly number[];
  /** How long a POST may take, answer body included; default 5 s (Meta states no number). */
  readonly timeoutMs?: number;
  /**
   * At most this many POSTs to the endpoint at once; the others wait their turn. Default 8: a
   * receiver that never answers holds 8 connections, not one per webhook.
   */
  readonly concurrency?: number;
  /** The WhatsApp Business Account id in `entry[].id`; default "102290129340398". */
  readonly wabaId?: string;
  /** The business number shown in `metadata.display_phone_number`; default "15550001111". */
  readonly displayPhoneNumber?: string;
  /**
   * Called after each delivery attempt (what `wacompose emulator --json` prints), with copies of the delivery and the
   * attempt; if it throws, the delivery goes on as if it had not (stderr says so).
   */
  readonly onAttempt?: (delivery: Delivery, attempt: DeliveryAttempt) => void;
}

/** One attempt to deliver a webhook: its HTTP status, or what went wrong. */
export interface DeliveryAttempt {
  readonly at: string;
  readonly status?: number;
  /** The start of what the receiver answered (at most 500 characters), e.g. "the signature does not match the body". */
  readonly answer?: string;
  readonly error?: string;
}

/** A webhook the emulator sent (or is sending), with every attempt. */
export interface Delivery {
  readonly id: number;
  /** The payload, as parsed JSON; `body` is the exact bytes signed and sent. */
  readonly payload: unknown;
  readonly body: string;
  readonly attempts: readonly DeliveryAttempt[];
  readonly state: "pending" | "delivered" | "failed";
}

interface MutableDelivery extends Delivery {
  attempts: DeliveryAttempt[];
  state: Delivery["state"];
}

/** Past this many bytes of bodies, the log forgets its oldest deliveries even under `maxLog`. */
const maxLogBytes = 64 << 20;
/** Deliveries waiting for a slot: 10,000 is over 40 s of statuses at the default 80 messages per second. */
const maxWaiting = 10_000;
/** The longest wait a timer takes (2^31 - 1 ms); longer ones fire at once. */
const maxTimerMs = 2 ** 31 - 1;

/** What a delivery waiting for a slot gets: the slot, or the end of its wait. */
type Turn = "go" | "dropped" | "closed";
/** The error of an attempt cut short by `close()`. */
const aborted = "aborted: the emulator closed";

/** Why `redeliver` refused: no such delivery (404), or one still under way (409). */
export class RedeliverError extends Error {
  override readonly name = "RedeliverError";
  readonly status: 404 | 409;
  constructor(status: 404 | 409, message: string) {
    super(message);
    this.status = status;
  }
}

/** Checks the webhook options a caller may have got wrong at runtime (from JSON, from the environment). */
function checkOptions(options: WebhookOptions): void {
  const urlProblem = httpUrlProblem(options.url);
  if (urlProblem !== undefined) throw new TypeError(`startEmulator: webhook.url ${urlProblem}`);
  if (typeof options.appSecret !== "string" || options.appSecret === "")
    throw new TypeError("startEmulator: webhook.appSecret is required (the POSTs are signed with it)");
  const { timeoutMs, concurrency, retryDelaysMs } = options;
  if (timeoutMs !== undefined && !(typeof timeoutMs === "number" && timeoutMs >= 1 && timeoutMs <= maxTimerMs))
    throw new RangeError(`startEmulator: webhook.timeoutMs must be a number of ms from 1 to ${maxTimerMs}, got ${String(timeoutMs)}`);
  if (concurrency !== undefined && !(Number.isSafeInteger(concurrency) && concurrency >= 1 && concurrency <= 1024))
    throw new RangeError(`startEmulator: webhook.concurrency must be a whole number from 1 to 1024, got ${String(concurrency)}`);
  if (retryDelaysMs !== undefined) {
    if (!Array.isArray(retryDelaysMs) || retryDelaysMs.length > 100)
      throw new TypeError(`startEmulator: webhook.retryDelaysMs must be an array of at most 100 delays, got ${String(retryDelaysMs)}`);
    retryDelaysMs.forEach((delay, index) => {
      if (!(typeof delay === "number" && delay >= 0 && delay <= maxTimerMs))
        throw new RangeError(
          `startEmulator: webhook.retryDelaysMs[${index}] must be a number of ms from 0 to ${maxTimerMs}, got ${String(delay)}`,
        );
    });
  }
}

/**
 * Posts Meta-shaped webhooks to one URL: serialised once as Meta does (`\uXXXX` for non-ASCII
 * and `@`), signed over exactly those bytes, retried on a non-2xx answer or a timeout, every
 * attempt logged. Bounded: at most `concurrency` POSTs at once, each within `timeoutMs`, and
 * the log keeps the newest `maxLog` deliveries; `close()` aborts what is under way.
 */
export class WebhookSender {
  /** The newest deliveries, oldest first (older ones are forgotten, as `received` forgets). */
  readonly log: Delivery[] = [];
  readonly #options: WebhookOptions;
  readonly #maxLog: number;
  readonly #pending = new Set<Promise<void>>();
  /** Aborts every POST and retry wait under way when the emulator closes. */
  readonly #closing = new AbortController();
  /** POSTs under way, and the deliveries waiting for one of the `concurrency` slots (at most `maxWaiting`, oldest first). */
  #posting = 0;
  readonly #waiting: ((turn: Turn) => void)[] = [];
  #logBytes = 0;
  #nextId = 1;
  readonly #callbacks: UserCallbacks;

  constructor(options: WebhookOptions, maxLog = 1000, callbacks = new UserCallbacks()) {
    checkOptions(options);
    this.#options = options;
    this.#maxLog = maxLog;
    this.#callbacks = callbacks;
  }

  get wabaId(): string {
    return this.#options.wabaId ?? "102290129340398";
  }
  get displayPhoneNumber(): string {
    return this.#options.displayPhoneNumber ?? "15550001111";
  }

  /** The GET handshake Meta makes when a webhook is configured; throws with what the endpoint answered. */
  async handshake(): Promise<void> {
    const token = this.#options.verifyToken;
    if (token === undefined) return;
    const challenge = randomBytes(8).readBigUInt64BE().toString();
    const url = new URL(this.#options.url);
    url.searchParams.set("hub.mode", "subscribe");
    url.searchParams.set("hub.verify_token", token);
    url.searchParams.set("hub.challenge", challenge);
    let answer: string;
    try {
      // A redirect is an answer that is not the challenge: following it would take the verify token to another URL.
      const response = await fetch(url, { signal: AbortSignal.timeout(this.#options.timeoutMs ?? 5000), redirect: "manual" });
      const text = await response.text();
      if (response.status === 200 && text === challenge) return;
      answer = `answered ${response.status} ${JSON.stringify(text.slice(0, 200))}`;
    } catch (error) {
      answer = `did not answer (${failureOf(error, this.#options.timeoutMs ?? 5000)})`;
    }
    throw new Error(
      `startEmulator: the webhook handshake at ${this.#options.url} failed: it ${answer}; it must answer 200 with hub.challenge (${challenge}) when hub.verify_token is yours`,
    );
  }

  /** Sends a payload (in the background); returns its log entry. */
  send(payload: unknown): Delivery {
    const body = metaJson(payload);
    const delivery: MutableDelivery = { id: this.#nextId++, payload, body, attempts: [], state: "pending" };
    this.log.push(delivery);
    this.#logBytes += body.length; // metaJson writes ASCII only: characters are bytes
    while (this.log.length > this.#maxLog || (this.#logBytes > maxLogBytes && this.log.length > 1))
      this.#logBytes -= this.log.shift()?.body.length ?? 0;
    this.#track(this.#deliver(delivery));
    return delivery;
  }

  /**
   * Sends a logged delivery again, the same bytes (the inbox's "redeliver"). Refused while it
   * is still pending: a click per second on a receiver that hangs would otherwise pile up POSTs.
   */
  redeliver(id: number): Delivery {
    const delivery = this.log.find((entry) => entry.id === id) as MutableDelivery | undefined;
    if (delivery === undefined)
      throw new RedeliverError(
        404,
        `redeliver: no delivery ${JSON.stringify(id)}${typeof id === "number" && id > 0 && id < this.#nextId ? ` (the log keeps the newest ${this.#maxLog})` : ""}`,
      );
    if (delivery.state === "pending")
      throw new RedeliverError(
        409,
        `redeliver: delivery ${id} is still pending (${delivery.attempts.length} attempts so far); redeliver it once it is delivered or has failed`,
      );
    delivery.state = "pending";
    this.#track(this.#deliver(delivery));
    return delivery;
  }

  /** Whether a delivery is under way. */
  get busy(): boolean {
    return this.#pending.size > 0;
  }

  /** Resolves when every delivery started so far has been delivered or has given up. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Aborts the POSTs and retry waits under way (those deliveries fail) and resolves once every one has ended. */
  async close(): Promise<void> {
    this.#closing.abort();
    for (const wake of this.#waiting.splice(0)) wake("closed");
    await this.idle();
  }

  #track(work: Promise<void>): void {
    const tracked = work.finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
  }

  /**
   * Waits for one of the `concurrency` slots. The queue is bounded: past `maxWaiting` deliveries
   * waiting (a receiver that stopped answering while statuses keep coming), the oldest gives up.
   */
  async #slot(): Promise<Turn> {
    if (this.#closing.signal.aborted) return "closed";
    if (this.#posting < (this.#options.concurrency ?? 8)) {
      this.#posting++;
      return "go";
    }
    return new Promise<Turn>((resolve) => {
      this.#waiting.push(resolve);
      if (this.#waiting.length > maxWaiting) this.#waiting.shift()?.("dropped");
    });
  }

  /** Hands the slot to the next delivery waiting (never freed and taken again, so the cap holds), or frees it. */
  #release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#posting--;
    else next("go");
  }

  #attempted(delivery: MutableDelivery, attempt: DeliveryAttempt): void {
    delivery.attempts.push(attempt);
    // Copies: a callback that sets `state` or edits the payload would otherwise change what is delivered and shown.
    this.#callbacks.call("webhook.onAttempt", this.#options.onAttempt, (): [Delivery, DeliveryAttempt] => {
      const copy = structuredClone(delivery);
      return [copy, copy.attempts.at(-1) as DeliveryAttempt];
    });
  }

  async #deliver(delivery: MutableDelivery): Promise<void> {
    const delays = this.#options.retryDelaysMs ?? [100, 500, 2500];
    const timeoutMs = this.#options.timeoutMs ?? 5000;
    const closing = this.#closing.signal;
    const signature = `sha256=${createHmac("sha256", this.#options.appSecret).update(delivery.body).digest("hex")}`;
    for (let attempt = 0; attempt <= delays.length && !closing.aborted; attempt++) {
      if (attempt > 0) await sleep(delays[attempt - 1], undefined, { signal: closing }).catch(() => undefined);
      const turn = await this.#slot();
      const at = new Date().toISOString();
      if (turn === "dropped") {
        // Reported like any attempt, so `wacompose emulator` prints it: a webhook that never left is not silent.
        this.#attempted(delivery, { at, error: `not sent: over ${maxWaiting} deliveries were waiting for the receiver` });
        break;
      }
      if (turn === "closed") break;
      try {
        const response = await fetch(this.#options.url, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature, "User-Agent": "facebookexternalua" },
          body: delivery.body,
          signal: AbortSignal.any([closing, AbortSignal.timeout(timeoutMs)]),
          // Not followed: fetch would turn a 302's POST into a bodiless GET, and a 200 to that would count as delivered.
          redirect: "manual",
        });
        const answer = redirectOf(response) ?? (await answerOf(response));
        this.#attempted(delivery, { at, status: response.status, ...(answer === "" ? {} : { answer }) });
        if (response.ok) {
          delivery.state = "delivered";
          return;
        }
      } catch (error) {
        this.#attempted(delivery, { at, error: closing.aborted ? aborted : failureOf(error, timeoutMs) });
      } finally {
        this.#release();
      }
    }
    if (closing.aborted && delivery.attempts.at(-1)?.error !== aborted)
      delivery.attempts.push({ at: new Date().toISOString(), error: "not sent: the emulator closed" });
    delivery.state = "failed";
  }
}

/** A 3xx answer, said as the log shows it (its body dropped), or undefined for any other answer. */
function redirectOf(response: Response): string | undefined {
  if (response.status < 300 || response.status > 399) return undefined;
  void response.body?.cancel().catch(() => undefined);
  const location = response.headers.get("location");
  return `a redirect${location === null ? "" : ` to ${JSON.stringify(location.slice(0, 200))}`}, not followed: webhooks go to the URL configured`;
}

/** How much of a receiver's answer the log keeps: enough for a reason, not a page. */
const maxAnswerChars = 500;

/** The start of a response's body as text; reading stops past the bound (the rest is cancelled). */
async function answerOf(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return "";
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length <= maxAnswerChars) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut short: what arrived is the answer.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.length > maxAnswerChars ? `${text.slice(0, maxAnswerChars)}…` : text;
}
