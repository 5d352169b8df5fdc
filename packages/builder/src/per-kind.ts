import { MarkReadBuilder } from "./builders/mark-read.js";
import { addressedTo, addressingKey } from "./builders/message-base.js";
import type { MessageBuilder } from "./builders/message-builder.js";
import type { AudioOptions, CaptionOptions, DocumentOptions, TextBody, TextOptions, Wamid } from "./builders/single-kinds.js";
import { audio } from "./kinds/audio.js";
import type { CaptionedKind } from "./kinds/captioned.js";
import { document } from "./kinds/document.js";
import type { KindHost } from "./kinds/host.js";
import { image } from "./kinds/image.js";
import { location as locationKind } from "./kinds/location.js";
import { react } from "./kinds/react.js";
import { sticker } from "./kinds/sticker.js";
import { text } from "./kinds/text.js";
import { video } from "./kinds/video.js";
import type { limits } from "./limits.js";
import type { MaxLength, PhoneNumber } from "./type-checks.js";
import type {
  AudioMessage,
  DocumentMessage,
  ImageMessage,
  LocationMessage,
  MediaSource,
  ReactionMessage,
  StickerMessage,
  TextMessage,
  VideoMessage,
} from "./wire/index.js";

// The one-object kinds to a phone number, without the fluent `msg`: thin aliases of the kinds
// (src/kinds/) that `msg` and `createMsg` place on their recipients, so the same builders and the
// same checks at compile time and at build. A program that imports only `textTo` bundles text's
// code and rules alone, as `createMsg({ text })` does.

/** A recipient by phone number, for the kind to act on. */
const host = (to: string): KindHost => ({ [addressingKey]: addressedTo(to) });

/**
 * A text message to a phone number: `msg.to(to).text(body, options)`, for bundles that send no other kind.
 *
 * @example
 * textTo("+16505551234", "Your order shipped").replyTo(wamid).build();
 */
export function textTo<N extends string, Body extends string>(
  to: PhoneNumber<N>,
  body: TextBody<Body>,
  options?: TextOptions,
): MessageBuilder<TextMessage> {
  return text.call(host(to), body, options);
}

/** A captioned media kind (image, video) to a phone number: `(to, media, options)`. */
type CaptionedTo<M extends ImageMessage | VideoMessage> = <N extends string, C extends string = never>(
  to: PhoneNumber<N>,
  media: MediaSource,
  options?: CaptionOptions<C, M["type"]>,
) => MessageBuilder<M>;

/** `kind` to a phone number, named after it (`imageTo`, `videoTo`) as stack traces and `.name` read it. */
const captionedTo = <M extends ImageMessage | VideoMessage>(kind: CaptionedKind<M>): CaptionedTo<M> => {
  const name = `${kind.name}To`;
  return {
    [name](to: string, media: MediaSource, options?: { readonly caption?: string }) {
      return kind.call(host(to), media, options);
    },
  }[name] as CaptionedTo<M>;
};

/** An image to a phone number, by uploaded `id` or http(s) `link`: `msg.to(to).image(media, options)`. */
export const imageTo: CaptionedTo<ImageMessage> = /* @__PURE__ */ captionedTo(image);

/** A video to a phone number: `msg.to(to).video(media, options)`. */
export const videoTo: CaptionedTo<VideoMessage> = /* @__PURE__ */ captionedTo(video);

/** A document to a phone number: `msg.to(to).document(media, options)`. */
export function documentTo<N extends string, C extends string = never>(
  to: PhoneNumber<N>,
  media: MediaSource,
  options?: DocumentOptions<C>,
): MessageBuilder<DocumentMessage> {
  return (document<C>).call(host(to), media, options);
}

/** An audio file or (`voice: true`) a voice note to a phone number: `msg.to(to).audio(media, options)`. */
export function audioTo<N extends string>(to: PhoneNumber<N>, media: MediaSource, options?: AudioOptions): MessageBuilder<AudioMessage> {
  return audio.call(host(to), media, options);
}

/** A WebP sticker to a phone number: `msg.to(to).sticker(media)`. */
export function stickerTo<N extends string>(to: PhoneNumber<N>, media: MediaSource): MessageBuilder<StickerMessage> {
  return sticker.call(host(to), media);
}

/** A reaction (one emoji, or `""` to remove it) to a phone number's message: `msg.to(to).react(messageId, emoji)`. */
export function reactionTo<N extends string, Id extends string>(
  to: PhoneNumber<N>,
  messageId: Wamid<Id, "reaction.message_id">,
  emoji: string,
): MessageBuilder<ReactionMessage> {
  return react.call(host(to), messageId, emoji);
}

/** A location pin, in decimal degrees, to a phone number: `msg.to(to).location(location)`. */
export function locationTo<N extends string>(to: PhoneNumber<N>, location: LocationMessage["location"]): MessageBuilder<LocationMessage> {
  return locationKind.call(host(to), location);
}

/** Marks an incoming message (and earlier ones in its thread) as read: `msg.markRead(messageId)`. */
export function markRead<Id extends string>(messageId: MaxLength<Id, typeof limits.wamid.max, "message_id">): MarkReadBuilder {
  return new MarkReadBuilder(messageId);
}
