import { templateCreationLimits } from "../limits.js";
import { checkButtons } from "./buttons.js";
import { type CheckContext, field, isObject, type JsonObject, kindOf, knownFields, show, upper } from "./read.js";
import { checkBody, checkHeader } from "./text-components.js";

const cards = templateCreationLimits.carousel;

/**
 * A CAROUSEL component [templates-management.md §2.6]: MARKETING only; 2–10 media cards (or
 * exactly 2 product cards) with the same components: an IMAGE or VIDEO (PRODUCT) header, an
 * optional body ≤ 160 on every card or none, at most 2 buttons with at most 1 quick reply.
 */
export function checkCarousel(context: CheckContext, component: JsonObject, path: string): void {
  const { out, category } = context;
  knownFields(context, component, ["type", "cards"], path);
  if (category !== undefined && category !== "MARKETING")
    out.add("carousel-category", `${path}.type`, `a carousel is for MARKETING templates only, got ${category}`);
  const list = field(component, "cards");
  if (!Array.isArray(list)) {
    out.add("carousel-card-count", `${path}.cards`, `expected ${cards.cards.min} to ${cards.cards.max} cards, got ${kindOf(list)}`);
    return;
  }
  const shapes = list.slice(0, cards.cards.max + 1).map((card, index) => checkCard(context, card, `${path}.cards[${index}]`));
  const product = shapes.some((shape) => shape?.header === "PRODUCT");
  if (product ? list.length !== cards.productCards : list.length < cards.cards.min || list.length > cards.cards.max)
    out.add(
      "carousel-card-count",
      `${path}.cards`,
      product
        ? `a product card carousel is created with exactly ${cards.productCards} cards, got ${list.length}`
        : `expected ${cards.cards.min} to ${cards.cards.max} cards, got ${list.length}`,
    );
  const [first, ...rest] = shapes;
  if (first === undefined) return;
  rest.forEach((shape, index) => {
    if (shape === undefined) return;
    if (shape.body !== first.body)
      out.add("carousel-card-bodies", `${path}.cards[${index + 1}]`, "if one card has a body, every card must have one");
    else if (shape.signature !== first.signature)
      out.add(
        "carousel-cards-same",
        `${path}.cards[${index + 1}]`,
        `every card has the same components: card 0 has ${first.signature}, this one ${shape.signature}`,
      );
  });
}

interface CardShape {
  readonly header: string | undefined;
  readonly body: boolean;
  /** Component types, header format and button types, in order: what must match across cards. */
  readonly signature: string;
}

function checkCard(context: CheckContext, card: unknown, path: string): CardShape | undefined {
  const { out } = context;
  if (!isObject(card) || !Array.isArray(field(card, "components"))) {
    out.add("field-type", path, `expected a card { components: [...] }, got ${isObject(card) ? "no components array" : kindOf(card)}`);
    return undefined;
  }
  knownFields(context, card, ["components"], path);
  const parts: string[] = [];
  let header: string | undefined;
  let body = false;
  (field(card, "components") as unknown[]).slice(0, 5).forEach((component, index) => {
    const at = `${path}.components[${index}]`;
    const type = isObject(component) ? upper(field(component, "type")) : undefined;
    if (!isObject(component) || type === undefined) {
      out.add("field-type", at, `expected a component object with a type, got ${kindOf(component)}`);
      return;
    }
    if (type === "HEADER") {
      header = upper(field(component, "format"));
      if (header !== "IMAGE" && header !== "VIDEO" && header !== "PRODUCT")
        out.add(
          "carousel-card-header",
          `${at}.format`,
          `a card header is IMAGE or VIDEO (PRODUCT in a product carousel), got ${show(field(component, "format"))}`,
        );
      else checkHeader(context, component, at);
      parts.push(`HEADER ${header}`);
    } else if (type === "BODY") {
      body = true;
      checkBody(context, component, at, cards.cardBody.max);
      parts.push("BODY");
    } else if (type === "BUTTONS") {
      const types = checkButtons(context, component, at);
      const allowed = header === "PRODUCT" ? ["SPM", "URL"] : ["QUICK_REPLY", "URL", "PHONE_NUMBER"];
      if (types.length > cards.cardButtons.max || types.some((t) => t !== undefined && !allowed.includes(t)))
        out.add(
          "carousel-card-buttons",
          `${at}.buttons`,
          `at most ${cards.cardButtons.max} buttons of ${allowed.join(", ")} per card, got ${types.join(", ")}`,
        );
      const quickReplies = types.filter((t) => t === "QUICK_REPLY").length;
      if (quickReplies > cards.cardQuickReplies.max)
        out.add(
          "carousel-card-quick-replies",
          `${at}.buttons`,
          `at most ${cards.cardQuickReplies.max} quick reply per card, got ${quickReplies}`,
        );
      parts.push(`BUTTONS ${types.join("+")}`);
    } else {
      out.add("component-type", `${at}.type`, `a card holds HEADER, BODY and BUTTONS, got ${show(field(component, "type"))}`);
    }
  });
  if (header === undefined) out.add("carousel-card-header", `${path}.components`, "every card needs an IMAGE or VIDEO header");
  return { header, body, signature: parts.join(", ") || "nothing" };
}
