import type { limits } from "../limits.js";
import type { KindRules } from "../rules/message-of.js";
import { audioRules } from "../rules/quick/audio.generated.js";
import { documentRules } from "../rules/quick/document.generated.js";
import { locationRules } from "../rules/quick/location.generated.js";
import { pinRules } from "../rules/quick/pin.generated.js";
import { reactionRules } from "../rules/quick/reaction.generated.js";
import { stickerRules } from "../rules/quick/sticker.generated.js";
import { textRules } from "../rules/quick/text.generated.js";
import type { MaxLength } from "../type-checks.js";
import type {
  AudioMessage,
  DocumentMessage,
  ImageMessage,
  LocationMessage,
  MediaSource,
  PinMessage,
  ReactionMessage,
  StickerMessage,
  TextMessage,
  VideoMessage,
} from "../wire/index.js";
import { objectArgument } from "./arguments.js";
import type { Addressing } from "./message-base.js";
import { MessageBuilder } from "./message-builder.js";
import type { Mutable } from "./mutable.js";

// The kinds that are one object and need no builder of their own: each made here once, for
// the fluent recipients (msg.to(n).text(…)) and the per-kind functions (textTo(n, …)) alike.
// Each imports only its own rules, so a bundler keeps nothing of the kinds a program never sends.

export type TextBody<Body extends string> = MaxLength<Body, typeof limits.text.body.max, "text.body">;
export type Caption<C extends string, Kind extends string> = MaxLength<C, typeof limits.media.caption.max, `${Kind}.caption`>;
export type Wamid<Id extends string, Path extends string> = MaxLength<Id, typeof limits.wamid.max, Path>;
export interface TextOptions {
  /** Renders a preview of the first link in the body. */
  readonly previewUrl?: boolean;
}
export interface CaptionOptions<C extends string, Kind extends string> {
  readonly caption?: Caption<C, Kind>;
}
export interface DocumentOptions<C extends string> extends CaptionOptions<C, "document"> {
  readonly filename?: string;
}
export interface AudioOptions {
  /** Sends an Ogg/Opus file as a voice note. */
  readonly voice?: boolean;
}

/**
 * A media object: a private copy of the caller's (every key, so validate() sees stray ones
 * rather than losing them) plus the options that are set. MessageBuilder copies it on every build.
 */
function mediaContent<Content>(media: MediaSource, caption?: string, filename?: string): Content {
  const content: Record<string, unknown> = { ...media };
  if (caption !== undefined) content.caption = caption;
  if (filename !== undefined) content.filename = filename;
  return content as Content; // checked by validate() at build time
}

// Text's option keys, made once: an array fewer per text message (the kind the build bench times); the other kinds
// write theirs in the call, which bundles a few bytes smaller.
const textOptionKeys = ["previewUrl"] as const satisfies readonly (keyof TextOptions)[];

export function textMessage(addressing: Addressing, body: string, options: TextOptions = {}): MessageBuilder<TextMessage> {
  const { previewUrl } = objectArgument(options, "text options", textOptionKeys);
  return new MessageBuilder<TextMessage>(addressing, textRules, previewUrl === undefined ? { body } : { body, preview_url: previewUrl });
}

/** An image or a video: the same object, a media source and an optional caption, checked by its own kind's rules. */
export function captionedMessage<M extends ImageMessage | VideoMessage>(
  addressing: Addressing,
  rules: KindRules<M["type"]>,
  media: MediaSource,
  options: { readonly caption?: string } = {},
): MessageBuilder<M> {
  return new MessageBuilder<M>(
    addressing,
    rules,
    mediaContent(media, objectArgument(options, `${rules.type} options`, ["caption"]).caption),
  );
}

export function documentMessage(
  addressing: Addressing,
  media: MediaSource,
  options: { readonly caption?: string; readonly filename?: string } = {},
): MessageBuilder<DocumentMessage> {
  const { caption, filename } = objectArgument(options, "document options", ["caption", "filename"]);
  return new MessageBuilder<DocumentMessage>(addressing, documentRules, mediaContent(media, caption, filename));
}

export function audioMessage(addressing: Addressing, media: MediaSource, options: AudioOptions = {}): MessageBuilder<AudioMessage> {
  const { voice } = objectArgument(options, "audio options", ["voice"]);
  const source = mediaContent<AudioMessage["audio"]>(media);
  return new MessageBuilder<AudioMessage>(addressing, audioRules, voice === undefined ? source : { ...source, voice });
}

export function stickerMessage(addressing: Addressing, media: MediaSource): MessageBuilder<StickerMessage> {
  return new MessageBuilder<StickerMessage>(addressing, stickerRules, mediaContent(media));
}

export function reactionMessage(addressing: Addressing, messageId: string, emoji: string): MessageBuilder<ReactionMessage> {
  return new MessageBuilder<ReactionMessage>(addressing, reactionRules, { message_id: messageId, emoji });
}

export function locationMessage(addressing: Addressing, location: LocationMessage["location"]): MessageBuilder<LocationMessage> {
  const { latitude, longitude, name, address } = objectArgument(location, "location", ["latitude", "longitude", "name", "address"]);
  const content: Mutable<LocationMessage["location"]> = { latitude, longitude };
  if (name !== undefined) content.name = name;
  if (address !== undefined) content.address = address;
  return new MessageBuilder<LocationMessage>(addressing, locationRules, content);
}

export function pinMessage(
  addressing: Addressing,
  pin: { readonly type: "pin" | "unpin"; readonly messageId: string; readonly days?: number | undefined },
): MessageBuilder<PinMessage> {
  const { type, messageId, days } = pin;
  const content: PinMessage["pin"] =
    type === "unpin" || days === undefined ? { type, message_id: messageId } : { type, message_id: messageId, expiration_days: days };
  return new MessageBuilder<PinMessage>(addressing, pinRules, content);
}
