import { audio } from "../kinds/audio.js";
import { document } from "../kinds/document.js";
import { type KindHost, placeKinds } from "../kinds/host.js";
import { image } from "../kinds/image.js";
import { sticker } from "../kinds/sticker.js";
import { template } from "../kinds/template.js";
import { text } from "../kinds/text.js";
import { video } from "../kinds/video.js";
import { type Addressing, addressingKey } from "./message-base.js";

/**
 * What every recipient can receive, a group as well as a person: text, media and templates
 * [api-2026.md §3]. `Recipient` (a person) adds the rest; `GroupRecipient` adds pins.
 * Each method is a kind (src/kinds/) placed on the prototype: the same functions
 * `createMsg({ text, … })` composes, so both entries build through one path.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface names the kinds placeKinds() puts on the prototype below
export abstract class AnyRecipient implements KindHost {
  /** @internal Assigned in the constructor, not declared as a class field: a declared field costs every `msg.to(n)` a slow define (Node 20). */
  declare readonly [addressingKey]: Addressing;

  /** @internal */
  constructor(addressing: Addressing) {
    this[addressingKey] = addressing;
  }
}

export interface AnyRecipient {
  /** A text message of 1 to 4096 characters; `previewUrl` renders the first link. */
  text: typeof text;
  /** A JPEG or PNG image, by uploaded `id` or http(s) `link`. */
  image: typeof image;
  /** An MP4 or 3GP video, by uploaded `id` or http(s) `link`. */
  video: typeof video;
  /** A document; the `filename` extension decides how WhatsApp shows it. */
  document: typeof document;
  /** An audio file; audio takes no caption. `voice: true` sends an Ogg/Opus file as a voice note. */
  audio: typeof audio;
  /** A WebP sticker; stickers take no caption. */
  sticker: typeof sticker;
  /** A template message by name; `.language(code)` comes next, then its parameters. */
  template: typeof template;
}

placeKinds(AnyRecipient.prototype, { text, image, video, document, audio, sticker, template });
