import type { limits } from "../limits.js";
import type { Message } from "../payload/index.js";
import type { MaxLength } from "../type-checks.js";
import { Buildable } from "./buildable.js";

type Content<M extends Message> = M extends Message ? M[M["type"] & keyof M] : never;

/**
 * A complete message of one kind, ready to build. Each step returns a new builder, so a
 * builder can be shared and extended like a template.
 *
 * @example
 * const reply = msg.to("+16505551234").text("Shipped!").replyTo(wamid).callbackData("order-42");
 * reply.build(); // TextMessage
 */
export class MessageBuilder<M extends Message> extends Buildable<M> {
  readonly #to: string;
  readonly #type: M["type"];
  /** Makes a fresh content object per build, so built bodies never share state with the builder. */
  readonly #render: () => Content<M>;
  readonly #replyTo: string | undefined;
  readonly #callbackData: string | undefined;

  /** @internal */
  constructor(to: string, type: M["type"], render: () => Content<M>, replyTo?: string, callbackData?: string) {
    super();
    this.#to = to;
    this.#type = type;
    this.#render = render;
    this.#replyTo = replyTo;
    this.#callbackData = callbackData;
  }

  /** Replies to (quotes) the message with this id: `context.message_id`. */
  replyTo<Id extends string>(messageId: MaxLength<Id, typeof limits.wamid.max, "context.message_id">): MessageBuilder<M> {
    return new MessageBuilder<M>(this.#to, this.#type, this.#render, messageId, this.#callbackData);
  }

  /** Tracking data echoed back in status webhooks: `biz_opaque_callback_data`. */
  callbackData<Data extends string>(data: MaxLength<Data, typeof limits.callbackData.max, "biz_opaque_callback_data">): MessageBuilder<M> {
    return new MessageBuilder<M>(this.#to, this.#type, this.#render, this.#replyTo, data);
  }

  protected assemble(): M {
    const body: Record<string, unknown> = { messaging_product: "whatsapp", recipient_type: "individual", to: this.#to };
    if (this.#replyTo !== undefined) body.context = { message_id: this.#replyTo };
    body.type = this.#type;
    body[this.#type] = this.#render();
    if (this.#callbackData !== undefined) body.biz_opaque_callback_data = this.#callbackData;
    return body as M; // assembled from fields typed by M
  }
}
