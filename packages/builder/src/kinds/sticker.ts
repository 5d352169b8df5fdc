import { addressingKey } from "../builders/message-base.js";
import type { MessageBuilder } from "../builders/message-builder.js";
import { stickerMessage } from "../builders/single-kinds.js";
import type { MediaSource, StickerMessage } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** A WebP sticker: `.sticker(…)` on a recipient of `createMsg({ sticker })`, as on `msg.to(n)`. */
export function sticker(this: KindHost, media: MediaSource): MessageBuilder<StickerMessage> {
  return stickerMessage(this[addressingKey], media);
}
