import type { AnyBodyRules, Kind, KindRules } from "../src/rules/message-of.js";
import { audioRules, audioRulesForAnyBody } from "../src/rules/quick/audio.generated.js";
import { contactsRules, contactsRulesForAnyBody } from "../src/rules/quick/contacts.generated.js";
import { documentRules, documentRulesForAnyBody } from "../src/rules/quick/document.generated.js";
import { imageRules, imageRulesForAnyBody } from "../src/rules/quick/image.generated.js";
import { interactiveRules, interactiveRulesForAnyBody } from "../src/rules/quick/interactive.generated.js";
import { locationRules, locationRulesForAnyBody } from "../src/rules/quick/location.generated.js";
import { pinRules, pinRulesForAnyBody } from "../src/rules/quick/pin.generated.js";
import { reactionRules, reactionRulesForAnyBody } from "../src/rules/quick/reaction.generated.js";
import { stickerRules, stickerRulesForAnyBody } from "../src/rules/quick/sticker.generated.js";
import { templateRules, templateRulesForAnyBody } from "../src/rules/quick/template.generated.js";
import { textRules, textRulesForAnyBody } from "../src/rules/quick/text.generated.js";
import { videoRules, videoRulesForAnyBody } from "../src/rules/quick/video.generated.js";

/** Every kind's generated rules for any body (rules/quick/), by kind. */
export const kindRules: { readonly [K in Kind]: AnyBodyRules<K> } = {
  text: textRulesForAnyBody,
  reaction: reactionRulesForAnyBody,
  image: imageRulesForAnyBody,
  video: videoRulesForAnyBody,
  document: documentRulesForAnyBody,
  audio: audioRulesForAnyBody,
  sticker: stickerRulesForAnyBody,
  location: locationRulesForAnyBody,
  contacts: contactsRulesForAnyBody,
  interactive: interactiveRulesForAnyBody,
  template: templateRulesForAnyBody,
  pin: pinRulesForAnyBody,
};

/** Every kind's rules as its builders use them (rules/quick/: the builder path's check and explanation), by kind. */
export const builtKindRules: { readonly [K in Kind]: KindRules<K> } = {
  audio: audioRules,
  contacts: contactsRules,
  document: documentRules,
  image: imageRules,
  interactive: interactiveRules,
  location: locationRules,
  pin: pinRules,
  reaction: reactionRules,
  sticker: stickerRules,
  template: templateRules,
  text: textRules,
  video: videoRules,
};

/** The quick test of a message body's kind (an absent `type` is text, as the API reads it). */
export function quickTest(body: { readonly type?: unknown }): boolean {
  const type = body.type ?? "text";
  return typeof type === "string" && Object.hasOwn(kindRules, type) ? kindRules[type as Kind].passes(body) : false;
}
