import { limits } from "../limits.js";
import type { MediaKind } from "../wire/media.generated.js";
import { mediaSource } from "./common.js";
import type { ObjectRule } from "./rule.js";
import { boolean, optional, string } from "./rule.js";

/** An empty caption is accepted live (recorded, §15), and shows no caption: a warning. */
const caption = optional(
  string({ ...limits.media.caption, emptyIsWarning: "an empty caption shows no caption; leave it out (the API accepts it)" }),
);
const filename = optional(string());

const media = (kind: MediaKind, extra: Parameters<typeof mediaSource>[0]): ObjectRule =>
  mediaSource(extra, {
    keys: ["caption", "filename", "voice"],
    message: `not allowed on ${kind} messages`,
    otherwise: "not a field of a media object",
  });

/** The media kinds [S §4]: exactly one of `id` or an http(s) `link`; captions where allowed (documents too, §13.13). */
export const image = media("image", { caption });
export const video = media("video", { caption });
export const document = media("document", { caption, filename });
/** `voice: true` sends an Ogg/Opus audio as a voice note [M-MSG, api-2026.md §6]. */
export const audio = media("audio", { voice: optional(boolean) });
export const sticker = media("sticker", {});
