import type { envelopeFields } from "./envelope.js";
import type { Kind } from "./message-of.js";
import { type Field, oneOf } from "./rule.js";

// How each message kind reads in the wire types users import: its type's name and comment, and the module of
// payload/ it is written to (`pnpm gen`, scripts/wire-types.mjs). A new kind is a compile error here until it
// has its entry.

/** A kind whose type is generated from its rule. */
export interface GeneratedMessageType {
  /** The exported interface: `TextMessage`. */
  readonly name: string;
  readonly doc?: string;
  /** Written to `payload/<module>.generated.ts`; kinds sharing a module are also exported as one union (`groups`). */
  readonly module: string;
  /** Envelope fields this kind narrows, with the rule that says so (a pin goes to a group only: groupsTakeSomeKinds). */
  readonly narrows?: { readonly [K in keyof typeof envelopeFields]?: Field };
  /** The type is generic in its content, by this parameter (`InteractiveMessage<I extends Interactive = Interactive>`). */
  readonly contentParameter?: string;
}

/** A kind whose type is still written by hand (payload/<module>.ts); test/wire-types keeps its keys to the rule. */
export interface HandWrittenMessageType {
  readonly handWritten: string;
}

export const messageTypes: { readonly [K in Kind]: GeneratedMessageType | HandWrittenMessageType } = {
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
  template: { handWritten: "template" },
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
