import type {
  AddressInteractive,
  AudioMessage,
  ButtonInteractive,
  CallPermissionRequestInteractive,
  CaptionedMedia,
  CarouselInteractive,
  CatalogInteractive,
  ContactAddressPayload,
  ContactInfoType,
  ContactNamePayload,
  ContactPayload,
  ContactsMessage,
  CtaUrlInteractive,
  DocumentMedia,
  DocumentMessage,
  FlowInteractive,
  FlowParameters,
  ImageMessage,
  Interactive,
  InteractiveHeader,
  InteractiveMessage,
  InteractiveText,
  InteractiveType,
  ListInteractive,
  ListRow,
  ListSection,
  LocationMessage,
  LocationRequestInteractive,
  MarkReadRequest,
  MediaCard,
  MediaKind,
  MediaMessage,
  MediaSource,
  OrderDetailsInteractive,
  OrderStatusInteractive,
  PaymentParameters,
  PhoneType,
  PinMessage,
  ProductCard,
  ProductInteractive,
  ProductListInteractive,
  ProductSection,
  ReactionMessage,
  RequestContactInfoInteractive,
  StickerMessage,
  TemplateBodyParameter,
  TemplateButtonComponent,
  TemplateButtonParameter,
  TemplateButtonSubType,
  TemplateCardComponent,
  TemplateComponent,
  TemplateCurrencyParameter,
  TemplateDateTimeParameter,
  TemplateHeaderParameter,
  TemplateLocationParameter,
  TemplateMediaParameter,
  TemplateMessage,
  TemplateTextParameter,
  TextMessage,
  VideoMessage,
  VoiceCallInteractive,
} from "@wacompose/builder";
import type * as Hand from "./fixtures/hand-wire-types.js";
import { type Equal, expectType } from "./helpers.js";

// The wire types generated from the rule table (wire/*.generated.ts, `pnpm gen`) are the types that were written
// by hand (fixtures/hand-wire-types.ts): each is assignable to the other, both ways, under the same public name.

/** True when each of `A` and `B` is assignable to the other. */
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The wire envelope is not exported under its name (the public `Envelope` is the builder's state): read off a message.
expectType<MutuallyAssignable<Omit<TextMessage, "type" | "text">, Hand.Envelope>>(true);
expectType<MutuallyAssignable<TextMessage, Hand.TextMessage>>(true);
expectType<MutuallyAssignable<ReactionMessage, Hand.ReactionMessage>>(true);
expectType<MutuallyAssignable<MediaSource, Hand.MediaSource>>(true);
expectType<MutuallyAssignable<CaptionedMedia, Hand.CaptionedMedia>>(true);
expectType<MutuallyAssignable<DocumentMedia, Hand.DocumentMedia>>(true);
expectType<MutuallyAssignable<ImageMessage, Hand.ImageMessage>>(true);
expectType<MutuallyAssignable<VideoMessage, Hand.VideoMessage>>(true);
expectType<MutuallyAssignable<DocumentMessage, Hand.DocumentMessage>>(true);
expectType<MutuallyAssignable<AudioMessage, Hand.AudioMessage>>(true);
expectType<MutuallyAssignable<StickerMessage, Hand.StickerMessage>>(true);
expectType<MutuallyAssignable<MediaMessage, Hand.MediaMessage>>(true);
expectType<MutuallyAssignable<MediaKind, Hand.MediaKind>>(true);
expectType<MutuallyAssignable<LocationMessage, Hand.LocationMessage>>(true);
expectType<MutuallyAssignable<ContactInfoType, Hand.ContactInfoType>>(true);
expectType<MutuallyAssignable<PhoneType, Hand.PhoneType>>(true);
expectType<MutuallyAssignable<ContactNamePayload, Hand.ContactNamePayload>>(true);
expectType<MutuallyAssignable<ContactAddressPayload, Hand.ContactAddressPayload>>(true);
expectType<MutuallyAssignable<ContactPayload, Hand.ContactPayload>>(true);
expectType<MutuallyAssignable<ContactsMessage, Hand.ContactsMessage>>(true);
expectType<MutuallyAssignable<PinMessage, Hand.PinMessage>>(true);
expectType<MutuallyAssignable<MarkReadRequest, Hand.MarkReadRequest>>(true);
expectType<MutuallyAssignable<InteractiveHeader, Hand.InteractiveHeader>>(true);
expectType<MutuallyAssignable<InteractiveText, Hand.InteractiveText>>(true);
expectType<MutuallyAssignable<ButtonInteractive, Hand.ButtonInteractive>>(true);
expectType<MutuallyAssignable<ListRow, Hand.ListRow>>(true);
expectType<MutuallyAssignable<ListSection, Hand.ListSection>>(true);
expectType<MutuallyAssignable<ListInteractive, Hand.ListInteractive>>(true);
expectType<MutuallyAssignable<ProductInteractive, Hand.ProductInteractive>>(true);
expectType<MutuallyAssignable<ProductSection, Hand.ProductSection>>(true);
expectType<MutuallyAssignable<ProductListInteractive, Hand.ProductListInteractive>>(true);
expectType<MutuallyAssignable<CatalogInteractive, Hand.CatalogInteractive>>(true);
expectType<MutuallyAssignable<FlowParameters, Hand.FlowParameters>>(true);
expectType<MutuallyAssignable<FlowInteractive, Hand.FlowInteractive>>(true);
expectType<MutuallyAssignable<CtaUrlInteractive, Hand.CtaUrlInteractive>>(true);
expectType<MutuallyAssignable<LocationRequestInteractive, Hand.LocationRequestInteractive>>(true);
expectType<MutuallyAssignable<AddressInteractive, Hand.AddressInteractive>>(true);
expectType<MutuallyAssignable<CallPermissionRequestInteractive, Hand.CallPermissionRequestInteractive>>(true);
expectType<MutuallyAssignable<MediaCard, Hand.MediaCard>>(true);
expectType<MutuallyAssignable<ProductCard, Hand.ProductCard>>(true);
expectType<MutuallyAssignable<CarouselInteractive, Hand.CarouselInteractive>>(true);
expectType<MutuallyAssignable<VoiceCallInteractive, Hand.VoiceCallInteractive>>(true);
expectType<MutuallyAssignable<RequestContactInfoInteractive, Hand.RequestContactInfoInteractive>>(true);
expectType<MutuallyAssignable<PaymentParameters, Hand.PaymentParameters>>(true);
expectType<MutuallyAssignable<OrderDetailsInteractive, Hand.OrderDetailsInteractive>>(true);
expectType<MutuallyAssignable<OrderStatusInteractive, Hand.OrderStatusInteractive>>(true);
expectType<MutuallyAssignable<Interactive, Hand.Interactive>>(true);
expectType<MutuallyAssignable<InteractiveType, Hand.InteractiveType>>(true);
expectType<MutuallyAssignable<InteractiveMessage<ButtonInteractive>, Hand.InteractiveMessage<Hand.ButtonInteractive>>>(true);
expectType<MutuallyAssignable<InteractiveMessage<CarouselInteractive>, Hand.InteractiveMessage<Hand.CarouselInteractive>>>(true);
expectType<MutuallyAssignable<InteractiveMessage, Hand.InteractiveMessage>>(true);
expectType<MutuallyAssignable<TemplateTextParameter, Hand.TemplateTextParameter>>(true);
expectType<MutuallyAssignable<TemplateCurrencyParameter, Hand.TemplateCurrencyParameter>>(true);
expectType<MutuallyAssignable<TemplateDateTimeParameter, Hand.TemplateDateTimeParameter>>(true);
expectType<MutuallyAssignable<TemplateMediaParameter, Hand.TemplateMediaParameter>>(true);
expectType<MutuallyAssignable<TemplateLocationParameter, Hand.TemplateLocationParameter>>(true);
expectType<MutuallyAssignable<TemplateBodyParameter, Hand.TemplateBodyParameter>>(true);
expectType<MutuallyAssignable<TemplateHeaderParameter, Hand.TemplateHeaderParameter>>(true);
expectType<MutuallyAssignable<TemplateButtonParameter, Hand.TemplateButtonParameter>>(true);
expectType<MutuallyAssignable<TemplateButtonSubType, Hand.TemplateButtonSubType>>(true);
expectType<MutuallyAssignable<TemplateButtonComponent, Hand.TemplateButtonComponent>>(true);
expectType<MutuallyAssignable<TemplateCardComponent, Hand.TemplateCardComponent>>(true);
expectType<MutuallyAssignable<TemplateComponent, Hand.TemplateComponent>>(true);
expectType<MutuallyAssignable<TemplateMessage, Hand.TemplateMessage>>(true);

// The check can fail: a field more, a field optional that was required, a wider or a narrower field.
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<TextMessage, Hand.TextMessage & { readonly text: { readonly foo: string } }>>(true);
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<Partial<TextMessage>, Hand.TextMessage>>(true);
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<LocationMessage["location"], Hand.TemplateLocation>>(true);
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<PinMessage, Hand.PinMessage & { readonly recipient_type: "individual" }>>(true);
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<TemplateComponent, Hand.TemplateComponent | { readonly type: "footer" }>>(true);
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<TemplateButtonSubType, Hand.TemplateButtonSubType | "voice_call">>(true);

// What the table had to learn to say (rules/wire-types.ts): a message's `type` is required though the API reads
// its absence as text; a location message's coordinates are numbers though the API takes numeric strings; a pin
// goes to a group; exactly one of a media `id` or `link`.
// @ts-expect-error Property 'type' is missing
const untyped: TextMessage = { messaging_product: "whatsapp", to: "16505551234", text: { body: "hi" } };
// @ts-expect-error Type 'string' is not assignable to type 'number'.
const stringCoordinates: LocationMessage["location"] = { latitude: "37.4", longitude: -122.1 };
const pinToPerson: PinMessage = {
  messaging_product: "whatsapp",
  // @ts-expect-error Type '"individual"' is not assignable to type '"group"'.
  recipient_type: "individual",
  type: "pin",
  pin: { type: "unpin", message_id: "wamid.X" },
};
// @ts-expect-error Type 'string' is not assignable to type 'undefined'.
const bothSources: MediaSource = { id: "1", link: "https://example.com/a.png" };
// A carousel's cards are all media cards or all product cards; a media card's action is a URL button or quick replies.
const mediaCard: MediaCard = {
  card_index: 0,
  type: "cta_url",
  header: { type: "image", image: { link: "https://example.com/a.png" } },
  action: { name: "cta_url", parameters: { display_text: "Open", url: "https://example.com" } },
};
const productCard: ProductCard = { card_index: 1, type: "product", action: { product_retailer_id: "sku", catalog_id: "1" } };
// @ts-expect-error Type '(MediaCard | ProductCard)[]' is not assignable to type 'readonly MediaCard[] | readonly ProductCard[]'.
const mixed: CarouselInteractive["action"] = { cards: [mediaCard, productCard] };
// @ts-expect-error Type '{ buttons: never[]; name: "cta_url"; }' is not assignable to type
const urlAndReplies: MediaCard["action"] = { buttons: [], name: "cta_url" };

// Where the API takes more than builders write, the type says what builders write, as the hand types did: mutual
// assignability cannot see it (an optional field more or less), an object literal can.
const unpinForDays: PinMessage["pin"] = {
  type: "unpin",
  message_id: "wamid.X",
  // @ts-expect-error Object literal may only specify known properties, and 'expiration_days' does not exist
  expiration_days: 3,
};
const pinForDays: PinMessage["pin"] = { type: "pin", message_id: "wamid.X", expiration_days: 3 };
const namedHeaderDocument: InteractiveHeader = {
  type: "document",
  // @ts-expect-error Object literal may only specify known properties, and 'filename' does not exist
  document: { link: "https://example.com/a.pdf", filename: "a.pdf" },
};
// A location request, a voice call and a contact-info request take no footer: none of the three has the member.
expectType<
  Equal<Extract<keyof LocationRequestInteractive | keyof VoiceCallInteractive | keyof RequestContactInfoInteractive, "footer">, never>
>(true);
// The template's: a voice_call button has no index, every other button one (a string), the header takes no product
// (builders write none) and its document no filename, a date_time parameter only its fallback value.
const voiceCallIndex: TemplateComponent = {
  type: "button",
  sub_type: "voice_call",
  // @ts-expect-error Object literal may only specify known properties, and 'index' does not exist
  index: "0",
  parameters: [{ type: "ttl_minutes", ttl_minutes: 60 }],
};
// @ts-expect-error Property 'index' is missing
const urlWithoutIndex: TemplateComponent = { type: "button", sub_type: "url", parameters: [{ type: "text", text: "x" }] };
const numericIndex: TemplateButtonComponent = {
  type: "button",
  sub_type: "quick_reply",
  // @ts-expect-error Type 'number' is not assignable to type 'string'.
  index: 0,
  parameters: [{ type: "payload", payload: "yes" }],
};
// @ts-expect-error Type '"product"' is not assignable to type
const productHeader: TemplateHeaderParameter = { type: "product", product: { catalog_id: "1", product_retailer_id: "sku" } };
const templateDocumentName: TemplateMediaParameter = {
  type: "document",
  // @ts-expect-error Object literal may only specify known properties, and 'filename' does not exist
  document: { id: "1", filename: "a.pdf" },
};
const calendarFields: TemplateDateTimeParameter = {
  type: "date_time",
  // @ts-expect-error Object literal may only specify known properties, and 'year' does not exist
  date_time: { fallback_value: "May 1", year: 2026 },
};
void [untyped, stringCoordinates, pinToPerson, bothSources, mixed, urlAndReplies, unpinForDays, pinForDays];
void [namedHeaderDocument];
void [voiceCallIndex, urlWithoutIndex, numericIndex, productHeader, templateDocumentName, calendarFields];
