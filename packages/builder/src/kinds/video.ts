import type { MessageBuilder } from "../builders/message-builder.js";
import { type CaptionOptions, captionedMessage } from "../builders/single-kinds.js";
import { videoRules } from "../rules/quick/video.generated.js";
import type { MediaSource, VideoMessage } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** An MP4 or 3GP video: `.video(…)` on a recipient of `createMsg({ video })`, as on `msg.to(n)`. */
export function video<C extends string = never>(
  this: KindHost,
  media: MediaSource,
  options?: CaptionOptions<C, "video">,
): MessageBuilder<VideoMessage> {
  return captionedMessage<VideoMessage>(this.addressing, videoRules, media, options);
}
