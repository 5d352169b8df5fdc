import type { MessageBuilder } from "../messages/message-builder.js";
import { type AudioOptions, audioMessage } from "../messages/single-kinds.js";
import type { AudioMessage, MediaSource } from "../payload/index.js";
import type { KindHost } from "./host.js";

/** An audio file, or (`voice: true`) a voice note: `.audio(…)` on a recipient of `createMsg({ audio })`, as on `msg.to(n)`. */
export function audio(this: KindHost, media: MediaSource, options?: AudioOptions): MessageBuilder<AudioMessage> {
  return audioMessage(this.envelope, media, options);
}
