import type { Envelope } from "./envelope.js";

/** Exactly one of an uploaded media `id` or an http(s) `link` [cloud-api.md §4]. */
export type MediaSource = { readonly id: string; readonly link?: never } | { readonly link: string; readonly id?: never };

/** Image and video accept a caption. */
export type CaptionedMedia = MediaSource & { readonly caption?: string };
/** Documents accept a caption and a filename (its extension decides how WhatsApp shows it). */
export type DocumentMedia = MediaSource & { readonly caption?: string; readonly filename?: string };

export interface ImageMessage extends Envelope {
  readonly type: "image";
  readonly image: CaptionedMedia;
}
export interface VideoMessage extends Envelope {
  readonly type: "video";
  readonly video: CaptionedMedia;
}
export interface DocumentMessage extends Envelope {
  readonly type: "document";
  readonly document: DocumentMedia;
}
/** Audio takes no caption; `voice: true` plays an Ogg/Opus file as a voice note [api-2026.md §6]. */
export interface AudioMessage extends Envelope {
  readonly type: "audio";
  readonly audio: MediaSource & { readonly voice?: boolean };
}
/** Stickers take no caption (WebP, 512×512). */
export interface StickerMessage extends Envelope {
  readonly type: "sticker";
  readonly sticker: MediaSource;
}

export type MediaMessage = ImageMessage | VideoMessage | DocumentMessage | AudioMessage | StickerMessage;
export type MediaKind = MediaMessage["type"];
