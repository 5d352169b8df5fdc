import { limits } from "../limits.js";
import { exactlyOneOf, link, mediaSource, textObject } from "./common.js";
import { isObject, type JsonObject, show } from "./report.js";
import { array, number, object, oneOf, optional, required, string, type TestedRefinement, union } from "./rule.js";

const { cards, cardBody, quickReplies } = limits.carousel;

/** A card's body: at most 160 characters and 2 line breaks [M-MC]. */
const cardText = string({ ...cardBody, pattern: /^[^\n]*(?:\n[^\n]*){0,2}$/, format: "text with at most 2 line breaks" });
const cardIndex = required(number({ min: 0, max: cards.max - 1, integer: true, expected: `an integer 0 to ${cards.max - 1}` }));
const cardMedia = mediaSource({}, "a card's media takes only id or link");

const quickReply = object({
  type: required(oneOf(["quick_reply"])),
  quick_reply: required(object({ id: required(string(limits.buttons.id)), title: required(string(limits.buttons.title)) })),
});

/** A media card's action: a URL button or quick replies, one of them [M-MC]. */
export const linkOrReplies = exactlyOneOf("parameters", "buttons");

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

const kindOf = (card: unknown): string => {
  if (!isObject(card)) return "";
  const action = isObject(card.action) ? card.action : {};
  if (card.type === "product") return `product:${String(action.catalog_id)}`;
  return Array.isArray(action.buttons) ? `quick replies:${action.buttons.length}` : "url button";
};

/** Every card the same: one catalog for product cards, the same button kind and count for media cards [M-MC, M-PC]. */
export const sameCards: TestedRefinement<readonly unknown[]> = {
  doc: "cards are alike: the same kind, the same button kind and count, one catalog; `card_index` unique",
  test(list) {
    const first = kindOf(list[0]);
    for (let i = 1; i < list.length; i++) if (kindOf(list[i]) !== first) return false;
    for (let i = 1; i < list.length; i++)
      for (let j = 0; j < i; j++) if ((list[i] as JsonObject).card_index === (list[j] as JsonObject).card_index) return false;
    return true;
  },
  explain(list, report) {
    const first = kindOf(list[0]);
    const indexes = new Set<unknown>();
    list.forEach((card, index) => {
      if (!isObject(card)) return;
      report.enter(index);
      if (index > 0 && kindOf(card) !== first)
        report.add(undefined, "conflict", `every card must be like the first (${first}), got ${kindOf(card)}`);
      if (indexes.has(card.card_index)) report.add("card_index", "duplicate", `card_index ${show(card.card_index)} is used twice`);
      indexes.add(card.card_index);
      report.leave();
    });
  },
};

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
