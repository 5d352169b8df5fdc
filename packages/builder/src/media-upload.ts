import { mediaLimits, mediaTypes } from "./limits.js";

/** A kind of media the API stores: what a message of that type can carry. */
export type MediaKind = keyof typeof mediaTypes;

/** What an upload is, as far as the rules go: its declared MIME type, its size, whether a WebP sticker is animated. */
export interface MediaUpload {
  readonly type: string | undefined;
  readonly size: number;
  readonly animated?: boolean | undefined;
}

/** The kind and the bare MIME type (`audio/ogg; codecs=opus` → `audio/ogg`) of a declared type, or undefined. */
export function mediaKindOf(type: string): { readonly kind: MediaKind; readonly mimeType: string } | undefined {
  const mimeType = type.split(";")[0]?.trim().toLowerCase() ?? "";
  for (const kind of Object.keys(mediaTypes) as MediaKind[]) {
    if ((mediaTypes[kind] as readonly string[]).includes(mimeType)) return { kind, mimeType };
  }
  return undefined;
}

const bytes = (n: number): string => `${n.toLocaleString("en")} bytes`;

/**
 * What is wrong with an upload, in words, or undefined: the same rules the client checks before
 * any request and the emulator checks on arrival [M-media §4].
 *
 * @example
 * mediaUploadProblem({ type: "image/webp", size: 150_000 });
 * // "a static sticker (image/webp) is at most 100,000 bytes, got 150,000 bytes"
 */
export function mediaUploadProblem({ type, size, animated }: MediaUpload): string | undefined {
  if (type === undefined || type.trim() === "")
    return 'type is required: the file\'s MIME type, e.g. "image/jpeg" (without it the API stores application/octet-stream and refuses to send it)';
  const known = mediaKindOf(type);
  if (known === undefined) {
    const all = Object.values(mediaTypes).flat().join(", ");
    return `${JSON.stringify(type)} is not a type the API takes; one of ${all}`;
  }
  if (known.mimeType === "audio/ogg" && !/;\s*codecs\s*=\s*"?opus"?\s*$/i.test(type))
    return 'audio/ogg is taken only with the Opus codec: declare it as "audio/ogg; codecs=opus" (other Ogg audio is refused)';
  const what =
    known.kind === "sticker"
      ? `${animated ? "an animated" : "a static"} sticker (${known.mimeType})`
      : `${known.kind === "image" ? "an" : "a"} ${known.kind} (${known.mimeType})`;
  const max = known.kind === "sticker" && animated ? mediaLimits.bytes.animatedSticker : mediaLimits.bytes[known.kind];
  if (size > max) return `${what} is at most ${bytes(max)}, got ${bytes(size)}`;
  if (size === 0) return `${what} is empty`;
  return undefined;
}

/** True when WebP bytes hold an animation (an `ANIM` chunk in the extended header). */
export function isAnimatedWebp(head: Uint8Array): boolean {
  for (let i = 12; i + 4 <= Math.min(head.length, 64); i++) {
    if (head[i] === 0x41 && head[i + 1] === 0x4e && head[i + 2] === 0x49 && head[i + 3] === 0x4d) return true; // "ANIM"
  }
  return false;
}
