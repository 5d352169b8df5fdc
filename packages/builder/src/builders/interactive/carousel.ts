import type { limits } from "../../limits.js";
import type { MaxLength } from "../../type-checks.js";
import type { CarouselInteractive, InteractiveMessage, MediaCard, MediaSource, ProductCard } from "../../wire/index.js";
import { arrayArgument, objectArgument } from "../arguments.js";
import { copyData } from "../copy-data.js";
import { addressingKey } from "../message-base.js";
import { InteractiveBase, partsKey, stateKey } from "./interactive-base.js";
import { renderInteractive } from "./parts.js";

type MaxCards = typeof limits.carousel.cards.max;
type CardBody<B extends string> = MaxLength<B, typeof limits.carousel.cardBody.max, "interactive.action.cards.body.text">;
type Label<T extends string> = MaxLength<
  T,
  typeof limits.ctaUrl.displayText.max,
  "interactive.action.cards.action.parameters.display_text"
>;

/** A card's image or video. */
export type CardHeader = { readonly image: MediaSource } | { readonly video: MediaSource };

/** What a media card says and does: an optional body, and one URL button or quick replies (the same kind on every card). */
export type CardOptions<B extends string, T extends string> = { readonly body?: CardBody<B> } & (
  | { readonly button: { readonly text: Label<T>; readonly url: string } }
  | { readonly quickReplies: readonly { readonly id: string; readonly title: string }[] }
);

type Card = Omit<MediaCard, "card_index">;

declare const cardCount: unique symbol;

/**
 * A caller's value in a card as JSON.stringify will send it, taken at the call: an object's `toJSON` (a URL's, a Date's)
 * is called now, with the key the value is sent under, as JSON.stringify calls it. A builder is immutable: changing the
 * URL or the Date afterwards must not change a card already added (copyData keeps such objects as they are, by reference).
 * Anything else is left to copyData and validate() as before.
 */
function sentNow<T>(value: T, key: string): T {
  // Read once, as JSON.stringify reads it (a getter for toJSON runs once).
  const toJSON: unknown = typeof value === "object" && value !== null ? (value as { readonly toJSON?: unknown }).toJSON : undefined;
  return typeof toJSON === "function" ? (toJSON.call(value, key) as T) : value; // typed as given: validate() checks what it gives
}

/** A header's media (`{ link }` or `{ id }`) copied as `{ ...media }` copies it, each field as sent (`sentNow`). */
function mediaNow(media: MediaSource): MediaSource {
  const copy: Record<string, unknown> = { ...media };
  // Assigning over an own key: a "__proto__" one (JSON.parse makes them) is the copy's own field, not its prototype.
  for (const key of Object.keys(copy)) copy[key] = sentNow(copy[key], key);
  return copy as MediaSource; // checked by validate() at build time, as every media source is
}

/**
 * A card's action from its options, each read as given (a JavaScript caller can pass anything): a URL button or quick
 * replies, not both and not neither, and no key the card does not read — never one silently dropped.
 */
function cardAction(options: { readonly button?: unknown; readonly quickReplies?: unknown }): Card["action"] {
  const { button, quickReplies } = options;
  if (button !== undefined && quickReplies !== undefined) throw new TypeError("carousel card: a URL button or quick replies, not both");
  if (quickReplies !== undefined)
    return {
      buttons: arrayArgument(quickReplies as readonly unknown[], "carousel card quickReplies").map((reply, index) => {
        const { id, title } = objectArgument(
          reply as { readonly id: string; readonly title: string },
          `carousel card quickReplies[${index}]`,
          ["id", "title"],
        );
        return { type: "quick_reply" as const, quick_reply: { id: sentNow(id, "id"), title: sentNow(title, "title") } };
      }),
    };
  if (button === undefined) throw new TypeError("carousel card: needs a URL button (button) or quick replies (quickReplies)");
  const { text, url } = objectArgument(button as { readonly text: string; readonly url: string }, "carousel card button", ["text", "url"]);
  return { name: "cta_url", parameters: { display_text: sentNow(text, "display_text"), url: sentNow(url, "url") } };
}

/**
 * A carousel of media cards: a body, then 2 to 10 `.card()`s, each an image or video with a
 * URL button or quick replies. An 11th `.card()` and a `.build()` with fewer than 2 cards are
 * compile errors; validate() checks them at runtime too, and that every card has the same
 * button kind and count.
 *
 * @example
 * msg.to(n).carousel("Latest arrivals")
 *   .card({ image: { link: "https://example.com/a.jpg" } }, { body: "Blue Echeveria", button: { text: "Buy now", url: "https://example.com/a" } })
 *   .card({ image: { link: "https://example.com/b.jpg" } }, { body: "Zebra Haworthia", button: { text: "Buy now", url: "https://example.com/b" } })
 *   .build();
 */
export class CarouselBuilder<Cards extends readonly unknown[] = []> extends InteractiveBase<CarouselInteractive, readonly Card[]> {
  declare readonly [cardCount]: Cards;

  /** A media card; its body is at most 160 characters and 2 line breaks. */
  card<B extends string, T extends string>(
    ...card: Cards["length"] extends MaxCards
      ? [error: `interactive.action.cards: at most ${MaxCards} cards`, options?: unknown]
      : [header: CardHeader, options: CardOptions<B, T>]
  ): CarouselBuilder<[...Cards, unknown]>;
  card(header: unknown, options?: unknown): CarouselBuilder<[...Cards, unknown]> {
    const { body, ...rest } = objectArgument(options as CardOptions<string, string>, "carousel card", ["body", "button", "quickReplies"]);
    const media = objectArgument(header as CardHeader, "carousel card header");
    const cards = this[stateKey];
    // Copied now as at build (copy-data.ts): an object nested past the bound fails here, naming the card, not at build;
    // a value with a toJSON is read now (sentNow).
    const rendered = copyData<Card>(
      {
        type: "cta_url",
        header: "video" in media ? { type: "video", video: mediaNow(media.video) } : { type: "image", image: mediaNow(media.image) },
        ...(body === undefined ? {} : { body: { text: sentNow(body, "text") } }),
        action: cardAction(rest),
      },
      cardPlace(cards.length),
    );
    return new CarouselBuilder<[...Cards, unknown]>(this[addressingKey], this.rules, this[partsKey], [...cards, rendered]);
  }

  /** Returns the body, or throws `PayloadError`; needs at least 2 cards. */
  override build(
    this: Cards extends [] | [unknown] ? "interactive.action.cards: at least 2 cards; add them with .card()" : unknown,
  ): InteractiveMessage<CarouselInteractive>;
  override build(): InteractiveMessage<CarouselInteractive> {
    return super.build();
  }

  protected render(): CarouselInteractive {
    // Fresh objects on every build: the cards' parts are copied again, as JSON.stringify reads them (not structuredClone,
    // which throws on a toJSON function, and makes a caller's String object a string of no realm's String).
    const cards = this[stateKey].map((card, index): MediaCard => ({ card_index: index, ...copyData(card, cardPlace(index)) }));
    return renderInteractive<CarouselInteractive>("carousel", this[partsKey], { cards });
  }
}

/** Where a media card sits: interactive(1).action(2).cards(3)[index](4). */
const cardPlace = (index: number) => ({ path: `interactive.action.cards[${index}]`, depth: 4 });

/** 2 to 10 product ids, checked for literal tuples. */
export type ProductIds<P extends readonly string[]> = number extends P["length"]
  ? P
  : P["length"] extends 0 | 1
    ? "interactive.action.cards: at least 2 products"
    : P extends readonly [unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, ...unknown[]]
      ? `interactive.action.cards: at most ${MaxCards} products`
      : P;

/** The products as the builder holds them: their catalog and retailer ids. */
interface ProductCards {
  readonly catalogId: string;
  readonly products: readonly string[];
}

/**
 * A carousel of 2 to 10 products of one catalog, one card each.
 *
 * @example
 * msg.to(n).productCarousel("Our picks", { catalogId: "CAT1", products: ["sku-1", "sku-2"] }).build();
 */
export class ProductCarouselBuilder extends InteractiveBase<CarouselInteractive, ProductCards> {
  protected render(): CarouselInteractive {
    const { catalogId, products } = this[stateKey];
    const cards = products.map(
      (id, index): ProductCard => ({
        card_index: index,
        type: "product",
        action: { product_retailer_id: id, catalog_id: catalogId },
      }),
    );
    return renderInteractive<CarouselInteractive>("carousel", this[partsKey], { cards });
  }
}
