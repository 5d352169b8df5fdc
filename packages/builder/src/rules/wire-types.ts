import { interactiveTypes } from "../limits.js";
import { idOrLink } from "./common.js";
import { contact, contactAddress, contactName, contactPhone } from "./contacts.js";
import { envelopeFields } from "./envelope.js";
import { interactive } from "./interactive.js";
import { location } from "./location.js";
import { markReadBody } from "./mark-read.js";
import { document, image, video } from "./media.js";
import type { Kind } from "./message-of.js";
import { daysOnlyWhenPinning } from "./pin-refinements.js";
import { type ArrayRule, type EnumRule, type Field, type ObjectRule, oneOf, type Rule, type UnionRule } from "./rule.js";
import { productSections } from "./sections.js";
import { template } from "./template.js";
import { indexAndCount } from "./template-refinements.js";
import { text } from "./text.js";

// How the rule table reads as the wire types users import (wire/*.generated.ts, written by `pnpm gen` through
// scripts/wire-types.mjs): the name and comment of each type, the comments of fields, and where the bodies builders
// write are narrower than what the API takes. Read by the generator only, never by a check or a builder, so none
// of it is in a bundle. Keyed by the table's own rule objects: a rule that is renamed or moved is a compile error
// here, and an entry the generator never meets fails `pnpm gen`.

/** A type's name (it is exported under it and referred to by it) and comment. */
export interface Wire {
  readonly name?: string;
  readonly doc?: string;
  /** A refinement's: exactly one of these two fields is present, so the type is a union of the two. */
  readonly exactlyOne?: readonly [string, string];
  /**
   * An object's: the bodies take one of these sets of its fields, each field of the set present and the other sets'
   * fields absent (a carousel card's action: a URL button, `name` and `parameters`, or quick replies, `buttons`).
   */
  readonly variants?: readonly (readonly string[])[];
  /** An array of a union's: every entry is the same case (a carousel's cards), so the type is a union of arrays. */
  readonly sameCase?: true;
  /** A union's: the values of its key, exported under this name (`InteractiveType`). */
  readonly keyName?: string;
  /**
   * A refinement's: the object differs by the value of its enum field `key` (a pin's `type`, a template button's
   * `sub_type`), so the type is a union of one object per group of values, with some fields required or left out.
   */
  readonly byValue?: { readonly key: string; readonly cases: readonly ValueCase[] };
  /** A union's: cases the API takes but no builder writes, left out of the type (a template's product header). */
  readonly unwrittenCases?: readonly string[];
  /** A union's: some of its cases also exported as a union of their own (`TemplateMediaParameter`: image, video, document). */
  readonly subsets?: { readonly [name: string]: readonly string[] };
  /**
   * An object's: typed as the named type of another rule, declared before it, though its own rule takes less (a
   * template card's buttons are typed as the template's, as they were written by hand).
   */
  readonly typedAs?: string;
}

/** One group of values of a `byValue` key: the object type when the key holds one of them. */
export interface ValueCase {
  readonly values: readonly string[];
  /** Fields optional in the rule but present in every body with these values. */
  readonly required?: readonly string[];
  /** Fields the bodies with these values never have: left out. */
  readonly absent?: readonly string[];
  /** The object type's name and comment (a comment alone is written on the union's case). */
  readonly name?: string;
  readonly doc?: string;
  /** The values, exported under this name (`TemplateButtonSubType`). */
  readonly valuesName?: string;
}

/** A field's comment, and where builders write less than the API takes. */
export interface FieldWire {
  readonly doc?: string;
  /** The API takes the field's absence, but every body a builder writes has it: required in the type. */
  readonly required?: true;
  /** The API takes a numeric string too, but builders write numbers: `number` in the type. */
  readonly numbersOnly?: true;
  /** The API takes an integer too, but builders write strings: `string` in the type (a template button's index). */
  readonly stringsOnly?: true;
  /** The API takes the field, but no builder writes it: left out of the type (a header document's `filename`). */
  readonly unwritten?: true;
}

const caseOf = (rule: UnionRule, value: string): ObjectRule => rule.cases[value] as ObjectRule;
const fieldOf = (rule: ObjectRule, name: string): Rule => (rule.fields[name] as Field).rule;
const actionOf = (type: (typeof interactiveTypes)[number]): ObjectRule => fieldOf(caseOf(interactive, type), "action") as ObjectRule;
const carouselCards = fieldOf(actionOf("carousel"), "cards") as ArrayRule;
const mediaCard = caseOf(carouselCards.item as UnionRule, "cta_url");
const listSections = fieldOf(actionOf("list"), "sections") as ArrayRule;
const listSection = listSections.item as ObjectRule;
const itemOf = (rule: Rule): Rule => (rule as ArrayRule).item;
const mediaHeaderDocument = fieldOf(caseOf(fieldOf(caseOf(interactive, "button"), "header") as UnionRule, "document"), "document");

const templateComponent = itemOf(fieldOf(template, "components")) as UnionRule;
const templateButton = caseOf(templateComponent, "button");
const templateCard = itemOf(fieldOf(caseOf(templateComponent, "carousel"), "cards")) as ObjectRule;
const templateCardComponent = itemOf(fieldOf(templateCard, "components")) as UnionRule;
const headerParameter = itemOf(fieldOf(caseOf(templateComponent, "header"), "parameters")) as UnionRule;
const bodyParameter = itemOf(fieldOf(caseOf(templateComponent, "body"), "parameters")) as UnionRule;
const buttonParameter = itemOf(fieldOf(templateButton, "parameters")) as UnionRule;
const dateTime = fieldOf(caseOf(bodyParameter, "date_time"), "date_time") as ObjectRule;
const textParameter: Wire = { name: "TemplateTextParameter" };

/** An interactive type's interface: `button` is `ButtonInteractive`, `catalog_message` is `CatalogInteractive`. */
const interactiveName = (type: string): string =>
  `${type.replace(/_message$/, "").replace(/(^|_)(\w)/g, (_, __, letter: string) => letter.toUpperCase())}Interactive`;

/** Each interactive type's doc comment; its name follows from the type (interactiveName). */
const interactiveDocs: { readonly [K in (typeof interactiveTypes)[number]]: string } = {
  button: "Reply buttons: 1 to 3 [§7.2].",
  list: "A list: a button that opens up to 10 rows in up to 10 sections [§7.3].",
  product: "One product; the body is optional and a header is not allowed [§7.4].",
  product_list: "Several products in sections; a text header is required [§7.5].",
  catalog_message: "The catalog, optionally with a thumbnail product [§7.6].",
  flow: "A WhatsApp Flow [§7.7].",
  cta_url: "A call-to-action URL button [§7.8].",
  location_request_message: "Asks the user to share their location [§7.9].",
  address_message: "An address form to fill in (India) [§7.10].",
  call_permission_request: "Asks the user's permission to call them [api-2026.md §4]; the body is optional.",
  carousel: "A carousel of 2 to 10 cards, all media cards or all product cards [api-2026.md §4].",
  voice_call: "A button that starts a WhatsApp call to the business [api-2026.md §4].",
  request_contact_info: "Asks the user to share their contact details (their phone number) [api-2026.md §4].",
  order_details: "An order to review and pay (payments in India and Brazil) [api-2026.md §4].",
  order_status: "An order's status after payment [api-2026.md §4].",
};

const interactiveText: Wire = { name: "InteractiveText" };
const captioned: Wire = { name: "CaptionedMedia", doc: "Image and video accept a caption." };
const paymentParameters: Wire = {
  name: "PaymentParameters",
  doc: "The parameters of a payment message: they differ by country and integration [api-2026.md §4, M-pay].",
};
const everyHeader: Wire = {
  name: "InteractiveHeader",
  doc: "A text header (with optional sub-text) or a media header [cloud-api.md §7.1].",
};

/** The name and comment of each named type, by the rule (or refinement) it is read from. */
export const wireNames = new Map<object, Wire>([
  [
    idOrLink,
    {
      name: "MediaSource",
      doc: "Exactly one of an uploaded media `id` or an http(s) `link` [cloud-api.md §4].",
      exactlyOne: ["id", "link"],
    },
  ],
  [image, captioned],
  [video, captioned],
  [document, { name: "DocumentMedia", doc: "Documents accept a caption and a filename (its extension decides how WhatsApp shows it)." }],
  [markReadBody, { name: "MarkReadRequest", doc: "Marks an incoming message (and earlier ones in the thread) as read [cloud-api.md §9]." }],
  [contactName, { name: "ContactNamePayload", doc: "`formatted_name` plus at least one other part is required [cloud-api.md §6]." }],
  [contactAddress, { name: "ContactAddressPayload" }],
  [fieldOf(contactAddress, "type"), { name: "ContactInfoType" }],
  [fieldOf(contactPhone, "type"), { name: "PhoneType" }],
  [contact, { name: "ContactPayload" }],
  [interactive, { name: "Interactive", keyName: "InteractiveType" }],
  ...interactiveTypes.map((type): [object, Wire] => [
    caseOf(interactive, type),
    { name: interactiveName(type), doc: interactiveDocs[type] },
  ]),
  [fieldOf(caseOf(interactive, "button"), "header"), everyHeader],
  [fieldOf(caseOf(interactive, "cta_url"), "header"), everyHeader],
  ...interactiveTypes.flatMap((type) =>
    ["body", "footer"]
      .filter((part) => part in caseOf(interactive, type).fields)
      .map((part): [object, Wire] => [fieldOf(caseOf(interactive, type), part), interactiveText]),
  ),
  [fieldOf(mediaCard, "body"), interactiveText],
  [(fieldOf(listSection, "rows") as ArrayRule).item, { name: "ListRow" }],
  [listSection, { name: "ListSection" }],
  [productSections.item, { name: "ProductSection" }],
  [fieldOf(actionOf("flow"), "parameters"), { name: "FlowParameters" }],
  [fieldOf(actionOf("order_details"), "parameters"), paymentParameters],
  [fieldOf(actionOf("order_status"), "parameters"), paymentParameters],
  [
    mediaCard,
    {
      name: "MediaCard",
      doc: "A media card of a carousel: an image or video, an optional body, one URL button or quick replies [api-2026.md §4].",
    },
  ],
  // Builders write a URL button with its name, or quick replies.
  [fieldOf(mediaCard, "action"), { variants: [["name", "parameters"], ["buttons"]] }],
  [
    caseOf(carouselCards.item as UnionRule, "product"),
    { name: "ProductCard", doc: "A product card of a carousel: one product of the carousel's catalog." },
  ],
  [carouselCards, { sameCase: true }],
  // An unpin names the message only.
  [daysOnlyWhenPinning, { byValue: { key: "type", cases: [{ values: ["pin"] }, { values: ["unpin"], absent: ["expiration_days"] }] } }],
  [templateComponent, { name: "TemplateComponent" }],
  [
    headerParameter,
    { name: "TemplateHeaderParameter", unwrittenCases: ["product"], subsets: { TemplateMediaParameter: ["image", "video", "document"] } },
  ],
  [caseOf(headerParameter, "text"), textParameter],
  [caseOf(headerParameter, "location"), { name: "TemplateLocationParameter" }],
  [bodyParameter, { name: "TemplateBodyParameter", doc: "Body parameters: text-based templates take only these three [§8.3]." }],
  [caseOf(bodyParameter, "text"), textParameter],
  [caseOf(bodyParameter, "currency"), { name: "TemplateCurrencyParameter" }],
  [caseOf(bodyParameter, "date_time"), { name: "TemplateDateTimeParameter" }],
  [buttonParameter, { name: "TemplateButtonParameter", doc: "A button's parameter, by `sub_type` [§8.3]." }],
  [
    indexAndCount,
    {
      byValue: {
        key: "sub_type",
        cases: [
          {
            values: (fieldOf(templateButton, "sub_type") as EnumRule).values.filter((value) => value !== "voice_call"),
            required: ["index"],
            name: "TemplateButtonComponent",
            doc: "A button component: its sub_type, position and parameter.",
            valuesName: "TemplateButtonSubType",
          },
          { values: ["voice_call"], absent: ["index"], doc: "A voice_call button has no index [api-2026.md §5]." },
        ],
      },
    },
  ],
  [templateCardComponent, { name: "TemplateCardComponent", doc: "The components of one card of a carousel template [api-2026.md §5]." }],
  // The rule takes quick_reply and url buttons on a card; the type has always taken the template's.
  [caseOf(templateCardComponent, "button"), { typedAs: "TemplateButtonComponent" }],
  [caseOf(templateComponent, "limited_time_offer"), { doc: "A limited-time offer's expiry, in Unix milliseconds [api-2026.md §5]." }],
  [
    caseOf(templateComponent, "tap_target_configuration"),
    { doc: "Where tapping the message leads, overriding the template's own target [api-2026.md §5; pywa only, unverified]." },
  ],
  [caseOf(templateComponent, "carousel"), { doc: "The cards of a carousel template, each with its own components [api-2026.md §5]." }],
]);

const parameterName = { parameter_name: { doc: "Named templates (`parameter_format: NAMED`) label each parameter [cloud-api.md §8.4]." } };
const asWritten = "The API also takes a string holding the number; builders write the number.";

/** Field comments and narrowings, by the object (or field list) the fields are of. */
export const fieldWires = new Map<object, { readonly [field: string]: FieldWire }>([
  [
    envelopeFields,
    {
      recipient_type: { doc: 'Optional for the API (default "individual"); the builder always sets it.' },
      to: { doc: "Phone number in international form (`+` optional) or WhatsApp ID; a group's id for groups." },
      recipient: { doc: "A business-scoped user id (`US.1349…`) [api-2026.md §2]; with `to` too, `to` wins." },
      context: { doc: "Set to reply to a message: the reply quotes it." },
      biz_opaque_callback_data: { doc: "Free-form tracking data echoed back in status webhooks, at most 512 characters." },
      recipient_identity_key_hash: { doc: "Deliver only if the user's identity key hash is still this one [api-2026.md §2.3]." },
    },
  ],
  [text, { preview_url: { doc: "Render a preview of the first http(s) URL in the body." } }],
  [location, { latitude: { doc: asWritten, numbersOnly: true }, longitude: { doc: asWritten, numbersOnly: true } }],
  [markReadBody, { typing_indicator: { doc: 'Shows "typing…" until you reply or for 25 seconds; also marks the message read.' } }],
  [contactAddress, { country_code: { doc: "Two-letter country code." } }],
  [contact, { birthday: { doc: "`YYYY-MM-DD`." } }],
  // Builders write a header document without a filename, and no footer where a kind shows none.
  [mediaHeaderDocument, { filename: { unwritten: true } }],
  [fieldOf(caseOf(headerParameter, "document"), "document"), { filename: { unwritten: true } }],
  ...(["location_request_message", "voice_call", "request_contact_info"] as const).map(
    (type): [object, { readonly [field: string]: FieldWire }] => [caseOf(interactive, type), { footer: { unwritten: true } }],
  ),
  [caseOf(headerParameter, "text"), parameterName],
  [caseOf(bodyParameter, "text"), parameterName],
  [caseOf(bodyParameter, "currency"), { ...parameterName, currency: { doc: "`amount_1000` is the amount × 1000: 10990 is 10.99." } }],
  [caseOf(bodyParameter, "date_time"), { ...parameterName, date_time: { doc: "The Cloud API always shows the fallback value." } }],
  // The older calendar fields are accepted and ignored; builders write the fallback value only.
  [
    dateTime,
    Object.fromEntries(
      Object.keys(dateTime.fields)
        .filter((name) => name !== "fallback_value")
        .map((name) => [name, { unwritten: true }]),
    ),
  ],
  [templateButton, { index: { doc: 'The button\'s position, "0" to "9".', stringsOnly: true } }],
  [fieldOf(caseOf(buttonParameter, "action"), "action"), { sections: { doc: "A multi-product (`mpm`) button's products." } }],
]);

/** The envelope's name and comment (wire/envelope.generated.ts). */
export const envelopeWire: Wire = {
  name: "Envelope",
  doc: "Fields shared by every message body [cloud-api.md §1].\nField names are the API's own, so a built body is exactly what is sent.",
};

/** Every message's `type`: optional for the API (it reads a body without one as text), but every builder writes it. */
export const messageFieldWires: { readonly [field: string]: FieldWire } = { type: { required: true } };

/** A kind whose type is generated from its rule. */
export interface GeneratedMessageType {
  /** The exported interface: `TextMessage`. */
  readonly name: string;
  readonly doc?: string;
  /** Written to `wire/<module>.generated.ts`; kinds sharing a module are also exported as one union (`groups`). */
  readonly module: string;
  /** Envelope fields this kind narrows, with the rule that says so (a pin goes to a group only: groupsTakeSomeKinds). */
  readonly narrows?: { readonly [K in keyof typeof envelopeFields]?: Field };
  /** The type is generic in its content, by this parameter (`InteractiveMessage<I extends Interactive = Interactive>`). */
  readonly contentParameter?: string;
}

/** Each message kind's type; a new kind is a compile error here until it has its entry. */
export const messageTypes: { readonly [K in Kind]: GeneratedMessageType } = {
  text: { name: "TextMessage", doc: "A text message [cloud-api.md §2].", module: "text" },
  reaction: {
    name: "ReactionMessage",
    doc: "A reaction to an earlier message; an empty `emoji` removes the reaction [cloud-api.md §3].",
    module: "reaction",
  },
  image: { name: "ImageMessage", module: "media" },
  video: { name: "VideoMessage", module: "media" },
  document: { name: "DocumentMessage", module: "media" },
  audio: {
    name: "AudioMessage",
    doc: "Audio takes no caption; `voice: true` plays an Ogg/Opus file as a voice note [api-2026.md §6].",
    module: "media",
  },
  sticker: { name: "StickerMessage", doc: "Stickers take no caption (WebP, 512×512).", module: "media" },
  location: {
    name: "LocationMessage",
    doc: "A location pin; `name` and `address` are optional (resolution cloud-api.md §13.10).",
    module: "location",
  },
  contacts: { name: "ContactsMessage", doc: "One to five contact cards.", module: "contacts" },
  interactive: {
    name: "InteractiveMessage",
    doc: "An interactive message, discriminated by `interactive.type`.",
    module: "interactive",
    contentParameter: "I",
  },
  template: {
    name: "TemplateMessage",
    doc: "A template message: an approved template, its language and its variable parts [§8].",
    module: "template",
  },
  pin: {
    name: "PinMessage",
    doc: "Pins a message in a group for 1 to 30 days, or unpins it [api-2026.md §3; libraries only].",
    module: "pin",
    narrows: { recipient_type: { rule: oneOf(["group"]), required: true } },
  },
};

/** The union of the kinds written to one module, and the name of their `type`s: `MediaMessage`, `MediaKind`. */
export const messageTypeGroups: { readonly [module: string]: { readonly name: string; readonly typeName: string } } = {
  media: { name: "MediaMessage", typeName: "MediaKind" },
};
