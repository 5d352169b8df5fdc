import { addressingKey } from "../builders/message-base.js";
import type { MessageBuilder } from "../builders/message-builder.js";
import { type CaptionOptions, captionedMessage } from "../builders/single-kinds.js";
import type { KindRules } from "../rules/message-of.js";
import type { ImageMessage, MediaSource, VideoMessage } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** A media kind with an optional caption (`.image(…)`, `.video(…)`): a media source, and a caption checked at compile time. */
export type CaptionedKind<M extends ImageMessage | VideoMessage> = <C extends string = never>(
  this: KindHost,
  media: MediaSource,
  options?: CaptionOptions<C, M["type"]>,
) => MessageBuilder<M>;

/** The captioned kind whose bodies `rules` check: image and video are the same object under another name. */
export function captionedKind<M extends ImageMessage | VideoMessage>(rules: KindRules<M["type"]>): CaptionedKind<M> {
  // Keyed by the kind, the function is named `image` or `video` (as stack traces and `.name` read it).
  const kind: string = rules.type;
  return {
    [kind](this: KindHost, media: MediaSource, options?: { readonly caption?: string }): MessageBuilder<M> {
      return captionedMessage<M>(this[addressingKey], rules, media, options);
    },
  }[kind] as CaptionedKind<M>;
}
