import type {
  AudioMessage,
  CaptionedMedia,
  ContactAddressPayload,
  ContactInfoType,
  ContactNamePayload,
  ContactPayload,
  ContactsMessage,
  DocumentMedia,
  DocumentMessage,
  ImageMessage,
  LocationMessage,
  MarkReadRequest,
  MediaKind,
  MediaMessage,
  MediaSource,
  PhoneType,
  PinMessage,
  ReactionMessage,
  StickerMessage,
  TextMessage,
  VideoMessage,
} from "@wacompose/builder";
import type * as Hand from "./fixtures/hand-wire-types.js";
import { expectType } from "./helpers.js";

// The wire types generated from the rule table (payload/*.generated.ts, `pnpm gen`) are the types that were written
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

// The check can fail: a field more, a field optional that was required, a wider or a narrower field.
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<TextMessage, Hand.TextMessage & { readonly text: { readonly foo: string } }>>(true);
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<Partial<TextMessage>, Hand.TextMessage>>(true);
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<LocationMessage["location"], Hand.TemplateLocation>>(true);
// @ts-expect-error Argument of type 'true' is not assignable to parameter of type 'false'.
expectType<MutuallyAssignable<PinMessage, Hand.PinMessage & { readonly recipient_type: "individual" }>>(true);

// What the table had to learn to say (rules/rule.ts `wire`): a message's `type` is required though the API reads
// its absence as text; a location message's coordinates are numbers though the API takes numeric strings; a pin
// goes to a group; exactly one of a media `id` or `link`.
// @ts-expect-error Property 'type' is missing
const untyped: TextMessage = { messaging_product: "whatsapp", to: "16505551234", text: { body: "hi" } };
// @ts-expect-error Type 'string' is not assignable to type 'number'.
const stringCoordinates: LocationMessage["location"] = { latitude: "37.4", longitude: -122.1 };
// @ts-expect-error Type '"individual"' is not assignable to type '"group"'.
const pinToPerson: PinMessage = {
  messaging_product: "whatsapp",
  recipient_type: "individual",
  type: "pin",
  pin: { type: "unpin", message_id: "wamid.X" },
};
// @ts-expect-error Type 'string' is not assignable to type 'undefined'.
const bothSources: MediaSource = { id: "1", link: "https://example.com/a.png" };
void [untyped, stringCoordinates, pinToPerson, bothSources];
