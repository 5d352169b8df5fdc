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
import { BodyParameters, HeaderParameter, type HeaderParameters, headerParameters, renderBody, renderHeader } from "./parameters.js";

/**
 * Where a flow button's data sits: template(1).components(2)[i](3).parameters(4)[0](5).action(6).flow_action_data(7).
 * The component's position is only known at build, so the path leaves the indexes out.
 */
const flowDataPlace = { path: "template.components.parameters.action.flow_action_data", depth: 7 };

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const cardsKey: unique symbol = Symbol();
const addressingKey: unique symbol = Symbol();
const stateKey: unique symbol = Symbol();
const buttonKey: unique symbol = Symbol();

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

/** Every key always present (undefined when unset): one object shape keeps every step fast. */
export interface TemplateState {
  readonly name: string;
  readonly language: { readonly code: string; readonly policy?: "deterministic" | undefined } | undefined;
  readonly header: HeaderParameter | undefined;
  readonly body: BodyParameters | undefined;
  readonly buttons: readonly Button[];
  /** A limited-time offer's expiry, Unix milliseconds. */
  readonly offer: number | undefined;
  /** Where tapping the message leads, when it overrides the template's own target. */
  readonly tapTarget: { readonly url: string; readonly title: string } | undefined;
  readonly cards: readonly (readonly TemplateCardComponent[])[] | undefined;
}

/** The header, body and button components of a template's state (a card's too). */
function componentsOf({ header, body, buttons }: TemplateState, components: TemplateComponent[] = []): TemplateComponent[] {
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

/** A card's components; kept out of the public surface. */
let cardComponents: (builder: TemplateBuilder<boolean, number>) => TemplateCardComponent[];

type MaxCards = typeof limits.carousel.templateCards.max;
let cardsOfCarousel: (cards: TemplateCards<readonly unknown[]>) => readonly (readonly TemplateCardComponent[])[];

/**
 * The cards of a carousel template: each `.card()` gets a builder for its header, body and
 * buttons (quick replies and URL buttons). An 11th card is a compile error.
 */
export class TemplateCards<Cards extends readonly unknown[] = []> {
  declare readonly [cardCount]: Cards;
  declare private readonly [cardsKey]: readonly (readonly TemplateCardComponent[])[];
  declare private readonly [addressingKey]: Addressing;

  /** @internal */
  constructor(cards: readonly (readonly TemplateCardComponent[])[] = [], addressing: Addressing = addressedTo(undefined)) {
    this[cardsKey] = cards;
    this[addressingKey] = addressing;
  }

  card(
    ...card: Cards["length"] extends MaxCards
      ? [error: `template.components.cards: at most ${MaxCards} cards`]
      : [build: (card: TemplateBuilder<true, never>) => TemplateBuilder<true, number>]
  ): TemplateCards<[...Cards, unknown]>;
  card(build: unknown): TemplateCards<[...Cards, unknown]> {
    const start = new TemplateBuilder<true, never>(this[addressingKey], emptyState(""));
    const built = callbackResult(build, start, TemplateBuilder, "template.carousel.cards[]") as TemplateBuilder<boolean, number>;
    return new TemplateCards<[...Cards, unknown]>([...this[cardsKey], cardComponents(built)], this[addressingKey]);
  }

  static {
    cardsOfCarousel = (cards) => cards[cardsKey];
  }
}

declare const cardCount: unique symbol;

/** `state` with `key` set to `value`: every field written out, so each step makes an object of the same shape (faster than a spread). */
function stateWith<K extends keyof TemplateState>(state: TemplateState, key: K, value: TemplateState[K]): TemplateState {
  const next: { -readonly [F in keyof TemplateState]: TemplateState[F] } = {
    name: state.name,
    language: state.language,
    header: state.header,
    body: state.body,
    buttons: state.buttons,
    offer: state.offer,
    tapTarget: state.tapTarget,
    cards: state.cards,
  };
  next[key] = value;
  return next;
}

/** What a multi-product (`mpm`) button shows: a thumbnail product and sections of products. */
export interface MultiProduct {
  readonly thumbnailProductRetailerId: string;
  readonly sections: readonly { readonly title?: string; readonly productRetailerIds: readonly string[] }[];
}

/** A template's state before any part is set. */
export const emptyState = (name: string): TemplateState => ({
  name,
  language: undefined,
  header: undefined,
  body: undefined,
  buttons: [],
  offer: undefined,
  tapTarget: undefined,
  cards: undefined,
});

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
  declare private readonly [stateKey]: TemplateState;

  /** @internal */
  constructor(addressing: Addressing, state: TemplateState) {
    super(addressing, templateRules);
    this[stateKey] = state;
  }

  /** The template's language code, e.g. "en" or "en_US"; `policy` may only be "deterministic". */
  language(code: string, options: { readonly policy?: "deterministic" } = {}): TemplateBuilder<true, Used> {
    const language = { code, policy: objectArgument(options, "template.language options", ["policy"]).policy };
    return new TemplateBuilder<true, Used>(this[messageAddressing], stateWith(this[stateKey], "language", language));
  }

  /** The header's one parameter: text, image, video, document or location. */
  header(build: (p: HeaderParameters) => HeaderParameter): TemplateBuilder<HasLanguage, Used> {
    const header = callbackResult(build, headerParameters, HeaderParameter, "template.header");
    return new TemplateBuilder<HasLanguage, Used>(this[messageAddressing], stateWith(this[stateKey], "header", header));
  }

  /** The body's parameters, in order or by name. */
  body(build: (p: BodyParameters) => BodyParameters): TemplateBuilder<HasLanguage, Used> {
    const body = callbackResult(build, new BodyParameters(), BodyParameters, "template.body");
    return new TemplateBuilder<HasLanguage, Used>(this[messageAddressing], stateWith(this[stateKey], "body", body));
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
    return new TemplateBuilder<HasLanguage, Used>(
      this[messageAddressing],
      stateWith(this[stateKey], "buttons", [...this[stateKey].buttons, button]),
    );
  }

  /**
   * A limited-time offer's expiry, as a `Date` or Unix milliseconds (a number that looks like
   * seconds fails at build time, saying so).
   */
  limitedTimeOffer(expiresAt: Date | number): TemplateBuilder<HasLanguage, Used> {
    const offer = expiresAt instanceof Date ? expiresAt.getTime() : expiresAt;
    return new TemplateBuilder<HasLanguage, Used>(this[messageAddressing], stateWith(this[stateKey], "offer", offer));
  }

  /**
   * Where tapping the message leads, overriding the template's own target: an http(s) URL and a title. Sent by pywa;
   * not yet on Meta's pages (api-2026.md §5), so check it against your account before relying on it.
   */
  tapTarget(target: { readonly url: string; readonly title: string }): TemplateBuilder<HasLanguage, Used> {
    const { url, title } = objectArgument(target, "template tap target", ["url", "title"]);
    return new TemplateBuilder<HasLanguage, Used>(this[messageAddressing], stateWith(this[stateKey], "tapTarget", { url, title }));
  }

  /**
   * The cards of a carousel template, 1 to 10, each with its header, body and buttons.
   *
   * @example
   * .carousel((c) => c.card((card) => card.header((p) => p.image({ id: "1" })).quickReply(0, "more-1")).card(…))
   */
  carousel(build: (cards: TemplateCards) => TemplateCards<readonly [unknown, ...unknown[]]>): TemplateBuilder<HasLanguage, Used> {
    const cards = cardsOfCarousel(callbackResult(build, new TemplateCards(), TemplateCards, "template.carousel"));
    return new TemplateBuilder<HasLanguage, Used>(this[messageAddressing], stateWith(this[stateKey], "cards", cards));
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
    const buttons = [...this[stateKey].buttons, { subType, index, parameter }];
    return new TemplateBuilder<HasLanguage, Used | IndexOf<I>>(this[messageAddressing], stateWith(this[stateKey], "buttons", buttons));
  }

  protected withAddressing(addressing: Addressing): this {
    return new TemplateBuilder<HasLanguage, Used>(addressing, this[stateKey]) as this; // same class, same state types
  }

  protected render(): TemplateMessage["template"] {
    const { name, language, offer, cards } = this[stateKey];
    const components: TemplateComponent[] = [];
    if (offer !== undefined)
      components.push({
        type: "limited_time_offer",
        parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: offer } }],
      });
    componentsOf(this[stateKey], components);
    const { tapTarget } = this[stateKey];
    if (tapTarget !== undefined)
      components.push({
        type: "tap_target_configuration",
        parameters: [{ type: "tap_target_configuration", tap_target_configuration: [{ url: tapTarget.url, title: tapTarget.title }] }],
      });
    if (cards !== undefined)
      components.push({ type: "carousel", cards: cards.map((card, index) => ({ card_index: index, components: structuredClone(card) })) });
    const languageObject =
      language === undefined
        ? undefined
        : language.policy === undefined
          ? { code: language.code }
          : { code: language.code, policy: language.policy };
    // The usual template in one object literal (one allocation, one shape); otherwise only the keys that are set.
    if (languageObject !== undefined && components.length > 0) return { name, language: languageObject, components };
    const template: Record<string, unknown> = { name };
    if (languageObject !== undefined) template.language = languageObject;
    if (components.length > 0) template.components = components;
    return template as TemplateMessage["template"]; // without .language() (a compile error) validate() reports it
  }

  static {
    renderTemplate = (builder) => builder.render();
    cardComponents = (builder) => componentsOf(builder[stateKey]) as TemplateCardComponent[];
  }
}

declare const languageSet: unique symbol;
declare const usedIndexes: unique symbol;
