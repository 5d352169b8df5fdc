import type { MessageBuilder } from "../messages/message-builder.js";
import { type CaptionOptions, videoMessage } from "../messages/single-kinds.js";
import type { MediaSource, VideoMessage } from "../payload/index.js";
import type { KindHost } from "./host.js";

/** An MP4 or 3GP video: `.video(…)` on a recipient of `createMsg({ video })`, as on `msg.to(n)`. */
export function video<C extends string = never>(
  this: KindHost,
  media: MediaSource,
  options?: CaptionOptions<C, "video">,
): MessageBuilder<VideoMessage> {
  return videoMessage(this.envelope, media, options);
}
