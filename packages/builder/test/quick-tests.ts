import type { Kind, KindRules } from "../src/rules/message-of.js";
import { audioRules } from "../src/rules/quick/audio.generated.js";
import { contactsRules } from "../src/rules/quick/contacts.generated.js";
import { documentRules } from "../src/rules/quick/document.generated.js";
import { imageRules } from "../src/rules/quick/image.generated.js";
import { interactiveRules } from "../src/rules/quick/interactive.generated.js";
import { locationRules } from "../src/rules/quick/location.generated.js";
import { pinRules } from "../src/rules/quick/pin.generated.js";
import { reactionRules } from "../src/rules/quick/reaction.generated.js";
import { stickerRules } from "../src/rules/quick/sticker.generated.js";
import { templateRules } from "../src/rules/quick/template.generated.js";
import { textRules } from "../src/rules/quick/text.generated.js";
import { videoRules } from "../src/rules/quick/video.generated.js";

/** Every kind's generated rules (rules/quick/), by kind. */
export const kindRules: { readonly [K in Kind]: KindRules<K> } = {
  text: textRules,
  reaction: reactionRules,
  image: imageRules,
  video: videoRules,
  document: documentRules,
  audio: audioRules,
  sticker: stickerRules,
  location: locationRules,
  contacts: contactsRules,
  interactive: interactiveRules,
  template: templateRules,
  pin: pinRules,
};

/** The quick test of a message body's kind (an absent `type` is text, as the API reads it). */
export function quickTest(body: { readonly type?: unknown }): boolean {
  const type = body.type ?? "text";
  return typeof type === "string" && Object.hasOwn(kindRules, type) ? kindRules[type as Kind].passes(body) : false;
}
