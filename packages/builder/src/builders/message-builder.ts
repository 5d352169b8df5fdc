import type { KindRules } from "../rules/message-of.js";
import type { Message } from "../wire/index.js";
import { type Addressing, type Content, MessageBase } from "./message-base.js";

const contentKey: unique symbol = Symbol();

/**
 * A complete message of one kind, ready to build. Each step returns a new builder, so a
 * builder can be shared and extended like a template.
 *
 * @example
 * const reply = msg.to("+16505551234").text("Shipped!").replyTo(wamid).callbackData("order-42");
 * reply.build(); // TextMessage
 */
export class MessageBuilder<M extends Message> extends MessageBase<M> {
  /**
   * The content object, flat (only strings, numbers and booleans as values), copied afresh on every build; or a
   * function that makes it afresh (contacts, whose cards nest). Flat data costs a third of the bytes of a closure
   * and its context, and a text message is little else (a module-private key, as in MessageBase).
   */
  declare private readonly [contentKey]: Content<M> | (() => Content<M>);

  /** @internal */
  constructor(addressing: Addressing, rules: KindRules<M["type"]>, content: Content<M> | (() => Content<M>)) {
    super(addressing, rules);
    this[contentKey] = content;
  }

  protected withAddressing(addressing: Addressing): this {
    return new MessageBuilder<M>(addressing, this.rules, this[contentKey]) as this; // same class, same M
  }

  protected render(): Content<M> {
    const content = this[contentKey];
    return typeof content === "function" ? content() : { ...content };
  }
}
