import { addressingKey } from "../builders/message-base.js";
import type { MessageBuilder } from "../builders/message-builder.js";
import { type AudioOptions, audioMessage } from "../builders/single-kinds.js";
import type { AudioMessage, MediaSource } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** An audio file, or (`voice: true`) a voice note: `.audio(…)` on a recipient of `createMsg({ audio })`, as on `msg.to(n)`. */
export function audio(this: KindHost, media: MediaSource, options?: AudioOptions): MessageBuilder<AudioMessage> {
  return audioMessage(this[addressingKey], media, options);
}
