import type {
  AudioMessage,
  DocumentMessage,
  ImageMessage,
  MediaSource,
  StickerMessage,
  TextMessage,
  VideoMessage,
} from "../payload/index.js";
import type { Envelope } from "./message-base.js";
import type { MessageBuilder } from "./message-builder.js";
import {
  type AudioOptions,
  audioMessage,
  type CaptionOptions,
  type DocumentOptions,
  documentMessage,
  imageMessage,
  stickerMessage,
  type TextBody,
  type TextOptions,
  textMessage,
  videoMessage,
} from "./single-kinds.js";
import { emptyState, TemplateBuilder } from "./template/template-builder.js";

/**
 * What every recipient can receive, a group as well as a person: text, media and templates
 * [api-2026.md §3]. `Recipient` (a person) adds the rest; `GroupRecipient` adds pins.
 */
export abstract class AnyRecipient {
  protected readonly envelope: Envelope;

  /** @internal */
  constructor(envelope: Envelope) {
    this.envelope = envelope;
  }

  /** A text message of 1 to 4096 characters; `previewUrl` renders the first link. */
  text<Body extends string>(body: TextBody<Body>, options?: TextOptions): MessageBuilder<TextMessage> {
    return textMessage(this.envelope, body, options);
  }

  /** A JPEG or PNG image, by uploaded `id` or http(s) `link`. */
  image<C extends string = never>(media: MediaSource, options?: CaptionOptions<C, "image">): MessageBuilder<ImageMessage> {
    return imageMessage(this.envelope, media, options);
  }

  /** An MP4 or 3GP video, by uploaded `id` or http(s) `link`. */
  video<C extends string = never>(media: MediaSource, options?: CaptionOptions<C, "video">): MessageBuilder<VideoMessage> {
    return videoMessage(this.envelope, media, options);
  }

  /** A document; the `filename` extension decides how WhatsApp shows it. */
  document<C extends string = never>(media: MediaSource, options?: DocumentOptions<C>): MessageBuilder<DocumentMessage> {
    return documentMessage(this.envelope, media, options);
  }

  /** An audio file; audio takes no caption. `voice: true` sends an Ogg/Opus file as a voice note. */
  audio(media: MediaSource, options?: AudioOptions): MessageBuilder<AudioMessage> {
    return audioMessage(this.envelope, media, options);
  }

  /** A WebP sticker; stickers take no caption. */
  sticker(media: MediaSource): MessageBuilder<StickerMessage> {
    return stickerMessage(this.envelope, media);
  }

  /** A template message by name; `.language(code)` comes next, then its parameters. */
  template(name: string): TemplateBuilder {
    return new TemplateBuilder(this.envelope, emptyState(name));
  }
}
