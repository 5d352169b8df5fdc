import { imageRules } from "../rules/quick/image.generated.js";
import type { ImageMessage } from "../wire/index.js";
import { type CaptionedKind, captionedKind } from "./captioned.js";

/** A JPEG or PNG image, by uploaded `id` or http(s) `link`: `.image(…)` on a recipient of `createMsg({ image })`, as on `msg.to(n)`. */
export const image: CaptionedKind<ImageMessage> = /* @__PURE__ */ captionedKind<ImageMessage>(imageRules);
