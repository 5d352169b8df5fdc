import type { TemplateCreationEntry } from "../../template-creation/definition.js";
import type { AnyBodyKind, CreationValues } from "../../template-creation/send-values.js";
import type { CheckedTemplates } from "../../template-creation/type-checks.js";
import type { MediaSource } from "../../wire/index.js";
import type { Currency, DateTime, TemplateLocation } from "./parameters.js";
import type { MultiProduct } from "./template-builder.js";

export type HeaderKind = "text" | "image" | "video" | "document" | "location";
export type BodyKind = "text" | "currency" | "date_time";
export type ButtonKind = "quick_reply" | "url" | "copy_code" | "flow" | "catalog" | "mpm";
type ButtonIndexKey = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * What an app's template looks like: its languages, header parameter, body parameters
 * (in order, or by name for named templates) and the buttons that take a parameter, by index
 * (a quick reply's payload is optional when sending: the template's own payload is used).
 */
/** The parameters of a template, or of each card of a carousel template. */
export interface CardDefinition {
  /** The header's parameter kind; `{ text: name }` for the text header of a named template. */
  readonly header?: HeaderKind | { readonly text: string };
  readonly body?: readonly BodyKind[] | { readonly [name: string]: BodyKind };
  readonly buttons?: { readonly [I in ButtonIndexKey]?: ButtonKind };
}

export interface TemplateDefinition extends CardDefinition {
  readonly languages: readonly [string, ...string[]];
  /** As the Business Management API says; an authentication template needs a phone number recipient. */
  readonly category?: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  /** A limited-time offer template: its expiry is sent with each message [api-2026.md §5]. */
  readonly limitedTimeOffer?: true;
  /** A carousel template: how many cards, and each card's parameters (every card has the same) [api-2026.md §5]. */
  readonly carousel?: CardDefinition & { readonly cards: number };
}

/**
 * An app's templates by name: each a send-side summary (`{ languages, header, body, buttons }`)
 * or a creation definition (Meta's creation body without `name`, or one per language).
 */
export type TemplateDefinitions = { readonly [name: string]: TemplateDefinition | TemplateCreationEntry };

/**
 * Declares an app's templates so `msg.with(templates)` can type their parameters. Write it
 * by hand, or generate it from the Business Management API with `wacompose templates`. A
 * creation definition (Meta's creation body without `name`) is also checked at compile time
 * for literal input: name charset, text lengths, button counts, variables at the start or end
 * or next to each other, missing examples; `checkTemplateCreation` checks every rule at runtime.
 *
 * @example
 * const templates = defineTemplates({
 *   order_update: { languages: ["en_US"], header: "image", body: ["text", "currency"], buttons: { 0: "quick_reply" } },
 *   welcome: { category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: "Hi {{1}}, welcome!", example: { body_text: [["Ana"]] } }] },
 * });
 */
export const defineTemplates = <const T extends TemplateDefinitions>(templates: T & NoInfer<CheckedTemplates<T>>): T => templates;

type HeaderValue<K> = K extends "text" | { readonly text: string } ? string : K extends "location" ? TemplateLocation : MediaSource;
type BodyValue<K> = K extends "text"
  ? string
  : K extends "currency"
    ? Currency
    : K extends "date_time"
      ? DateTime
      : K extends AnyBodyKind
        ? string | Currency | DateTime
        : never;
type ButtonValue<K> = K extends "flow"
  ? { readonly token?: string; readonly data?: { readonly [key: string]: unknown } }
  : K extends "catalog"
    ? { readonly thumbnailProductRetailerId: string }
    : K extends "mpm"
      ? MultiProduct
      : K extends ButtonKind
        ? string
        : never;

/** `N` values: a tuple when `N` is a literal. */
type Repeat<V, N extends number, Acc extends readonly V[] = []> = number extends N
  ? readonly V[]
  : Acc["length"] extends N
    ? Acc
    : Acc["length"] extends 10
      ? readonly V[]
      : Repeat<V, N, readonly [...Acc, V]>;
/** A summary, or the summary a creation definition reads as (its body variables take any of the three kinds). */
export interface SendShape {
  readonly languages: readonly string[];
  readonly header?: HeaderKind | { readonly text: string } | undefined;
  readonly body?: readonly (BodyKind | AnyBodyKind)[] | { readonly [name: string]: BodyKind | AnyBodyKind } | undefined;
  readonly buttons?: { readonly [index: string]: ButtonKind } | undefined;
  readonly limitedTimeOffer?: true | undefined;
  readonly carousel?: (CardShape & { readonly cards: number }) | undefined;
}
type CardShape = Omit<SendShape, "languages" | "limitedTimeOffer" | "carousel">;
type CardValues<C extends CardShape> = HeaderValues<C> & BodyValues<C> & ButtonValues<C>;
type CarouselValues<D extends SendShape> = D["carousel"] extends CardShape & { readonly cards: infer N extends number }
  ? { readonly cards: Repeat<CardValues<D["carousel"]>, N> }
  : { readonly cards?: never };

export type LanguageValue<D extends { readonly languages: readonly string[] }> = D["languages"] extends readonly [string]
  ? { readonly language?: D["languages"][number] }
  : { readonly language: D["languages"][number] };
type HeaderValues<D extends CardShape> = D["header"] extends HeaderKind | { readonly text: string }
  ? { readonly header: HeaderValue<D["header"]> }
  : { readonly header?: never };
// Mapped over a type parameter, so a tuple of kinds maps to a tuple of values.
type BodyValuesOf<B> = { readonly [P in keyof B]: BodyValue<B[P]> };
// A quick reply's payload may be left out: the API then sends the template's own payload.
type IsQuickReply<K> = Exclude<K, undefined> extends "quick_reply" ? true : false;
type RequiredButtons<B> = { readonly [I in keyof B as IsQuickReply<B[I]> extends true ? never : I]-?: ButtonValue<B[I]> };
type OptionalButtons<B> = { readonly [I in keyof B as IsQuickReply<B[I]> extends true ? I : never]?: ButtonValue<B[I]> };
type ButtonValuesOf<B> = RequiredButtons<B> & OptionalButtons<B>;
type BodyValues<D extends CardShape> = D["body"] extends object ? { readonly body: BodyValuesOf<D["body"]> } : { readonly body?: never };
type ButtonValues<D extends CardShape> = D["buttons"] extends object
  ? keyof RequiredButtons<D["buttons"]> extends never
    ? { readonly buttons?: ButtonValuesOf<D["buttons"]> }
    : { readonly buttons: ButtonValuesOf<D["buttons"]> }
  : { readonly buttons?: never };

type OfferValues<D extends SendShape> = D["limitedTimeOffer"] extends true
  ? { readonly offerExpiresAt: Date | number }
  : { readonly offerExpiresAt?: never };

/** The values a typed template needs: exactly its parameters, each of the right type. */
export type TemplateValues<D extends TemplateDefinition | TemplateCreationEntry> = D extends TemplateCreationEntry
  ? CreationValues<D>
  : D extends SendShape
    ? ShapeValues<D>
    : never;

/** The values of a summary (or of the summary a creation definition reads as). */
export type ShapeValues<D extends SendShape> = LanguageValue<D> &
  HeaderValues<D> &
  BodyValues<D> &
  ButtonValues<D> &
  OfferValues<D> &
  CarouselValues<D>;
