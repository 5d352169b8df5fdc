import type { limits } from "../limits.js";
import type { Message } from "../payload/index.js";
import type { MaxLength } from "../type-checks.js";
import { Buildable } from "./buildable.js";

type Content<M extends Message> = M extends Message ? M[M["type"] & keyof M] : never;

interface MessageState<M extends Message> {
  readonly to: string;
  readonly type: M["type"];
  readonly content: Content<M>;
  readonly replyTo?: string;
  readonly callbackData?: string;
}

/**
 * A complete message of one kind, ready to build. Each step returns a new builder, so a
 * builder can be shared and extended like a template.
 *
 * @example
 * const reply = msg.to("+16505551234").text("Shipped!").replyTo(wamid).callbackData("order-42");
 * reply.build(); // TextMessage
 */
export class MessageBuilder<M extends Message> extends Buildable<M> {
  readonly #state: MessageState<M>;

  /** @internal */
  constructor(state: MessageState<M>) {
    super();
    this.#state = state;
  }

  /** Replies to (quotes) the message with this id: `context.message_id`. */
  replyTo<Id extends string>(messageId: MaxLength<Id, typeof limits.wamid.max, "context.message_id">): MessageBuilder<M> {
    return new MessageBuilder({ ...this.#state, replyTo: messageId });
  }

  /** Tracking data echoed back in status webhooks: `biz_opaque_callback_data`. */
  callbackData<Data extends string>(data: MaxLength<Data, typeof limits.callbackData.max, "biz_opaque_callback_data">): MessageBuilder<M> {
    return new MessageBuilder({ ...this.#state, callbackData: data });
  }

  protected assemble(): M {
    const { to, type, content, replyTo, callbackData } = this.#state;
    const body: Record<string, unknown> = { messaging_product: "whatsapp", recipient_type: "individual", to };
    if (replyTo !== undefined) body.context = { message_id: replyTo };
    body.type = type;
    body[type] = content;
    if (callbackData !== undefined) body.biz_opaque_callback_data = callbackData;
    return body as M; // assembled from a state typed by M
  }
}
