import { createHmac, randomBytes } from "node:crypto";
import { metaJson } from "@wacompose/webhooks";

export interface WebhookOptions {
  /** Your webhook endpoint, e.g. `http://127.0.0.1:3000/webhook`. */
  readonly url: string;
  /** Signs each POST (`X-Hub-Signature-256`), as your app secret does. */
  readonly appSecret: string;
  /** When given, the GET handshake is made at start, and a wrong answer fails the start. */
  readonly verifyToken?: string;
  /** Waits before retrying a POST answered non-2xx or not at all; default [100, 500, 2500] (Meta: up to 7 days, compressed). */
  readonly retryDelaysMs?: readonly number[];
  /** How long a POST may take; default 5 s. */
  readonly timeoutMs?: number;
  /** The WhatsApp Business Account id in `entry[].id`; default "102290129340398". */
  readonly wabaId?: string;
  /** The business number shown in `metadata.display_phone_number`; default "15550001111". */
  readonly displayPhoneNumber?: string;
  /** Called after each delivery attempt (what `wacompose emulator --json` prints). */
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

/**
 * Posts Meta-shaped webhooks to one URL: serialised once as Meta does (`\uXXXX` for non-ASCII
 * and `@`), signed over exactly those bytes, retried on a non-2xx answer or a timeout, every
 * attempt logged.
 */
export class WebhookSender {
  readonly log: Delivery[] = [];
  readonly #options: WebhookOptions;
  readonly #pending = new Set<Promise<void>>();
  #nextId = 1;
  #closed = false;

  constructor(options: WebhookOptions) {
    if (typeof options.url !== "string" || !/^https?:\/\//.test(options.url))
      throw new TypeError(`startEmulator: webhook.url must be an http(s) URL, got ${JSON.stringify(options.url)}`);
    if (typeof options.appSecret !== "string" || options.appSecret === "")
      throw new TypeError("startEmulator: webhook.appSecret is required (the POSTs are signed with it)");
    this.#options = options;
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
      const response = await fetch(url, { signal: AbortSignal.timeout(this.#options.timeoutMs ?? 5000) });
      const text = await response.text();
      if (response.status === 200 && text === challenge) return;
      answer = `answered ${response.status} ${JSON.stringify(text.slice(0, 200))}`;
    } catch (error) {
      answer = `did not answer (${error instanceof Error ? error.message : String(error)})`;
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
    this.#track(this.#deliver(delivery));
    return delivery;
  }

  /** Sends a logged delivery again, the same bytes (the inbox's "redeliver"). */
  redeliver(id: number): Delivery {
    const delivery = this.log.find((entry) => entry.id === id) as MutableDelivery | undefined;
    if (delivery === undefined) throw new RangeError(`redeliver: no delivery ${id}`);
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

  close(): void {
    this.#closed = true;
  }

  #track(work: Promise<void>): void {
    const tracked = work.finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
  }

  #attempted(delivery: MutableDelivery, attempt: DeliveryAttempt): void {
    delivery.attempts.push(attempt);
    this.#options.onAttempt?.(delivery, attempt);
  }

  async #deliver(delivery: MutableDelivery): Promise<void> {
    const delays = this.#options.retryDelaysMs ?? [100, 500, 2500];
    const signature = `sha256=${createHmac("sha256", this.#options.appSecret).update(delivery.body).digest("hex")}`;
    for (let attempt = 0; attempt <= delays.length && !this.#closed; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1]));
      const at = new Date().toISOString();
      try {
        const response = await fetch(this.#options.url, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature, "User-Agent": "facebookexternalua" },
          body: delivery.body,
          signal: AbortSignal.timeout(this.#options.timeoutMs ?? 5000),
        });
        const answer = await answerOf(response);
        this.#attempted(delivery, { at, status: response.status, ...(answer === "" ? {} : { answer }) });
        if (response.ok) {
          delivery.state = "delivered";
          return;
        }
      } catch (error) {
        this.#attempted(delivery, { at, error: reasonOf(error) });
      }
    }
    delivery.state = "failed";
  }
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

/** Why a POST got no answer: fetch says only "fetch failed"; its cause names the reason (ECONNREFUSED, a timeout). */
function reasonOf(error: unknown): string {
  // Read by shape, not `instanceof Error`: fetch's errors may come from another realm (a test runner's VM).
  const { message, cause } = (typeof error === "object" && error !== null ? error : {}) as {
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (typeof message !== "string") return String(error);
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : undefined;
  return detail === undefined ? message : `${message} (${detail})`;
}
