import { limits } from "../limits.js";
import type { MediaKind, MediaMessage } from "../payload/media.js";
import { httpUrl } from "./common.js";
import { checkString, fits, stringRule } from "./fields.js";
import type { JsonObject, Report } from "./report.js";

/** Fields each media kind accepts besides `id` / `link` [S §4; document caption: resolution §13.13]. */
const extraFields: { readonly [K in MediaKind]: readonly string[] } = {
  image: ["caption"],
  video: ["caption"],
  document: ["caption", "filename"],
  audio: [],
  sticker: [],
};
const linkRule = stringRule({ pattern: httpUrl, format: "an http or https URL" });
const captionRule = stringRule(limits.media.caption);

/** A media object: exactly one of `id` or an http(s) `link`, plus caption/filename where allowed. */
export function checkMedia(kind: MediaKind, report: Report, media: JsonObject): void {
  const extras = extraFields[kind];
  for (const key in media) {
    if (key === "id" || key === "link" || extras.includes(key)) continue;
    const why = key === "caption" || key === "filename" ? `not allowed on ${kind} messages` : "not a field of a media object";
    report.add(key, "unknown_field", why);
  }
  checkMediaSource(report, media);
  if (extras.length > 0) checkString(report, media.caption, "caption", captionRule);
  if (kind === "document") checkString(report, media.filename, "filename");
}

/** Exactly one of `id` (opaque) or an http(s) `link`; shared with headers and template parameters. */
export function checkMediaSource(report: Report, media: JsonObject): void {
  const hasId = media.id !== undefined;
  const hasLink = media.link !== undefined;
  if (hasId && hasLink) report.add(undefined, "conflict", "exactly one of id or link, got both");
  else if (!hasId && !hasLink) report.add(undefined, "required", "exactly one of id or link is required");
  if (hasId) checkString(report, media.id, "id");
  if (hasLink) checkString(report, media.link, "link", linkRule);
}

/**
 * The builders' quick test of a media object (a copy of the caller's, so any keys): true
 * only when checkMedia reports nothing.
 */
function acceptsMediaObject(kind: MediaKind, media: JsonObject): boolean {
  return acceptsMediaSource(media, extraFields[kind]) && fits(media.caption, captionRule) && fits(media.filename);
}

const noExtras: readonly string[] = [];

/** True when `media` has no keys but `id`, `link` and `extras`, and checkMediaSource reports nothing. */
export function acceptsMediaSource(media: JsonObject, extras = noExtras): boolean {
  for (const key in media) if (key !== "id" && key !== "link" && !extras.includes(key)) return false;
  return (media.id === undefined) !== (media.link === undefined) && fits(media.id) && fits(media.link, linkRule);
}

type Accepts = { readonly [K in MediaKind]: (body: Extract<MediaMessage, { type: K }>) => boolean };
export const acceptsMedia: Accepts = {
  image: (body) => acceptsMediaObject("image", body.image),
  video: (body) => acceptsMediaObject("video", body.video),
  document: (body) => acceptsMediaObject("document", body.document),
  audio: (body) => acceptsMediaObject("audio", body.audio),
  sticker: (body) => acceptsMediaObject("sticker", body.sticker),
};
