import type { Message } from "../payload/index.js";
import { type Content, type Envelope, MessageBase } from "./message-base.js";

/**
 * A complete message of one kind, ready to build. Each step returns a new builder, so a
 * builder can be shared and extended like a template.
 *
 * @example
 * const reply = msg.to("+16505551234").text("Shipped!").replyTo(wamid).callbackData("order-42");
 * reply.build(); // TextMessage
 */
export class MessageBuilder<M extends Message> extends MessageBase<M> {
  /** Makes a fresh content object per build. */
  readonly #render: () => Content<M>;
  /** The kind's quick test of a rendered body (from validate/), if it has one. */
  readonly #accepts: ((body: M) => boolean) | undefined;

  /** @internal */
  constructor(envelope: Envelope, type: M["type"], render: () => Content<M>, accepts?: (body: M) => boolean) {
    super(envelope, type);
    this.#render = render;
    this.#accepts = accepts;
  }

  protected withEnvelope(envelope: Envelope): this {
    return new MessageBuilder<M>(envelope, this.type, this.#render, this.#accepts) as this; // same class, same M
  }

  protected override acceptsContent(body: M): boolean {
    return this.#accepts?.(body) === true;
  }

  protected render(): Content<M> {
    return this.#render();
  }
}
