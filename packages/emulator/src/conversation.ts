import { graphErrorCodes, graphErrorTitles, recipientKey } from "@wacompose/builder";
import { type MessagesValue, reduceStatus, type StatusName, webhookPayload } from "@wacompose/webhooks";
import { wamid } from "./graph.js";
import type { Delivery, WebhookSender } from "./webhooks.js";

/** The emulator's own clock: real time plus what tests advanced it by. */
export interface Clock {
  now(): number;
  /** Moves the clock forward: milliseconds, or `"25h"`, `"90m"`, `"30s"`, `"2d"`; at most 10 years ahead of real time in all. */
  advance(by: number | string): void;
}

const units: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration in ms: milliseconds as they are, or `"25h"`, `"90m"`, `"30s"`, `"2d"`, `"500ms"`; NaN for anything else. */
export function durationMs(by: unknown): number {
  if (typeof by === "number") return by;
  const match = typeof by === "string" ? /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(by.trim()) : null;
  return match === null ? Number.NaN : Number(match[1]) * (units[match[2] as string] as number);
}

/** How far tests may move the clock in all: far past any window or TTL, far short of an invalid Date. */
const maxClockOffsetMs = 10 * 365 * 86_400_000;

/** The clock, a way back to real time (`emulator.reset()`), and who is told when it moves (the template reviews). */
export function createClock(): Clock & { reset(): void; onAdvance(listener: () => void): void } {
  let offset = 0;
  const listeners: (() => void)[] = [];
  return {
    now: () => Date.now() + offset,
    advance(by) {
      const ms = durationMs(by);
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`clock.advance: a duration like 25h, 90m, 30s or milliseconds ≥ 0, got ${String(by)}`);
      if (offset + ms > maxClockOffsetMs)
        throw new RangeError(
          `clock.advance: ${String(by)} would put the clock ${Math.round((offset + ms) / 86_400_000)} days ahead, over the limit of 10 years (3650 days); emulator.reset() (POST /__reset) sets it back`,
        );
      offset += ms;
      for (const listener of listeners) listener();
    },
    reset() {
      offset = 0;
    },
    onAdvance(listener) {
      listeners.push(listener);
    },
  };
}

export interface StatusOptions {
  /** After acceptance, when each status goes out, in ms; `read: false` stops at delivered. Default sent 10, delivered 40, read 80. */
  readonly delaysMs?: { readonly sent?: number; readonly delivered?: number; readonly read?: number | false };
  /** `duplicates`: every status twice; `out_of_order`: read, then delivered, then sent; `read_without_delivered`: sent, read. */
  readonly mode?: "ladder" | "duplicates" | "out_of_order" | "read_without_delivered";
  /** Recipients whose messages fail, with the code of the failed status (131026, 131049, 131050, 130472, 131053, …). */
  readonly failFor?: Readonly<Record<string, number>>;
}

const day = 24 * 3_600_000;
/** How many user messages the inbox keeps. */
const maxInbound = 1000;
/** How many sent messages a simulated user can still answer (and the inbox shows statuses for). */
const maxSent = 10_000;
/**
 * How many users the window (when each last wrote) and their business number are kept for, the most recent first:
 * a load test writing to a new number each time does not grow them without end. A user forgotten has no open window.
 */
const defaultMaxUsers = 100_000;

/** Sets `key` as the newest entry of `map` (re-set ones move to the end) and forgets the oldest past `max`. */
function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

/** A message a simulated user sent, for the inbox. */
export interface InboundEntry {
  readonly at: string;
  readonly from: string;
  readonly name: string;
  readonly id: string;
  readonly message: Readonly<Record<string, unknown>>;
}

/** Where a sent message stands, as the status webhooks have said so far. */
export interface SentStatus {
  readonly status: StatusName;
  readonly code?: number;
}
type Body = Readonly<Record<string, unknown>>;

/**
 * The user's side: statuses for what the business sent (with the 24-hour customer-service
 * window), and messages from simulated users, all as signed webhooks.
 */
/** A status webhook to send, and what it says of its message. */
interface Status {
  readonly payload: unknown;
  readonly id: string;
  readonly name: StatusName;
  readonly code?: number;
}

export class Conversation {
  readonly #sender: WebhookSender;
  readonly #clock: Clock;
  readonly #options: StatusOptions;
  readonly #window: boolean;
  /** When each user last wrote, on the emulator's clock. */
  readonly #lastInbound = new Map<string, number>();
  /** What the business sent, by wamid, to answer taps and picks. */
  readonly #sent = new Map<string, { readonly body: Body; readonly phoneNumberId: string }>();
  /** Statuses scheduled but not yet handed to the sender: each timer and the promise that settles when it fires or is cleared. */
  readonly #timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  /** What users sent, oldest first (the newest 1,000). */
  readonly inboundLog: InboundEntry[] = [];
  readonly #statuses = new Map<string, SentStatus>();
  /** The business number that last wrote to each user: where their messages go by default. */
  readonly #businessNumber = new Map<string, string>();

  /** The field a user's messages arrive on: `standby` while Meta Business Agent holds them (account-events.ts). */
  fieldOf: (user: string) => string = () => "messages";
  /** Told of each accepted message (account-events.ts: a service message takes a conversation back from the agent). */
  onAccepted: (recipient: string, body: Body) => void = () => {};

  readonly #maxUsers: number;

  constructor(sender: WebhookSender, clock: Clock, options: StatusOptions, window: boolean, maxUsers = defaultMaxUsers) {
    this.#maxUsers = maxUsers;
    this.#sender = sender;
    this.#clock = clock;
    this.#options = options;
    this.#window = window;
  }

  /** A message the API accepted: its statuses follow, or a failed one (closed window, scripted failure). */
  accepted(phoneNumberId: string, id: string, body: Body): void {
    this.#sent.set(id, { body, phoneNumberId });
    // Bounded, oldest first (a Map keeps insertion order): a long run does not grow without end.
    if (this.#sent.size > maxSent) {
      const oldest = this.#sent.keys().next().value as string;
      this.#sent.delete(oldest);
      this.#statuses.delete(oldest);
    }
    const to = String(body.to ?? body.recipient ?? "");
    const recipient = recipientKey(body);
    setNewest(this.#businessNumber, recipient, phoneNumberId, this.#maxUsers);
    this.onAccepted(recipient, body);
    const failure = this.#failNext.shift() ?? this.#options.failFor?.[to] ?? this.#options.failFor?.[recipient];
    const delays = this.#options.delaysMs ?? {};
    const status = (name: "sent" | "delivered" | "read" | "failed", code?: number): Status => ({
      payload: this.#statusPayload(phoneNumberId, id, name, body, code),
      id,
      name,
      ...(code === undefined ? {} : { code }),
    });
    const last = this.#lastInbound.get(recipient);
    const outside = this.#window && body.type !== "template" && (last === undefined || this.#clock.now() - last > day);
    if (outside || failure !== undefined) {
      this.#later(delays.sent ?? 10, [status("failed", outside ? graphErrorCodes.reengagementWindow : failure)]);
      return;
    }
    const ladder: [number, Status][] = [
      [delays.sent ?? 10, status("sent")],
      [delays.delivered ?? 40, status("delivered")],
      ...(delays.read === false ? [] : ([[delays.read ?? 80, status("read")]] as [number, Status][])),
    ];
    const mode = this.#options.mode ?? "ladder";
    if (mode === "read_without_delivered") ladder.splice(1, ladder.length > 2 ? 1 : 0);
    if (mode === "out_of_order") {
      // All at the last status's time, highest first.
      const at = ladder[ladder.length - 1]?.[0] ?? 0;
      this.#later(at, ladder.map(([, payload]) => payload).reverse());
      return;
    }
    for (const [at, payload] of ladder) this.#later(at, mode === "duplicates" ? [payload, payload] : [payload]);
  }

  /** Codes for the next accepted messages, in order: each fails with a status carrying its code. */
  readonly #failNext: number[] = [];

  /** Makes the next `count` accepted messages fail with `code` (131026 undeliverable, 131049, 131050, 130472, 131053…). */
  failNext(code: number, count = 1): void {
    if (!Number.isSafeInteger(code) || code < 1) throw new RangeError(`failNext: an error code, got ${String(code)}`);
    for (let i = 0; i < count; i++) this.#failNext.push(code);
  }

  /** The status of a sent message, from the webhooks sent so far. */
  statusOf(id: string): SentStatus | undefined {
    return this.#statuses.get(id);
  }

  /** What the business sent as this wamid, for a simulated user to answer. */
  sentMessage(id: string): { readonly body: Body; readonly phoneNumberId: string } | undefined {
    return this.#sent.get(id);
  }

  /** The wamid of the newest sent message with exactly this body, if any. */
  idOfBody(body: unknown): string | undefined {
    const json = JSON.stringify(body);
    let found: string | undefined;
    for (const [id, sent] of this.#sent) if (JSON.stringify(sent.body) === json) found = id;
    return found;
  }

  /** The business number a user's message goes to when none is said. */
  businessNumberOf(from: string): string | undefined {
    return this.#businessNumber.get(recipientKey({ to: from }));
  }

  /** A message from a user: opens their window and goes out as a webhook. */
  inbound(phoneNumberId: string, from: string, name: string, message: Record<string, unknown>): { id: string; delivery: Delivery } {
    const id = wamid();
    setNewest(this.#lastInbound, recipientKey({ to: from }), this.#clock.now(), this.#maxUsers);
    this.inboundLog.push({ at: new Date(this.#clock.now()).toISOString(), from, name, id, message });
    if (this.inboundLog.length > maxInbound) this.inboundLog.shift();
    const value = { contacts: [{ profile: { name }, wa_id: from }], messages: [{ from, id, timestamp: this.#seconds(), ...message }] };
    const field = this.fieldOf(from);
    // Another field (standby) carries the same value as messages does (Meta's standby reference).
    const payload =
      field === "messages"
        ? this.#envelope(phoneNumberId, value)
        : {
            object: "whatsapp_business_account",
            entry: [
              {
                id: this.#sender.wabaId,
                changes: [{ field, value: { messaging_product: "whatsapp", metadata: this.#metadata(phoneNumberId), ...value } }],
              },
            ],
          };
    return { id, delivery: this.#sender.send(payload) };
  }

  /** Resolves when every scheduled status has gone out and every delivery has ended, including those they led to. */
  async idle(): Promise<void> {
    // A delivery may make the receiver send (a bot answering), which schedules more statuses: until both are empty.
    while (this.#scheduled.size > 0 || this.#sender.busy) {
      await Promise.all([...this.#scheduled]);
      await this.#sender.idle();
    }
  }

  close(): void {
    for (const [timer, settle] of this.#timers) {
      clearTimeout(timer);
      settle();
    }
    this.#timers.clear();
  }

  readonly #scheduled = new Set<Promise<void>>();

  #later(ms: number, statuses: readonly Status[]): void {
    let settle = (): void => {};
    const scheduled = new Promise<void>((resolve) => {
      settle = resolve;
    }).finally(() => this.#scheduled.delete(scheduled));
    this.#scheduled.add(scheduled);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      for (const { payload, id, name, code } of statuses) {
        this.#sender.send(payload);
        const current = this.#statuses.get(id)?.status;
        const next = reduceStatus(current, name);
        if (next !== current) this.#statuses.set(id, code === undefined ? { status: next } : { status: next, code });
      }
      settle();
    }, ms);
    this.#timers.set(timer, settle);
  }

  #seconds(): string {
    return String(Math.floor(this.#clock.now() / 1000));
  }

  #metadata(phoneNumberId: string) {
    return { display_phone_number: this.#sender.displayPhoneNumber, phone_number_id: phoneNumberId };
  }

  #envelope(phoneNumberId: string, value: Omit<MessagesValue, "metadata">): unknown {
    return webhookPayload(this.#sender.wabaId, { metadata: this.#metadata(phoneNumberId), ...value });
  }

  #statusPayload(phoneNumberId: string, id: string, status: string, body: Body, code?: number): unknown {
    const callback = typeof body.biz_opaque_callback_data === "string" ? { biz_opaque_callback_data: body.biz_opaque_callback_data } : {};
    const group = body.recipient_type === "group";
    const errors =
      code === undefined
        ? {}
        : {
            errors: [
              {
                code,
                title: graphErrorTitles[code] ?? "Error",
                message: graphErrorTitles[code] ?? "Error",
                error_data: { details: detailsOf(code) },
              },
            ],
          };
    const pricing =
      status === "sent"
        ? { pricing: { billable: true, pricing_model: "PMP", category: body.type === "template" ? "utility" : "service", type: "regular" } }
        : {};
    return this.#envelope(phoneNumberId, {
      statuses: [
        {
          id,
          status,
          timestamp: this.#seconds(),
          recipient_id: recipientKey(body),
          ...(group ? { recipient_type: "group" } : {}),
          ...callback,
          ...pricing,
          ...errors,
        },
      ],
    });
  }
}

const detailsOf = (code: number): string =>
  code === graphErrorCodes.reengagementWindow
    ? "Message failed to send because more than 24 hours have passed since the customer last replied to this number."
    : "Message failed to send.";
