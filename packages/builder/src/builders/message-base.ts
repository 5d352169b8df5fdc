import type { limits } from "../limits.js";
import type { KindRules } from "../rules/message-of.js";
import type { MaxLength } from "../type-checks.js";
import type { Message } from "../wire/index.js";
import { Buildable } from "./buildable.js";

/**
 * Where a recipient and every builder made from it keep their addressing: a module-private symbol, exported to
 * the kinds and builders only (index.ts does not), so no caller reaches the object they share. It is not frozen:
 * freezing it cost every `msg.to(n)` about as much as the rest of the call (measured on Node 20).
 */
export const addressingKey: unique symbol = Symbol();
const rulesKey: unique symbol = Symbol();

/** The addressing fields every message shares: who, which message it replies to, tracking data. */
export interface Addressing {
  /** A phone number or WhatsApp ID; a group's id when `group`. */
  readonly to: string | undefined;
  /** A business-scoped user id (`US.1349…`); when `to` is given too, `to` wins. */
  readonly recipient: string | undefined;
  readonly group: boolean;
  readonly replyTo: string | undefined;
  readonly callbackData: string | undefined;
  readonly identityKeyHash: string | undefined;
}

/** The addressing of a new message to `to` (a phone number), `recipient` (a business-scoped user id) or a group. */
export const addressedTo = (to: string | undefined, recipient?: string, group = false): Addressing => ({
  to,
  recipient,
  group,
  replyTo: undefined,
  callbackData: undefined,
  identityKeyHash: undefined,
});

/** The object named by a message's `type`, e.g. `text` for a text message. */
export type Content<M extends Message> = M extends Message ? M[M["type"] & keyof M] : never;

/**
 * What every message builder shares: `.replyTo()`, `.callbackData()` and the addressing.
 * Subclasses render their own part (`text`, `interactive`, …) fresh on every build, so a
 * built body never shares an object with the builder that made it.
 */
export abstract class MessageBase<M extends Message> extends Buildable<M> {
  // State under module-private symbols, assigned in the constructor: as private as `#` fields to callers (no name,
  // not in Object.keys or JSON), and cheaper to make. Node 20 defines `#` fields and declared class fields
  // through a slow path on every construction; measured, that alone cost a text build 7–10 % of its literal's time.
  declare protected readonly [addressingKey]: Addressing;
  /**
   * The kind's compiled check and explanation (rules/quick/): each builder brings its own kind's, and no other,
   * so `createMsg({ text })` bundles text's check alone; packages/transport-fetch/test/bundle-size.test.ts
   * reads esbuild's metafile to hold every scenario to that. The full `msg` reaches every kind.
   */
  declare private readonly [rulesKey]: KindRules<M["type"]>;

  /** @internal */
  constructor(addressing: Addressing, rules: KindRules<M["type"]>) {
    super();
    this[addressingKey] = addressing;
    this[rulesKey] = rules;
  }

  /** The same builder with another addressing; subclasses copy their own state. */
  protected abstract withAddressing(addressing: Addressing): this;
  /** The object named by `type`, made fresh. */
  protected abstract render(): Content<M>;

  protected passes(body: M): boolean {
    try {
      return this[rulesKey].passes(body);
    } catch {
      return false; // a getter that throws: the explanation will say where
    }
  }

  protected get rules(): KindRules<M["type"]> {
    return this[rulesKey];
  }

  /** Replies to (quotes) the message with this id: `context.message_id`. */
  replyTo<Id extends string>(messageId: MaxLength<Id, typeof limits.wamid.max, "context.message_id">): this {
    return this.withAddressing({ ...this[addressingKey], replyTo: messageId });
  }

  /** Tracking data echoed back in status webhooks: `biz_opaque_callback_data`. */
  callbackData<Data extends string>(data: MaxLength<Data, typeof limits.callbackData.max, "biz_opaque_callback_data">): this {
    return this.withAddressing({ ...this[addressingKey], callbackData: data });
  }

  /**
   * Delivers only if the user's identity key hash is still `hash` (from their last webhook's
   * `identity_key_hash`); otherwise the message fails with a status saying the identity changed.
   */
  identityKeyHash(hash: string): this {
    return this.withAddressing({ ...this[addressingKey], identityKeyHash: hash });
  }

  protected assemble(): M {
    const { to, recipient, group, replyTo, callbackData, identityKeyHash } = this[addressingKey];
    const body: Record<string, unknown> = { messaging_product: "whatsapp", recipient_type: group ? "group" : "individual" };
    if (to !== undefined) body.to = to;
    if (recipient !== undefined) body.recipient = recipient;
    if (replyTo !== undefined) body.context = { message_id: replyTo };
    const type = this[rulesKey].type;
    body.type = type;
    body[type] = this.render();
    if (callbackData !== undefined) body.biz_opaque_callback_data = callbackData;
    if (identityKeyHash !== undefined) body.recipient_identity_key_hash = identityKeyHash;
    return body as M; // assembled from parts typed by M
  }
}
