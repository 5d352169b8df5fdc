import type { MessageBuilder } from "../messages/message-builder.js";
import { stickerMessage } from "../messages/single-kinds.js";
import type { MediaSource, StickerMessage } from "../payload/index.js";
import type { KindHost } from "./host.js";

/** A WebP sticker: `.sticker(…)` on a recipient of `createMsg({ sticker })`, as on `msg.to(n)`. */
export function sticker(this: KindHost, media: MediaSource): MessageBuilder<StickerMessage> {
  return stickerMessage(this.envelope, media);
}
