import type { limits } from "../limits.js";
import type {
  AudioMessage,
  ContactsMessage,
  DocumentMessage,
  ImageMessage,
  LocationMessage,
  MediaSource,
  ReactionMessage,
  StickerMessage,
  TextMessage,
  VideoMessage,
} from "../payload/index.js";
import type { MaxLength } from "../type-checks.js";
import { callbackResult, objectArgument } from "./arguments.js";
import { type ContactBuilder, ContactsBuilder, cardsOf, renderCard } from "./contacts.js";
import { ButtonsBuilder } from "./interactive/buttons.js";
import { CtaUrlBuilder, type CtaUrlButton } from "./interactive/cta-url.js";
import { FlowBuilder, type FlowOptions, flowParameters } from "./interactive/flow.js";
import { ListBuilder } from "./interactive/list.js";
import { type BodyText, bodyPart, type HeaderText, headerPart, withHeader } from "./interactive/parts.js";
import { CatalogBuilder, LocationRequestBuilder, ProductBuilder } from "./interactive/product.js";
import { ProductListBuilder } from "./interactive/product-list.js";
import { type Envelope, envelopeTo } from "./message-base.js";
import { MessageBuilder } from "./message-builder.js";
import type { Mutable } from "./mutable.js";
import { TemplateBuilder } from "./template/template-builder.js";

type Wamid<Id extends string, Path extends string> = MaxLength<Id, typeof limits.wamid.max, Path>;
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
 * The messages you can send to one recipient. Returned by `msg.to(number)`.
 *
 * @example
 * msg.to("+16505551234").text("Your order shipped", { previewUrl: true })
 */
export class Recipient {
  readonly #envelope: Envelope;

  /** @internal */
  constructor(to: string) {
    this.#envelope = envelopeTo(to);
  }

  /** A text message of 1 to 4096 characters; `previewUrl` renders the first link. */
  text<Body extends string>(
    body: MaxLength<Body, typeof limits.text.body.max, "text.body">,
    options: { readonly previewUrl?: boolean } = {},
  ): MessageBuilder<TextMessage> {
    const { previewUrl } = objectArgument(options, "text options");
    const render = previewUrl === undefined ? () => ({ body }) : () => ({ body, preview_url: previewUrl });
    return new MessageBuilder<TextMessage>(this.#envelope, "text", render);
  }

  /** Reacts with exactly one emoji (skin tones, flags, ZWJ sequences included); `""` removes the reaction. */
  react<Id extends string>(messageId: Wamid<Id, "reaction.message_id">, emoji: string): MessageBuilder<ReactionMessage> {
    const render = () => ({ message_id: messageId, emoji });
    return new MessageBuilder<ReactionMessage>(this.#envelope, "reaction", render);
  }

  /** A JPEG or PNG image, by uploaded `id` or http(s) `link`. */
  image<C extends string = never>(
    media: MediaSource,
    options: { readonly caption?: Caption<C, "image"> } = {},
  ): MessageBuilder<ImageMessage> {
    return new MessageBuilder<ImageMessage>(this.#envelope, "image", mediaRender(media, objectArgument(options, "image options").caption));
  }

  /** An MP4 or 3GP video, by uploaded `id` or http(s) `link`. */
  video<C extends string = never>(
    media: MediaSource,
    options: { readonly caption?: Caption<C, "video"> } = {},
  ): MessageBuilder<VideoMessage> {
    return new MessageBuilder<VideoMessage>(this.#envelope, "video", mediaRender(media, objectArgument(options, "video options").caption));
  }

  /** A document; the `filename` extension decides how WhatsApp shows it. */
  document<C extends string = never>(
    media: MediaSource,
    options: { readonly caption?: Caption<C, "document">; readonly filename?: string } = {},
  ): MessageBuilder<DocumentMessage> {
    const { caption, filename } = objectArgument(options, "document options");
    const render = mediaRender<DocumentMessage["document"]>(media, caption, filename);
    return new MessageBuilder<DocumentMessage>(this.#envelope, "document", render);
  }

  /** An audio file; audio takes no caption. */
  audio(media: MediaSource): MessageBuilder<AudioMessage> {
    return new MessageBuilder<AudioMessage>(this.#envelope, "audio", mediaRender(media));
  }

  /** A WebP sticker; stickers take no caption. */
  sticker(media: MediaSource): MessageBuilder<StickerMessage> {
    return new MessageBuilder<StickerMessage>(this.#envelope, "sticker", mediaRender(media));
  }

  /** A location pin, in decimal degrees. */
  location(location: LocationMessage["location"]): MessageBuilder<LocationMessage> {
    const { latitude, longitude, name, address } = objectArgument(location, "location");
    const render = () => {
      const content: Mutable<LocationMessage["location"]> = { latitude, longitude };
      if (name !== undefined) content.name = name;
      if (address !== undefined) content.address = address;
      return content;
    };
    return new MessageBuilder<LocationMessage>(this.#envelope, "location", render);
  }

  /**
   * One to five contact cards, each with a name.
   *
   * @example
   * msg.to(n).contacts((c) => c.contact((p) => p.name({ formattedName: "Ana Diaz", firstName: "Ana" }).phone("+16505551234")))
   */
  contacts(build: (contacts: ContactsBuilder) => ContactsBuilder<readonly [unknown, ...unknown[]]>): MessageBuilder<ContactsMessage> {
    const cards = cardsOf(callbackResult(build, new ContactsBuilder(), ContactsBuilder, "contacts"));
    return new MessageBuilder<ContactsMessage>(this.#envelope, "contacts", () => cards.map(renderCard));
  }

  /** Reply buttons: add 1 to 3 with `.reply(id, title)`. Body at most 1024 characters. */
  buttons<Body extends string>(body: BodyText<Body>): ButtonsBuilder {
    return new ButtonsBuilder(this.#envelope, bodyPart(body));
  }

  /** A list: `buttonText` (≤ 20 characters) opens it; add sections with `.section()`. */
  list<Body extends string, Button extends string>(
    body: BodyText<Body>,
    buttonText: MaxLength<Button, typeof limits.list.button.max, "interactive.action.button">,
  ): ListBuilder {
    return new ListBuilder(this.#envelope, bodyPart(body), buttonText);
  }

  /** A WhatsApp Flow, by `flowId` or `flowName`, with a CTA of at most 20 characters and no emoji. */
  flow<Body extends string, Cta extends string>(body: BodyText<Body>, options: FlowOptions<Cta>): FlowBuilder {
    return new FlowBuilder(this.#envelope, bodyPart(body), flowParameters(objectArgument(options, "flow options")));
  }

  /** A call-to-action button that opens `url`; its label is at most 20 characters. */
  ctaUrl<Body extends string, Text extends string>(body: BodyText<Body>, button: CtaUrlButton<Text>): CtaUrlBuilder {
    const { text, url } = objectArgument(button, "cta_url button");
    return new CtaUrlBuilder(this.#envelope, bodyPart(body), { text, url });
  }

  /** One catalog product; the body is optional. */
  product<Body extends string>(
    product: { readonly catalogId: string; readonly productRetailerId: string },
    body?: BodyText<Body>,
  ): ProductBuilder {
    const { catalogId, productRetailerId } = objectArgument(product, "product");
    return new ProductBuilder(this.#envelope, bodyPart(body), { catalogId, productRetailerId });
  }

  /** Several catalog products in sections (`.section(title, ids)`); a text header is required. */
  productList<Header extends string, Body extends string>(list: {
    readonly header: HeaderText<Header>;
    readonly body: BodyText<Body>;
    readonly catalogId: string;
  }): ProductListBuilder {
    const { header, body, catalogId } = objectArgument(list, "productList");
    return new ProductListBuilder(this.#envelope, withHeader(bodyPart(body), headerPart(header)), catalogId);
  }

  /** The catalog, optionally with a thumbnail product. */
  catalog<Body extends string>(body: BodyText<Body>, options: { readonly thumbnailProductRetailerId?: string } = {}): CatalogBuilder {
    return new CatalogBuilder(this.#envelope, bodyPart(body), objectArgument(options, "catalog options").thumbnailProductRetailerId);
  }

  /** Asks the user to share their location. */
  locationRequest<Body extends string>(body: BodyText<Body>): LocationRequestBuilder {
    return new LocationRequestBuilder(this.#envelope, bodyPart(body));
  }

  /** A template message by name; `.language(code)` comes next, then its parameters. */
  template(name: string): TemplateBuilder {
    return new TemplateBuilder(this.#envelope, { name, language: undefined, header: undefined, body: undefined, buttons: [] });
  }
}

export type { ContactBuilder };
