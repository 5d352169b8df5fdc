import type { limits } from "../limits.js";
import type { Message } from "../payload/index.js";
import { builtMessagePasses, messages } from "../rules/message.js";
import type { JsonObject } from "../rules/report.js";
import type { Rule } from "../rules/rule.js";
import type { MaxLength } from "../type-checks.js";
import { Buildable } from "./buildable.js";

/** The envelope fields every message shares: who, which message it replies to, tracking data. */
export interface Envelope {
  readonly to: string;
  readonly replyTo: string | undefined;
  readonly callbackData: string | undefined;
}

/** The envelope of a new message to `to`: no reply context, no callback data yet. */
export const envelopeTo = (to: string): Envelope => ({ to, replyTo: undefined, callbackData: undefined });

/** The object named by a message's `type`, e.g. `text` for a text message. */
export type Content<M extends Message> = M extends Message ? M[M["type"] & keyof M] : never;

/**
 * What every message builder shares: `.replyTo()`, `.callbackData()` and the envelope.
 * Subclasses render their own part (`text`, `interactive`, …) fresh on every build, so a
 * built body never shares an object with the builder that made it.
 */
export abstract class MessageBase<M extends Message> extends Buildable<M> {
  readonly #envelope: Envelope;
  readonly #type: M["type"];

  /** @internal */
  constructor(envelope: Envelope, type: M["type"]) {
    super();
    this.#envelope = envelope;
    this.#type = type;
  }

  /** The same builder with another envelope; subclasses copy their own state. */
  protected abstract withEnvelope(envelope: Envelope): this;
  /** The object named by `type`, made fresh. */
  protected abstract render(): Content<M>;

  protected get rule(): Rule {
    return messages[this.#type];
  }

  /** The same verdict as the rule's compiled test, without walking the envelope this class wrote (see builtMessagePasses). */
  protected override passes(body: M): boolean {
    try {
      return builtMessagePasses(this.#type, body as unknown as JsonObject);
    } catch {
      return false; // a getter that throws: the explanation will say where
    }
  }

  protected get envelope(): Envelope {
    return this.#envelope;
  }

  protected get type(): M["type"] {
    return this.#type;
  }

  /** Replies to (quotes) the message with this id: `context.message_id`. */
  replyTo<Id extends string>(messageId: MaxLength<Id, typeof limits.wamid.max, "context.message_id">): this {
    return this.withEnvelope({ to: this.#envelope.to, replyTo: messageId, callbackData: this.#envelope.callbackData });
  }

  /** Tracking data echoed back in status webhooks: `biz_opaque_callback_data`. */
  callbackData<Data extends string>(data: MaxLength<Data, typeof limits.callbackData.max, "biz_opaque_callback_data">): this {
    return this.withEnvelope({ to: this.#envelope.to, replyTo: this.#envelope.replyTo, callbackData: data });
  }

  protected assemble(): M {
    const { to, replyTo, callbackData } = this.#envelope;
    const body: Record<string, unknown> = { messaging_product: "whatsapp", recipient_type: "individual", to };
    if (replyTo !== undefined) body.context = { message_id: replyTo };
    body.type = this.#type;
    body[this.#type] = this.render();
    if (callbackData !== undefined) body.biz_opaque_callback_data = callbackData;
    return body as M; // assembled from parts typed by M
  }
}
