import type { limits } from "../../limits.js";
import { templateRules } from "../../rules/quick/template.generated.js";
import type { MaxLength } from "../../type-checks.js";
import type {
  TemplateButtonParameter,
  TemplateButtonSubType,
  TemplateCardComponent,
  TemplateComponent,
  TemplateMessage,
} from "../../wire/index.js";
import { arrayArgument, callbackResult, objectArgument } from "../arguments.js";
import { copyData } from "../copy-data.js";
import { type Addressing, addressedTo, MessageBase, addressingKey as messageAddressing } from "../message-base.js";
import {
  BodyParameters,
  HeaderParameter,
  type HeaderParameters,
  headerParameters,
  noBodyParameters,
  renderBody,
  renderHeader,
} from "./parameters.js";

/**
 * Where a flow button's data sits: template(1).components(2)[i](3).parameters(4)[0](5).action(6).flow_action_data(7).
 * The component's position is only known at build, so the path leaves the indexes out.
 */
const flowDataPlace = { path: "template.components.parameters.action.flow_action_data", depth: 7 };
/**
 * Where a carousel card's components sit: template(1).components(2)[component](3).cards(4)[index](5).components(6). The
 * carousel's position among the components is only known at build.
 */
const cardPlace = (component: number | undefined, index: number) => ({
  path: `template.components${component === undefined ? "" : `[${component}]`}.cards[${index}].components`,
  depth: 6,
});

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const buttonKey: unique symbol = Symbol();
const copyKey: unique symbol = Symbol();
// A template's parts, each a field of the builder itself: a step makes one object, not a builder and a state beside it.
const nameKey: unique symbol = Symbol();
const languageKey: unique symbol = Symbol();
const headerKey: unique symbol = Symbol();
const bodyKey: unique symbol = Symbol();
const buttonsKey: unique symbol = Symbol();
const offerKey: unique symbol = Symbol();
const tapTargetKey: unique symbol = Symbol();
const carouselKey: unique symbol = Symbol();

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type MaxIndex = typeof limits.template.buttonIndex.max;
/** A button index as a number or its string form. */
export type IndexInput = number | `${number}`;
type IndexOf<I extends IndexInput> = I extends `${infer N extends number}` ? N : I;

/**
 * A button index: a literal outside 0–9, or one already used in this template, is a
 * compile error; a non-literal number is checked at runtime.
 */
export type ButtonIndex<I extends IndexInput, Used extends number> =
  number extends IndexOf<I>
    ? I
    : IndexOf<I> extends Digit
      ? IndexOf<I> extends Used
        ? `template buttons: index ${IndexOf<I>} is already used`
        : I
      : `template buttons: index must be 0 to ${MaxIndex}, got ${I}`;

interface Button {
  readonly subType: TemplateButtonSubType | "voice_call";
  /** Checked by the types for literals and by validate() always. */
  readonly index: unknown;
  readonly parameter: () => TemplateButtonParameter | readonly TemplateButtonParameter[];
}

/** The language as `.language()` took it. */
interface Language {
  readonly code: string;
  readonly policy: "deterministic" | undefined;
}

/** A carousel's cards, each its components. */
type CarouselCards = readonly (readonly TemplateCardComponent[])[];

/** The header, body and button components of a carousel card's builder; kept out of the public surface. */
let componentsOf: (builder: TemplateBuilder<boolean, number>) => TemplateComponent[];

/** The header, body and button components of a template (a card's too), pushed onto `components`. */
function renderParts(
  header: HeaderParameter | undefined,
  body: BodyParameters | undefined,
  buttons: readonly Button[],
  components: TemplateComponent[],
): TemplateComponent[] {
  if (header !== undefined) components.push({ type: "header", parameters: [renderHeader(header)] });
  if (body !== undefined) components.push({ type: "body", parameters: renderBody(body) });
  for (const { subType, index, parameter } of buttons) {
    const parameters = parameter();
    if (subType === "voice_call")
      components.push({ type: "button", sub_type: subType, parameters: Array.isArray(parameters) ? parameters : [parameters] });
    // The reference sends the index as a string; numbers are converted (resolution §13.8).
    else components.push({ type: "button", sub_type: subType, index: String(index), parameters: [parameters as TemplateButtonParameter] });
  }
  return components;
}

type MaxCards = typeof limits.carousel.templateCards.max;
let cardsOfCarousel: (cards: TemplateCards<readonly unknown[]>) => CarouselCards;

// A carousel's cards, and the addressing it builds each card's template with (under module-private symbols too).
const cardsKey: unique symbol = Symbol();
const addressingKey: unique symbol = Symbol();

/**
 * The cards of a carousel template: each `.card()` gets a builder for its header, body and
 * buttons (quick replies and URL buttons). An 11th card is a compile error.
 */
export class TemplateCards<Cards extends readonly unknown[] = []> {
  declare readonly [cardCount]: Cards;
  declare private readonly [cardsKey]: CarouselCards;
  declare private readonly [addressingKey]: Addressing;

  /** @internal */
  constructor(cards: CarouselCards = [], addressing: Addressing = addressedTo(undefined)) {
    this[cardsKey] = cards;
    this[addressingKey] = addressing;
  }

  card(
    ...card: Cards["length"] extends MaxCards
      ? [error: `template.components.cards: at most ${MaxCards} cards`]
      : [build: (card: TemplateBuilder<true, never>) => TemplateBuilder<true, number>]
  ): TemplateCards<[...Cards, unknown]>;
  card(build: unknown): TemplateCards<[...Cards, unknown]> {
    const start = new TemplateBuilder<true, never>(this[addressingKey], "");
    const built = callbackResult(build, start, TemplateBuilder, "template.carousel.cards[]") as TemplateBuilder<boolean, number>;
    const cards = this[cardsKey];
    // A card's parts are a template's header, body and buttons; copied now as at build (copy-data.ts), so an object nested
    // past the bound fails here, naming the card, not at build.
    const card = copyData(componentsOf(built) as TemplateCardComponent[], cardPlace(undefined, cards.length));
    return new TemplateCards<[...Cards, unknown]>([...cards, card], this[addressingKey]);
  }

  static {
    cardsOfCarousel = (cards) => cards[cardsKey];
  }
}

declare const cardCount: unique symbol;

/** What a multi-product (`mpm`) button shows: a thumbnail product and sections of products. */
export interface MultiProduct {
  readonly thumbnailProductRetailerId: string;
  readonly sections: readonly { readonly title?: string; readonly productRetailerIds: readonly string[] }[];
}

/** The `template` object of a builder; kept out of the public surface. */
export let renderTemplate: (builder: TemplateBuilder<boolean, number>) => TemplateMessage["template"];

type CouponCode<C extends string> = MaxLength<C, typeof limits.template.couponCode.max, "template.components.parameters.coupon_code">;

/**
 * A template message. `.build()` exists once `.language()` was called (a compile error
 * before; validate() reports a missing language too). Buttons take their position in the
 * template, 0–9, each at most once.
 *
 * @example
 * msg.to(n).template("order_update").language("en_US")
 *   .header((p) => p.image({ link: "https://example.com/receipt.png" }))
 *   .body((p) => p.text("Ana").currency({ fallback: "$10.99", code: "USD", amount1000: 10990 }).dateTime({ fallback: "Nov 26" }))
 *   .quickReply(0, "STOP").urlButton(1, "track/42")
 *   .build();
 */
export class TemplateBuilder<HasLanguage extends boolean = false, Used extends number = never> extends MessageBase<TemplateMessage> {
  declare readonly [languageSet]: HasLanguage;
  declare readonly [usedIndexes]: Used;
  // Written in the constructor, and by a step on the copy it returns before anyone else sees it; never after.
  declare private [nameKey]: string;
  declare private [languageKey]: Language | undefined;
  declare private [headerKey]: HeaderParameter | undefined;
  declare private [bodyKey]: BodyParameters | undefined;
  declare private [buttonsKey]: readonly Button[];
  /** A limited-time offer's expiry, Unix milliseconds. */
  declare private [offerKey]: number | undefined;
  /** Where tapping the message leads, when it overrides the template's own target. */
  declare private [tapTargetKey]: { readonly url: string; readonly title: string } | undefined;
  declare private [carouselKey]: CarouselCards | undefined;

  /**
   * A template named `name` with no other part set, or, with `from`, a copy of `from`'s parts that a step then
   * changes one of. Every field is written either way, in the same order: one object shape keeps every step fast.
   * @internal
   */
  constructor(addressing: Addressing, name: string, from?: TemplateBuilder<boolean, number>) {
    super(addressing, templateRules);
    this[nameKey] = name;
    this[languageKey] = from?.[languageKey];
    this[headerKey] = from?.[headerKey];
    this[bodyKey] = from?.[bodyKey];
    this[buttonsKey] = from?.[buttonsKey] ?? [];
    this[offerKey] = from?.[offerKey];
    this[tapTargetKey] = from?.[tapTargetKey];
    this[carouselKey] = from?.[carouselKey];
  }

  /** A copy of this builder, for a step to set one part of (the type parameters are the step's). */
  private [copyKey]<L extends boolean, U extends number>(): TemplateBuilder<L, U> {
    return new TemplateBuilder<L, U>(this[messageAddressing], this[nameKey], this);
  }

  /** The template's language code, e.g. "en" or "en_US"; `policy` may only be "deterministic". */
  language(code: string, options: { readonly policy?: "deterministic" } = {}): TemplateBuilder<true, Used> {
    const { policy } = objectArgument(options, "template.language options", ["policy"]);
    const next = this[copyKey]<true, Used>();
    next[languageKey] = { code, policy };
    return next;
  }

  /** The header's one parameter: text, image, video, document or location. */
  header(build: (p: HeaderParameters) => HeaderParameter): TemplateBuilder<HasLanguage, Used> {
    const next = this[copyKey]<HasLanguage, Used>();
    next[headerKey] = callbackResult(build, headerParameters, HeaderParameter, "template.header");
    return next;
  }

  /** The body's parameters, in order or by name. */
  body(build: (p: BodyParameters) => BodyParameters): TemplateBuilder<HasLanguage, Used> {
    const next = this[copyKey]<HasLanguage, Used>();
    next[bodyKey] = callbackResult(build, noBodyParameters, BodyParameters, "template.body");
    return next;
  }

  /** A quick-reply button's payload, sent back when the user taps it. */
  quickReply<I extends IndexInput>(index: ButtonIndex<I, Used>, payload: string): TemplateBuilder<HasLanguage, Used | IndexOf<I>> {
    return this[buttonKey]("quick_reply", index, () => ({ type: "payload", payload }));
  }

  /** The variable suffix appended to a URL button's predefined URL. */
  urlButton<I extends IndexInput>(index: ButtonIndex<I, Used>, suffix: string): TemplateBuilder<HasLanguage, Used | IndexOf<I>> {
    return this[buttonKey]("url", index, () => ({ type: "text", text: suffix }));
  }

  /** The code of a copy-code (coupon) button: at most 15 characters, one such button per template. */
  copyCode<I extends IndexInput, C extends string>(
    index: ButtonIndex<I, Used>,
    code: CouponCode<C>,
  ): TemplateBuilder<HasLanguage, Used | IndexOf<I>> {
    return this[buttonKey]("copy_code", index, () => ({ type: "coupon_code", coupon_code: code }));
  }

  /** A flow button: an optional token (default "unused") and data for the first screen. */
  flowButton<I extends IndexInput>(
    index: ButtonIndex<I, Used>,
    flow: { readonly token?: string; readonly data?: { readonly [key: string]: unknown } } = {},
  ): TemplateBuilder<HasLanguage, Used | IndexOf<I>> {
    const { token, data: given } = objectArgument(flow, "template flow button", ["token", "data"]);
    const data = given === undefined ? undefined : copyData(given, flowDataPlace);
    return this[buttonKey]("flow", index, () => {
      const action: { flow_token?: string; flow_action_data?: { readonly [key: string]: unknown } } = {};
      if (token !== undefined) action.flow_token = token;
      if (data !== undefined) action.flow_action_data = copyData(data, flowDataPlace);
      return { type: "action", action };
    });
  }

  /** A catalog button, with the product shown as its thumbnail. */
  catalogButton<I extends IndexInput>(
    index: ButtonIndex<I, Used>,
    catalog: { readonly thumbnailProductRetailerId: string },
  ): TemplateBuilder<HasLanguage, Used | IndexOf<I>> {
    const { thumbnailProductRetailerId } = objectArgument(catalog, "template catalog button", ["thumbnailProductRetailerId"]);
    return this[buttonKey]("catalog", index, () => ({
      type: "action",
      action: { thumbnail_product_retailer_id: thumbnailProductRetailerId },
    }));
  }

  /**
   * A multi-product button (`mpm`): the product shown as its thumbnail and the products it opens, in up to 10 sections
   * of at most 30 products in all (titled when there is more than one section).
   *
   * @example
   * .mpmButton(0, { thumbnailProductRetailerId: "sku-1", sections: [{ title: "Picks", productRetailerIds: ["sku-1", "sku-2"] }] })
   */
  mpmButton<I extends IndexInput>(index: ButtonIndex<I, Used>, products: MultiProduct): TemplateBuilder<HasLanguage, Used | IndexOf<I>> {
    const { thumbnailProductRetailerId, sections } = objectArgument(products, "template mpm button", [
      "thumbnailProductRetailerId",
      "sections",
    ]);
    const copied = arrayArgument(sections, "template mpm button sections").map((section) => {
      const { title, productRetailerIds } = objectArgument(section, "template mpm button section", ["title", "productRetailerIds"]);
      return { title, ids: arrayArgument(productRetailerIds, "template mpm button section productRetailerIds") };
    });
    return this[buttonKey]("mpm", index, () => ({
      type: "action",
      action: {
        thumbnail_product_retailer_id: thumbnailProductRetailerId,
        sections: copied.map(({ title, ids }) => {
          const product_items = ids.map((id) => ({ product_retailer_id: id }));
          return title === undefined ? { product_items } : { title, product_items };
        }),
      },
    }));
  }

  /** A voice_call button (it has no index): how long it works, in minutes, and a payload for the call webhook. */
  voiceCallButton(call: { readonly ttlMinutes?: number; readonly payload?: string } = {}): TemplateBuilder<HasLanguage, Used> {
    const { ttlMinutes, payload } = objectArgument(call, "template voice_call button", ["ttlMinutes", "payload"]);
    const parameters: TemplateButtonParameter[] = [];
    if (ttlMinutes !== undefined) parameters.push({ type: "ttl_minutes", ttl_minutes: ttlMinutes });
    if (payload !== undefined) parameters.push({ type: "payload", payload });
    const button: Button = { subType: "voice_call", index: undefined, parameter: () => parameters };
    const next = this[copyKey]<HasLanguage, Used>();
    next[buttonsKey] = [...this[buttonsKey], button];
    return next;
  }

  /**
   * A limited-time offer's expiry, as a `Date` or Unix milliseconds (a number that looks like
   * seconds fails at build time, saying so).
   */
  limitedTimeOffer(expiresAt: Date | number): TemplateBuilder<HasLanguage, Used> {
    const next = this[copyKey]<HasLanguage, Used>();
    next[offerKey] = expiresAt instanceof Date ? expiresAt.getTime() : expiresAt;
    return next;
  }

  /**
   * Where tapping the message leads, overriding the template's own target: an http(s) URL and a title. Sent by pywa;
   * not yet on Meta's pages (api-2026.md §5), so check it against your account before relying on it.
   */
  tapTarget(target: { readonly url: string; readonly title: string }): TemplateBuilder<HasLanguage, Used> {
    const { url, title } = objectArgument(target, "template tap target", ["url", "title"]);
    const next = this[copyKey]<HasLanguage, Used>();
    next[tapTargetKey] = { url, title };
    return next;
  }

  /**
   * The cards of a carousel template, 1 to 10, each with its header, body and buttons.
   *
   * @example
   * .carousel((c) => c.card((card) => card.header((p) => p.image({ id: "1" })).quickReply(0, "more-1")).card(…))
   */
  carousel(build: (cards: TemplateCards) => TemplateCards<readonly [unknown, ...unknown[]]>): TemplateBuilder<HasLanguage, Used> {
    const cards = cardsOfCarousel(callbackResult(build, new TemplateCards(), TemplateCards, "template.carousel"));
    const next = this[copyKey]<HasLanguage, Used>();
    next[carouselKey] = cards;
    return next;
  }

  /** Returns the body, or throws `PayloadError`; needs `.language()` first. */
  override build(this: HasLanguage extends true ? unknown : "template.language: call .language(code) before .build()"): TemplateMessage;
  override build(): TemplateMessage {
    return super.build();
  }

  private [buttonKey]<I extends IndexInput>(
    subType: TemplateButtonSubType,
    index: unknown,
    parameter: () => TemplateButtonParameter,
  ): TemplateBuilder<HasLanguage, Used | IndexOf<I>> {
    const next = this[copyKey]<HasLanguage, Used | IndexOf<I>>();
    next[buttonsKey] = [...this[buttonsKey], { subType, index, parameter }];
    return next;
  }

  protected withAddressing(addressing: Addressing): this {
    return new TemplateBuilder<HasLanguage, Used>(addressing, this[nameKey], this) as this; // same class, same state types
  }

  protected render(): TemplateMessage["template"] {
    const language = this[languageKey];
    const offer = this[offerKey];
    const cards = this[carouselKey];
    const tapTarget = this[tapTargetKey];
    const components: TemplateComponent[] = [];
    if (offer !== undefined)
      components.push({
        type: "limited_time_offer",
        parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: offer } }],
      });
    renderParts(this[headerKey], this[bodyKey], this[buttonsKey], components);
    if (tapTarget !== undefined)
      components.push({
        type: "tap_target_configuration",
        parameters: [{ type: "tap_target_configuration", tap_target_configuration: [{ url: tapTarget.url, title: tapTarget.title }] }],
      });
    if (cards !== undefined)
      components.push({
        type: "carousel",
        // Copied as JSON.stringify reads them (not structuredClone, which throws on a toJSON function).
        cards: cards.map((card, index) => ({ card_index: index, components: copyData(card, cardPlace(components.length, index)) })),
      });
    const languageObject =
      language === undefined
        ? undefined
        : language.policy === undefined
          ? { code: language.code }
          : { code: language.code, policy: language.policy };
    // The usual template in one object literal (one allocation, one shape); otherwise only the keys that are set.
    const name = this[nameKey];
    if (languageObject !== undefined && components.length > 0) return { name, language: languageObject, components };
    const template: Record<string, unknown> = { name };
    if (languageObject !== undefined) template.language = languageObject;
    if (components.length > 0) template.components = components;
    return template as TemplateMessage["template"]; // without .language() (a compile error) validate() reports it
  }

  static {
    renderTemplate = (builder) => builder.render();
    componentsOf = (builder) => renderParts(builder[headerKey], builder[bodyKey], builder[buttonsKey], []);
  }
}

declare const languageSet: unique symbol;
declare const usedIndexes: unique symbol;
