import type { AnyBodyRules, Kind } from "../src/rules/message-of.js";
import { audioRulesForAnyBody } from "../src/rules/quick/audio.generated.js";
import { contactsRulesForAnyBody } from "../src/rules/quick/contacts.generated.js";
import { documentRulesForAnyBody } from "../src/rules/quick/document.generated.js";
import { imageRulesForAnyBody } from "../src/rules/quick/image.generated.js";
import { interactiveRulesForAnyBody } from "../src/rules/quick/interactive.generated.js";
import { locationRulesForAnyBody } from "../src/rules/quick/location.generated.js";
import { pinRulesForAnyBody } from "../src/rules/quick/pin.generated.js";
import { reactionRulesForAnyBody } from "../src/rules/quick/reaction.generated.js";
import { stickerRulesForAnyBody } from "../src/rules/quick/sticker.generated.js";
import { templateRulesForAnyBody } from "../src/rules/quick/template.generated.js";
import { textRulesForAnyBody } from "../src/rules/quick/text.generated.js";
import { videoRulesForAnyBody } from "../src/rules/quick/video.generated.js";

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

/** The quick test of a message body's kind (an absent `type` is text, as the API reads it). */
export function quickTest(body: { readonly type?: unknown }): boolean {
  const type = body.type ?? "text";
  return typeof type === "string" && Object.hasOwn(kindRules, type) ? kindRules[type as Kind].passes(body) : false;
}
