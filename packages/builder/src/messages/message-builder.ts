import type { Message } from "../payload/index.js";
import type { KindRules } from "../rules/message-of.js";
import { type Content, type Envelope, MessageBase } from "./message-base.js";

const renderKey: unique symbol = Symbol("render");

/**
 * A complete message of one kind, ready to build. Each step returns a new builder, so a
 * builder can be shared and extended like a template.
 *
 * @example
 * const reply = msg.to("+16505551234").text("Shipped!").replyTo(wamid).callbackData("order-42");
 * reply.build(); // TextMessage
 */
export class MessageBuilder<M extends Message> extends MessageBase<M> {
  /** Makes a fresh content object per build (a module-private key, as in MessageBase). */
  declare private readonly [renderKey]: () => Content<M>;

  /** @internal */
  constructor(envelope: Envelope, rules: KindRules<M["type"]>, render: () => Content<M>) {
    super(envelope, rules);
    this[renderKey] = render;
  }

  protected withEnvelope(envelope: Envelope): this {
    return new MessageBuilder<M>(envelope, this.rules, this[renderKey]) as this; // same class, same M
  }

  protected render(): Content<M> {
    return this[renderKey]();
  }
}
