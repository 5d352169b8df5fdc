import type { MessageBuilder } from "../builders/message-builder.js";
import { type CaptionOptions, captionedMessage } from "../builders/single-kinds.js";
import { imageRules } from "../rules/quick/image.generated.js";
import type { ImageMessage, MediaSource } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** A JPEG or PNG image, by uploaded `id` or http(s) `link`: `.image(…)` on a recipient of `createMsg({ image })`, as on `msg.to(n)`. */
export function image<C extends string = never>(
  this: KindHost,
  media: MediaSource,
  options?: CaptionOptions<C, "image">,
): MessageBuilder<ImageMessage> {
  return captionedMessage<ImageMessage>(this.addressing, imageRules, media, options);
}
