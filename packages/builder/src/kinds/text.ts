import { addressingKey } from "../builders/message-base.js";
import type { MessageBuilder } from "../builders/message-builder.js";
import { type TextBody, type TextOptions, textMessage } from "../builders/single-kinds.js";
import type { TextMessage } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** A text message of 1 to 4096 characters: `.text(…)` on a recipient of `createMsg({ text })`, as on `msg.to(n)`. */
export function text<Body extends string>(this: KindHost, body: TextBody<Body>, options?: TextOptions): MessageBuilder<TextMessage> {
  return textMessage(this[addressingKey], body, options);
}
