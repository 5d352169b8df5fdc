import type { limits } from "../limits.js";
import type { ContactsMessage, LocationMessage, ReactionMessage, VoiceCallInteractive } from "../payload/index.js";
import { contactsRules } from "../rules/quick/contacts.generated.js";
import type { MaxLength } from "../type-checks.js";
import { AnyRecipient } from "./any-recipient.js";
import { callbackResult, objectArgument } from "./arguments.js";
import { type ContactBuilder, ContactsBuilder, cardsOf, renderCard } from "./contacts.js";
import { ButtonsBuilder } from "./interactive/buttons.js";
import {
  type CallPermissionRequestBuilder,
  NamedActionBuilder,
  type RequestContactInfoBuilder,
  VoiceCallBuilder,
  type VoiceCallOptions,
} from "./interactive/calls.js";
import { CarouselBuilder, ProductCarouselBuilder, type ProductIds } from "./interactive/carousel.js";
import { CtaUrlBuilder, type CtaUrlButton } from "./interactive/cta-url.js";
import { FlowBuilder, type FlowOptions, flowParameters } from "./interactive/flow.js";
import { ListBuilder } from "./interactive/list.js";
import { type BodyText, bodyPart, type HeaderText, headerPart, withHeader } from "./interactive/parts.js";
import { CatalogBuilder, LocationRequestBuilder, ProductBuilder } from "./interactive/product.js";
import { ProductListBuilder } from "./interactive/product-list.js";
import { MessageBuilder } from "./message-builder.js";
import type { Mutable } from "./mutable.js";
import { locationMessage, reactionMessage, type Wamid } from "./single-kinds.js";

/**
 * The messages you can send to one person: everything a group can receive, and reactions,
 * locations, contacts and interactive messages. Returned by `msg.to(number)` and `msg.toUser(bsuid)`.
 *
 * @example
 * msg.to("+16505551234").text("Your order shipped", { previewUrl: true })
 */
export class Recipient extends AnyRecipient {
  /** Reacts with exactly one emoji (skin tones, flags, ZWJ sequences included); `""` removes the reaction. */
  react<Id extends string>(messageId: Wamid<Id, "reaction.message_id">, emoji: string): MessageBuilder<ReactionMessage> {
    return reactionMessage(this.envelope, messageId, emoji);
  }

  /** A location pin, in decimal degrees. */
  location(location: LocationMessage["location"]): MessageBuilder<LocationMessage> {
    return locationMessage(this.envelope, location);
  }

  /**
   * One to five contact cards, each with a name.
   *
   * @example
   * msg.to(n).contacts((c) => c.contact((p) => p.name({ formattedName: "Ana Diaz", firstName: "Ana" }).phone("+16505551234")))
   */
  contacts(build: (contacts: ContactsBuilder) => ContactsBuilder<readonly [unknown, ...unknown[]]>): MessageBuilder<ContactsMessage> {
    const cards = cardsOf(callbackResult(build, new ContactsBuilder(), ContactsBuilder, "contacts"));
    return new MessageBuilder<ContactsMessage>(this.envelope, contactsRules, () => cards.map(renderCard));
  }

  /** Reply buttons: add 1 to 3 with `.reply(id, title)`. Body at most 1024 characters. */
  buttons<Body extends string>(body: BodyText<Body>): ButtonsBuilder {
    return new ButtonsBuilder(this.envelope, bodyPart(body));
  }

  /** A list: `buttonText` (≤ 20 characters) opens it; add sections with `.section()`. */
  list<Body extends string, Button extends string>(
    body: BodyText<Body>,
    buttonText: MaxLength<Button, typeof limits.list.button.max, "interactive.action.button">,
  ): ListBuilder {
    return new ListBuilder(this.envelope, bodyPart(body), buttonText);
  }

  /** A WhatsApp Flow, by `flowId` or `flowName`, with a CTA of at most 20 characters and no emoji. */
  flow<Body extends string, Cta extends string>(body: BodyText<Body>, options: FlowOptions<Cta>): FlowBuilder {
    return new FlowBuilder(this.envelope, bodyPart(body), flowParameters(objectArgument(options, "flow options")));
  }

  /** A call-to-action button that opens `url`; its label is at most 20 characters. */
  ctaUrl<Body extends string, Text extends string>(body: BodyText<Body>, button: CtaUrlButton<Text>): CtaUrlBuilder {
    const { text, url } = objectArgument(button, "cta_url button");
    return new CtaUrlBuilder(this.envelope, bodyPart(body), { text, url });
  }

  /** One catalog product; the body is optional. */
  product<Body extends string>(
    product: { readonly catalogId: string; readonly productRetailerId: string },
    body?: BodyText<Body>,
  ): ProductBuilder {
    const { catalogId, productRetailerId } = objectArgument(product, "product");
    return new ProductBuilder(this.envelope, bodyPart(body), { catalogId, productRetailerId });
  }

  /** Several catalog products in sections (`.section(title, ids)`); a text header is required. */
  productList<Header extends string, Body extends string>(list: {
    readonly header: HeaderText<Header>;
    readonly body: BodyText<Body>;
    readonly catalogId: string;
  }): ProductListBuilder {
    const { header, body, catalogId } = objectArgument(list, "productList");
    return new ProductListBuilder(this.envelope, withHeader(bodyPart(body), headerPart(header)), catalogId);
  }

  /** The catalog, optionally with a thumbnail product. */
  catalog<Body extends string>(body: BodyText<Body>, options: { readonly thumbnailProductRetailerId?: string } = {}): CatalogBuilder {
    return new CatalogBuilder(this.envelope, bodyPart(body), objectArgument(options, "catalog options").thumbnailProductRetailerId);
  }

  /** A carousel of 2 to 10 media cards (`.card()`), each with a URL button or quick replies. */
  carousel<Body extends string>(body: BodyText<Body>): CarouselBuilder {
    return new CarouselBuilder(this.envelope, bodyPart(body));
  }

  /** A carousel of 2 to 10 products of one catalog. */
  productCarousel<Body extends string, const P extends readonly string[]>(
    body: BodyText<Body>,
    products: { readonly catalogId: string; readonly products: ProductIds<P> },
  ): ProductCarouselBuilder {
    const { catalogId, products: ids } = objectArgument(products, "productCarousel");
    return new ProductCarouselBuilder(this.envelope, bodyPart(body), catalogId, Array.isArray(ids) ? ids : []);
  }

  /** A button that starts a WhatsApp voice call to the business. */
  voiceCall<Body extends string, T extends string>(body: BodyText<Body>, options: VoiceCallOptions<T> = {}): VoiceCallBuilder {
    const { text, ttlMinutes, payload } = objectArgument(options, "voiceCall options");
    const parameters: Mutable<NonNullable<VoiceCallInteractive["action"]["parameters"]>> = {};
    if (text !== undefined) parameters.display_text = text;
    if (ttlMinutes !== undefined) parameters.ttl_minutes = ttlMinutes;
    if (payload !== undefined) parameters.payload = payload;
    return new VoiceCallBuilder(this.envelope, bodyPart(body), Object.keys(parameters).length === 0 ? undefined : parameters);
  }

  /** Asks the user to share their contact details. */
  requestContactInfo<Body extends string>(body: BodyText<Body>): RequestContactInfoBuilder {
    return new NamedActionBuilder(this.envelope, bodyPart(body), "request_contact_info");
  }

  /** Asks the user's permission to call them; the body is optional. */
  callPermissionRequest<Body extends string>(body?: BodyText<Body>): CallPermissionRequestBuilder {
    return new NamedActionBuilder(this.envelope, bodyPart(body), "call_permission_request");
  }

  /** Asks the user to share their location. */
  locationRequest<Body extends string>(body: BodyText<Body>): LocationRequestBuilder {
    return new LocationRequestBuilder(this.envelope, bodyPart(body));
  }
}

export type { ContactBuilder };
