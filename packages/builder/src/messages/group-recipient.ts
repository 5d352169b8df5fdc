import type { limits } from "../limits.js";
import type {
  AudioMessage,
  DocumentMessage,
  ImageMessage,
  MediaSource,
  StickerMessage,
  TextMessage,
  VideoMessage,
} from "../payload/index.js";
import type { MaxLength } from "../type-checks.js";
import { objectArgument } from "./arguments.js";
import type { Envelope } from "./message-base.js";
import { MessageBuilder } from "./message-builder.js";
import { emptyState, TemplateBuilder } from "./template/template-builder.js";

type Caption<C extends string, Kind extends string> = MaxLength<C, typeof limits.media.caption.max, `${Kind}.caption`>;

/**
 * Renders a media object from a private copy of the caller's (every key, so validate()
 * sees stray ones rather than losing them) plus the options that are set.
 */
function mediaRender<Content>(media: MediaSource, caption?: string, filename?: string): () => Content {
  const source = { ...media };
  return () => {
    const content: Record<string, unknown> = { ...source };
    if (caption !== undefined) content.caption = caption;
    if (filename !== undefined) content.filename = filename;
    return content as Content; // checked by validate() at build time
  };
}

/**
 * The messages a group can receive: text, media and templates [api-2026.md §3]. Returned by
 * `msg.toGroup(id)`; interactive messages, reactions, locations and contacts are not offered,
 * so sending one to a group does not compile.
 *
 * @example
 * msg.toGroup("Y2FwaV9ncm91cDox…").text("Hi all")
 */
export class GroupRecipient {
  protected readonly envelope: Envelope;

  /** @internal */
  constructor(envelope: Envelope) {
    this.envelope = envelope;
  }

  /** A text message of 1 to 4096 characters; `previewUrl` renders the first link. */
  text<Body extends string>(
    body: MaxLength<Body, typeof limits.text.body.max, "text.body">,
    options: { readonly previewUrl?: boolean } = {},
  ): MessageBuilder<TextMessage> {
    const { previewUrl } = objectArgument(options, "text options");
    const render = previewUrl === undefined ? () => ({ body }) : () => ({ body, preview_url: previewUrl });
    return new MessageBuilder<TextMessage>(this.envelope, "text", render);
  }

  /** A JPEG or PNG image, by uploaded `id` or http(s) `link`. */
  image<C extends string = never>(
    media: MediaSource,
    options: { readonly caption?: Caption<C, "image"> } = {},
  ): MessageBuilder<ImageMessage> {
    return new MessageBuilder<ImageMessage>(this.envelope, "image", mediaRender(media, objectArgument(options, "image options").caption));
  }

  /** An MP4 or 3GP video, by uploaded `id` or http(s) `link`. */
  video<C extends string = never>(
    media: MediaSource,
    options: { readonly caption?: Caption<C, "video"> } = {},
  ): MessageBuilder<VideoMessage> {
    return new MessageBuilder<VideoMessage>(this.envelope, "video", mediaRender(media, objectArgument(options, "video options").caption));
  }

  /** A document; the `filename` extension decides how WhatsApp shows it. */
  document<C extends string = never>(
    media: MediaSource,
    options: { readonly caption?: Caption<C, "document">; readonly filename?: string } = {},
  ): MessageBuilder<DocumentMessage> {
    const { caption, filename } = objectArgument(options, "document options");
    const render = mediaRender<DocumentMessage["document"]>(media, caption, filename);
    return new MessageBuilder<DocumentMessage>(this.envelope, "document", render);
  }

  /** An audio file; audio takes no caption. `voice: true` sends an Ogg/Opus file as a voice note. */
  audio(media: MediaSource, options: { readonly voice?: boolean } = {}): MessageBuilder<AudioMessage> {
    const { voice } = objectArgument(options, "audio options");
    const source = mediaRender<AudioMessage["audio"]>(media);
    const render = voice === undefined ? source : () => ({ ...source(), voice });
    return new MessageBuilder<AudioMessage>(this.envelope, "audio", render);
  }

  /** A WebP sticker; stickers take no caption. */
  sticker(media: MediaSource): MessageBuilder<StickerMessage> {
    return new MessageBuilder<StickerMessage>(this.envelope, "sticker", mediaRender(media));
  }

  /** A template message by name; `.language(code)` comes next, then its parameters. */
  template(name: string): TemplateBuilder {
    return new TemplateBuilder(this.envelope, emptyState(name));
  }
}
