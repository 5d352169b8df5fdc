import { recipientKey } from "@wacompose/builder";
import type { Clock, Conversation } from "./conversation.js";
import { wamid } from "./graph.js";
import type { Delivery, WebhookSender } from "./webhooks.js";

type Value = Readonly<Record<string, unknown>>;

/** A message of an imported Business App thread: who wrote it and how long ago. */
export interface HistoryLine {
  /** `user` wrote it, or the business did. */
  readonly from: "user" | "business";
  readonly text: string;
  /** How long before now (ms) it was written; history covers 180 days. */
  readonly agoMs: number;
}

/** The account, number, group and Business App webhooks the emulator sends on demand (each signed, in the delivery log). */
export interface AccountWebhooks {
  /** Any field with any value (an unknown one too): `{ field, value }` in one entry. */
  change(field: string, value: Value): Delivery;
  accountUpdate(value: Value & { readonly event: string }): Delivery;
  phoneNumberQualityUpdate(value: Value & { readonly event: string }): Delivery;
  phoneNumberNameUpdate(value: Value & { readonly decision: string }): Delivery;
  businessCapabilityUpdate(value: Value): Delivery;
  accountReviewUpdate(decision: string): Delivery;
  businessUsernameUpdate(status: string, username?: string): Delivery;
  /** A group field (`group_lifecycle_update`, …) with one entry of `groups[]`. */
  groupUpdate(
    field: "group_lifecycle_update" | "group_participants_update" | "group_settings_update" | "group_status_update",
    group: Value & { readonly group_id: string; readonly type: string },
  ): Delivery;
  /** A message the business sent from the WhatsApp Business App (`smb_message_echoes`): a text, or a revoke or edit of one. */
  echo(
    to: string,
    message: { readonly text: string } | { readonly revoke: string } | { readonly edit: string; readonly text: string },
  ): { readonly id: string; readonly delivery: Delivery };
  /** A contact added or removed in the Business App (`smb_app_state_sync`). */
  contactSync(action: "add" | "remove", contact: { readonly phone_number: string; readonly full_name?: string }): Delivery;
  /**
   * A Business App history import: each user's lines, split into chunks of `chunkSize` messages per
   * phase (0: the last day, 1: to 90 days, 2: to 180), sent in the order `order` gives (default: shuffled,
   * as Meta may deliver them).
   */
  history(
    threads: Readonly<Record<string, readonly HistoryLine[]>>,
    options?: { readonly chunkSize?: number; readonly order?: "in_order" | "shuffled" },
  ): readonly Delivery[];
}

/** Meta Business Agent on the number: while it holds a user's conversation, their messages arrive on `standby`. */
export interface BusinessAgent {
  /** The agent takes the conversation: your app gets `messaging_handovers` `control_taken`, and the user's next messages arrive on `standby`. */
  takeOver(user: string): Delivery;
  /** The agent passes it back: `control_passed` to your app, and the user's messages are on `messages` again. */
  handBack(user: string): Delivery;
  /** The agent answers the user: its reply arrives on `standby` as an echo. */
  replies(user: string, text: string): { readonly id: string; readonly delivery: Delivery };
  /** Whether the agent holds this user's conversation now. */
  holds(user: string): boolean;
}

const day = 86_400_000;
/** Meta's history phases: the last day, then to 90 days, then to 180 (webhooks-2026.md §1d). */
const phaseOf = (agoMs: number): number => (agoMs <= day ? 0 : agoMs <= 90 * day ? 1 : 2);

/**
 * The webhooks of the fields besides `messages` (webhooks-2026.md), and who holds each conversation.
 * Payloads are Meta's shapes as the digest gives them; those it marks unverified (standby,
 * messaging_handovers) follow @wacompose/webhooks' reading of them.
 */
export class AccountEvents {
  readonly #sender: WebhookSender;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #phoneNumberId: string;
  /** Users whose conversation the agent holds (by recipient key). */
  readonly #agentHolds = new Set<string>();
  /** Each user's marketing choice, as the inbox shows it. */
  readonly preferences = new Map<string, "stop" | "resume">();

  constructor(sender: WebhookSender, clock: Clock, random: () => number, phoneNumberId: string, conversation: Conversation) {
    this.#sender = sender;
    this.#clock = clock;
    this.#random = random;
    this.#phoneNumberId = phoneNumberId;
    // While the agent holds a user, their messages go to standby; a service message the app sends takes it back
    // (Meta's standby reference: "if your app sends a service message … it will take over").
    conversation.fieldOf = (user) => (this.#agentHolds.has(recipientKey({ to: user })) ? "standby" : "messages");
    conversation.onAccepted = (recipient, body) => {
      if (body.type !== "template") this.#agentHolds.delete(recipient);
    };
  }

  /** What the inbox shows beside a user: who holds the conversation, and a marketing opt-out. */
  badgesOf(user: string): string[] {
    const badges: string[] = [];
    if (this.#agentHolds.has(recipientKey({ to: user }))) badges.push("Meta Business Agent holds this conversation (standby)");
    if (this.preferences.get(user) === "stop") badges.push("opted out of marketing");
    return badges;
  }

  get agent(): BusinessAgent {
    return {
      takeOver: (user) => {
        this.#agentHolds.add(recipientKey({ to: digits(user, "agent.takeOver") }));
        return this.#handover(user, "control_taken", "app", "business_agent");
      },
      handBack: (user) => {
        this.#agentHolds.delete(recipientKey({ to: digits(user, "agent.handBack") }));
        return this.#handover(user, "control_passed", "business_agent", "app");
      },
      replies: (user, text) => {
        const id = wamid();
        const echo = {
          from: this.#sender.displayPhoneNumber,
          to: digits(user, "agent.replies"),
          id,
          timestamp: this.#seconds(),
          type: "text",
          text: { body: text },
        };
        return { id, delivery: this.#send("standby", { ...this.#messaging(), message_echoes: [echo] }) };
      },
      holds: (user) => this.#agentHolds.has(recipientKey({ to: digits(user, "agent.holds") })),
    };
  }

  /** A user's "stop" or "resume" of marketing messages (`user_preferences`). */
  preference(user: string, value: "stop" | "resume"): Delivery {
    const wa_id = digits(user, value === "stop" ? "user.optsOut" : "user.optsIn");
    this.preferences.set(wa_id, value);
    const detail = value === "stop" ? "User requested to stop marketing messages" : "User requested to resume marketing messages";
    const item = { wa_id, detail, category: "marketing_messages", value, timestamp: Number(this.#seconds()) };
    return this.#send("user_preferences", { ...this.#messaging(), contacts: [{ wa_id }], user_preferences: [item] });
  }

  get send(): AccountWebhooks {
    return {
      change: (field, value) => this.#send(field, value),
      accountUpdate: (value) => this.#send("account_update", value),
      phoneNumberQualityUpdate: (value) =>
        this.#send("phone_number_quality_update", { display_phone_number: this.#sender.displayPhoneNumber, ...value }),
      phoneNumberNameUpdate: (value) =>
        this.#send("phone_number_name_update", { display_phone_number: this.#sender.displayPhoneNumber, ...value }),
      businessCapabilityUpdate: (value) => this.#send("business_capability_update", value),
      accountReviewUpdate: (decision) => this.#send("account_review_update", { decision }),
      businessUsernameUpdate: (status, username) =>
        this.#send("business_username_updates", {
          display_phone_number: this.#sender.displayPhoneNumber,
          status,
          ...(username === undefined ? {} : { username }),
        }),
      groupUpdate: (field, group) => this.#send(field, { ...this.#messaging(), groups: [{ timestamp: this.#seconds(), ...group }] }),
      echo: (to, message) => {
        const id = wamid();
        const base = { from: this.#sender.displayPhoneNumber, to: digits(to, "send.echo"), id, timestamp: this.#seconds() };
        const echo =
          "revoke" in message
            ? { ...base, type: "revoke", revoke: { original_message_id: message.revoke } }
            : "edit" in message
              ? {
                  ...base,
                  type: "edit",
                  edit: { original_message_id: message.edit, message: { type: "text", text: { body: message.text } } },
                }
              : { ...base, type: "text", text: { body: message.text } };
        return { id, delivery: this.#send("smb_message_echoes", { ...this.#messaging(), message_echoes: [echo] }) };
      },
      contactSync: (action, contact) =>
        this.#send("smb_app_state_sync", {
          ...this.#messaging(),
          state_sync: [{ type: "contact", contact, action, metadata: { timestamp: this.#seconds() } }],
        }),
      history: (threads, options = {}) => this.#history(threads, options.chunkSize ?? 50, options.order ?? "shuffled"),
    };
  }

  #history(threads: Readonly<Record<string, readonly HistoryLine[]>>, chunkSize: number, order: "in_order" | "shuffled"): Delivery[] {
    if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
      throw new RangeError(`send.history: chunkSize must be a whole number ≥ 1, got ${String(chunkSize)}`);
    const now = this.#clock.now();
    const business = this.#sender.displayPhoneNumber;
    // Per phase, every thread's messages oldest first, cut into chunks.
    const chunks: { phase: number; threads: { id: string; messages: Value[] }[] }[] = [];
    for (const phase of [0, 1, 2]) {
      const lines = Object.entries(threads).flatMap(([user, list]) =>
        list.filter((line) => phaseOf(line.agoMs) === phase).map((line) => ({ user: digits(user, "send.history"), line })),
      );
      lines.sort((a, b) => b.line.agoMs - a.line.agoMs);
      for (let start = 0; start < lines.length; start += chunkSize) {
        const byThread = new Map<string, Value[]>();
        for (const { user, line } of lines.slice(start, start + chunkSize)) {
          const message = {
            from: line.from === "user" ? user : business,
            ...(line.from === "business" ? { to: user } : {}),
            id: wamid(),
            timestamp: String(Math.floor((now - line.agoMs) / 1000)),
            type: "text",
            text: { body: line.text },
            history_context: { status: line.from === "business" ? "read" : "delivered" },
          };
          byThread.set(user, [...(byThread.get(user) ?? []), message]);
        }
        chunks.push({ phase, threads: [...byThread].map(([id, messages]) => ({ id, messages })) });
      }
    }
    const orderInPhase = new Map<number, number>();
    const payloads = chunks.map((chunk, index) => {
      const chunk_order = (orderInPhase.get(chunk.phase) ?? 0) + 1;
      orderInPhase.set(chunk.phase, chunk_order);
      const progress = Math.round(((index + 1) / chunks.length) * 100);
      return { ...this.#messaging(), history: [{ metadata: { phase: chunk.phase, chunk_order, progress }, threads: chunk.threads }] };
    });
    if (order === "shuffled")
      for (let i = payloads.length - 1; i > 0; i--) {
        const j = Math.floor(this.#random() * (i + 1));
        [payloads[i], payloads[j]] = [payloads[j] as (typeof payloads)[number], payloads[i] as (typeof payloads)[number]];
      }
    return payloads.map((value) => this.#send("history", value));
  }

  #handover(user: string, type: "control_passed" | "control_taken", previous_owner: string, new_owner: string): Delivery {
    return this.#send("messaging_handovers", {
      ...this.#messaging(),
      type,
      wa_id: digits(user, "agent"),
      timestamp: this.#seconds(),
      [type]: { previous_owner, new_owner },
    });
  }

  #messaging(): Value {
    return {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: this.#sender.displayPhoneNumber, phone_number_id: this.#phoneNumberId },
    };
  }

  #seconds(): string {
    return String(Math.floor(this.#clock.now() / 1000));
  }

  #send(field: string, value: Value): Delivery {
    if (typeof field !== "string" || field === "") throw new TypeError(`send.change: a field name, got ${JSON.stringify(field)}`);
    const time = Math.floor(this.#clock.now() / 1000);
    return this.#sender.send({
      object: "whatsapp_business_account",
      entry: [{ id: this.#sender.wabaId, time, changes: [{ field, value }] }],
    });
  }
}

function digits(user: string, action: string): string {
  if (typeof user !== "string" || !/^\+?\d{6,15}$/.test(user))
    throw new TypeError(`emulator.${action}: a phone number in digits, got ${JSON.stringify(user)}`);
  return user.replace(/^\+/, "");
}
