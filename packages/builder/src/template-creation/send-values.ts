/**
 * What a send needs from a creation definition, read from its literal texts: the body's
 * variables (a tuple for `{{1}}`…, an object for named ones; each text, currency or date_time),
 * the header's variable or media, the buttons that take a parameter (URL with a variable,
 * COPY_CODE, FLOW, CATALOG, MPM; quick replies optional), the carousel's cards, a limited-time
 * offer's expiry; an AUTHENTICATION template needs only the code.
 */
import type { LanguageValue, SendShape, ShapeValues } from "../builders/template/definitions.js";
import type { TemplateCreation, TemplateCreationEntry } from "./definition.js";

/** A body variable of a creation definition: its kind is not declared, so it takes text, currency or date_time. */
declare const anyBodyKind: unique symbol;
export type AnyBodyKind = typeof anyBodyKind;

/** The component(s) of `C` whose type is `T` (in any case). */
type OfType<C, T extends string> = C extends { readonly type: infer K extends string } ? (Uppercase<K> extends T ? C : never) : never;
type ComponentsOf<D> = D extends { readonly components: readonly (infer C)[] } ? C : never;

/** The variable names of a literal text (`"1" | "2"`, `"first_name"`); `string` for a non-literal one. */
export type VariablesOf<S> = S extends string ? (string extends S ? string : Names<S>) : never;
type Names<S extends string, Acc extends string = never> = S extends `${string}{{${infer V}}}${infer Rest}` ? Names<Rest, Acc | V> : Acc;

/** How many positional variables: `{{1}}` to `{{n}}` all present gives n. */
type PositionalCount<U extends string, Acc extends 0[] = []> = string extends U
  ? number
  : Acc["length"] extends 100
    ? number
    : `${[...Acc, 0]["length"]}` extends U
      ? PositionalCount<U, [...Acc, 0]>
      : Acc["length"];
type Kinds<N extends number, Acc extends AnyBodyKind[] = []> = number extends N
  ? readonly AnyBodyKind[]
  : Acc["length"] extends N
    ? Acc
    : Kinds<N, [...Acc, AnyBodyKind]>;

type IsNamed<D> = D extends { readonly parameter_format: infer F extends string } ? (Uppercase<F> extends "NAMED" ? true : false) : false;
type TextOf<C> = C extends { readonly text: infer T extends string } ? T : never;

// Each part left out is stated as absent (`?: undefined`): indexing a missing key would read the constraint's type.
type BodyShape<C, Named> = [VariablesOf<TextOf<OfType<C, "BODY">>>] extends [never]
  ? { readonly body?: undefined }
  : Named extends true
    ? { readonly body: { readonly [K in VariablesOf<TextOf<OfType<C, "BODY">>>]: AnyBodyKind } }
    : { readonly body: Kinds<PositionalCount<VariablesOf<TextOf<OfType<C, "BODY">>>>> };

type HeaderKindOf<H, Named> = H extends { readonly format: infer F extends string }
  ? Uppercase<F> extends "TEXT"
    ? [VariablesOf<TextOf<H>>] extends [never]
      ? never
      : Named extends true
        ? { readonly text: VariablesOf<TextOf<H>> }
        : "text"
    : Uppercase<F> extends "IMAGE" | "DOCUMENT" | "LOCATION" | "VIDEO"
      ? Lowercase<F>
      : Uppercase<F> extends "GIF"
        ? "video"
        : never
  : never;
type HeaderShape<C, Named> = [HeaderKindOf<OfType<C, "HEADER">, Named>] extends [never]
  ? { readonly header?: undefined }
  : { readonly header: HeaderKindOf<OfType<C, "HEADER">, Named> };

type ButtonKindOf<B> = B extends { readonly type: infer T extends string }
  ? Uppercase<T> extends "QUICK_REPLY"
    ? "quick_reply"
    : Uppercase<T> extends "URL"
      ? [VariablesOf<B extends { readonly url: infer U } ? U : never>] extends [never]
        ? never
        : "url"
      : Uppercase<T> extends "COPY_CODE" | "FLOW" | "CATALOG" | "MPM"
        ? Lowercase<T>
        : never
  : never;
type ButtonsOf<C> = [OfType<C, "BUTTONS">] extends [never]
  ? []
  : OfType<C, "BUTTONS"> extends { readonly buttons: infer B extends readonly unknown[] }
    ? B
    : [];
type ButtonMap<B extends readonly unknown[]> = {
  readonly [I in keyof B as I extends `${number}` ? ([ButtonKindOf<B[I]>] extends [never] ? never : I) : never]: ButtonKindOf<B[I]>;
};
type ButtonsShape<C> = keyof ButtonMap<ButtonsOf<C>> extends never
  ? { readonly buttons?: undefined }
  : { readonly buttons: ButtonMap<ButtonsOf<C>> };

type PartsShape<C, Named> = HeaderShape<C, Named> & BodyShape<C, Named> & ButtonsShape<C>;

type CardsOf<C> = [OfType<C, "CAROUSEL">] extends [never]
  ? never
  : OfType<C, "CAROUSEL"> extends { readonly cards: infer K extends readonly unknown[] }
    ? K
    : never;
type CarouselShape<C, Named> = [CardsOf<C>] extends [never]
  ? { readonly carousel?: undefined }
  : { readonly carousel: { readonly cards: CardsOf<C>["length"] } & PartsShape<ComponentsOf<CardsOf<C>[0]>, Named> };
type OfferShape<C> = [OfType<C, "LIMITED_TIME_OFFER">] extends [never]
  ? { readonly limitedTimeOffer?: undefined }
  : { readonly limitedTimeOffer: true };

type First<E> = E extends readonly [infer F, ...unknown[]] ? F : E;
type LanguageOf<D> = D extends { readonly language: infer L extends string } ? L : never;
type LanguagesOf<E> = E extends readonly TemplateCreation[]
  ? { readonly [I in keyof E]: LanguageOf<E[I]> }
  : E extends TemplateCreation
    ? readonly [E["language"]]
    : never;

/** The summary a creation definition reads as (one language's components; every language has the same variables). */
export type SendShapeOf<E> = { readonly languages: LanguagesOf<E> } & PartsShape<ComponentsOf<First<E>>, IsNamed<First<E>>> &
  CarouselShape<ComponentsOf<First<E>>, IsNamed<First<E>>> &
  OfferShape<ComponentsOf<First<E>>>;

/** `category` in upper case, for a summary or a creation definition; `undefined` when it has none. */
export type CategoryOf<D> = First<D> extends { readonly category: infer C extends string } ? Uppercase<C> : undefined;

/** The values of a send from a creation definition; an AUTHENTICATION template takes its one-time code. */
export type CreationValues<E extends TemplateCreationEntry> =
  CategoryOf<E> extends "AUTHENTICATION"
    ? LanguageValue<{ readonly languages: LanguagesOf<E> }> & {
        /** The one-time code: sent as the body's variable and the OTP button's parameter. */
        readonly code: string;
      }
    : SendShapeOf<E> extends infer S extends SendShape
      ? ShapeValues<S>
      : never;
