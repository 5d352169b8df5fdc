import type { MessageBuilder } from "../messages/message-builder.js";
import { type DocumentOptions, documentMessage } from "../messages/single-kinds.js";
import type { DocumentMessage, MediaSource } from "../payload/index.js";
import type { KindHost } from "./host.js";

/** A document; the `filename` extension decides how WhatsApp shows it: `.document(…)` on a recipient of `createMsg({ document })`, as on `msg.to(n)`. */
export function document<C extends string = never>(
  this: KindHost,
  media: MediaSource,
  options?: DocumentOptions<C>,
): MessageBuilder<DocumentMessage> {
  return documentMessage(this.envelope, media, options);
}
