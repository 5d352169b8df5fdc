import { videoRules } from "../rules/quick/video.generated.js";
import type { VideoMessage } from "../wire/index.js";
import { type CaptionedKind, captionedKind } from "./captioned.js";

/** An MP4 or 3GP video: `.video(…)` on a recipient of `createMsg({ video })`, as on `msg.to(n)`. */
export const video: CaptionedKind<VideoMessage> = /* @__PURE__ */ captionedKind<VideoMessage>(videoRules);
