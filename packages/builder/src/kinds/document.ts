import { addressingKey } from "../builders/message-base.js";
import type { MessageBuilder } from "../builders/message-builder.js";
import { type DocumentOptions, documentMessage } from "../builders/single-kinds.js";
import type { DocumentMessage, MediaSource } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** A document; the `filename` extension decides how WhatsApp shows it: `.document(…)` on a recipient of `createMsg({ document })`, as on `msg.to(n)`. */
export function document<C extends string = never>(
  this: KindHost,
  media: MediaSource,
  options?: DocumentOptions<C>,
): MessageBuilder<DocumentMessage> {
  return documentMessage(this[addressingKey], media, options);
}
