import { limits } from "../limits.js";
import { link, mediaSource, textObject } from "./common.js";
import { linkOrReplies, sameCards } from "./interactive-refinements.js";
import { array, number, object, oneOf, optional, required, string, union } from "./rule.js";

const { cards, cardBody, quickReplies } = limits.carousel;

/** A card's body: at most 160 characters and 2 line breaks [M-MC]. */
const cardText = string({ ...cardBody, pattern: /^[^\n]*(?:\n[^\n]*){0,2}$/, format: "text with at most 2 line breaks" });
const cardIndex = required(number({ min: 0, max: cards.max - 1, integer: true, expected: `an integer 0 to ${cards.max - 1}` }));
const cardMedia = mediaSource({}, "a card's media takes only id or link");

const quickReply = object({
  type: required(oneOf(["quick_reply"])),
  quick_reply: required(object({ id: required(string(limits.buttons.id)), title: required(string(limits.buttons.title)) })),
});

/** A media card: an image or video header, an optional body, and one URL button or quick replies [M-MC]. */
const mediaCard = object({
  card_index: cardIndex,
  header: required(union("type", { image: object({ image: required(cardMedia) }), video: object({ video: required(cardMedia) }) })),
  body: optional(textObject(cardText)),
  action: required(
    object(
      {
        name: optional(oneOf(["cta_url"])),
        parameters: optional(object({ display_text: required(string(limits.ctaUrl.displayText)), url: required(link) })),
        buttons: optional(array(quickReply, { min: 1, max: Number.POSITIVE_INFINITY, warnAbove: quickReplies.max, noun: "quick reply" })),
      },
      { refine: [linkOrReplies] },
    ),
  ),
});

/** A product card: one product of the carousel's catalog [M-PC]. */
const productCard = object({
  card_index: cardIndex,
  action: required(object({ product_retailer_id: required(string()), catalog_id: required(string({ numberIsWarning: true })) })),
});

/** `interactive.action` of a carousel: 2–10 cards of one kind. */
export const carouselAction = object({
  cards: required(
    array(
      union(
        "type",
        { cta_url: mediaCard, product: productCard },
        { expected: (got) => `cards are cta_url (media) or product cards; got ${got}` },
      ),
      {
        ...cards,
        noun: "card",
        refine: [sameCards],
      },
    ),
  ),
});

/** A voice_call button [M-CALL]: label, how long it stays (minutes) and a payload, all optional. */
export const voiceCallAction = object({
  name: required(oneOf(["voice_call"])),
  parameters: optional(
    object({
      display_text: optional(string(limits.voiceCall.displayText)),
      ttl_minutes: optional(number({ ...limits.voiceCall.ttlMinutes, integer: true, expected: "an integer (minutes)" })),
      payload: optional(string(limits.voiceCall.payload)),
    }),
  ),
});
