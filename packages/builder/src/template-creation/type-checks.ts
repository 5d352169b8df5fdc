/**
 * Compile-time checks of creation definitions in `defineTemplates()`, for literal input (as the
 * send-side limits are: a non-literal `string` is left to `checkTemplateCreation`). A definition
 * that breaks a rule turns its entry's type into the message, e.g.
 * `"order_update: components[0].text: at most 1024 characters, got 1030"`. Only the first
 * problem of an entry is told; the runtime check lists them all. Lengths: TS 5.9 counts UTF-16
 * code units like the runtime, TS 7 code points (see type-level-limits.md).
 */
import type { templateCreationLimits } from "../limits.js";
import type { TooLong } from "../type-checks.js";
import type { VariablesOf } from "./send-values.js";

type Creation = typeof templateCreationLimits;
type NameChar =
  | "a"
  | "b"
  | "c"
  | "d"
  | "e"
  | "f"
  | "g"
  | "h"
  | "i"
  | "j"
  | "k"
  | "l"
  | "m"
  | "n"
  | "o"
  | "p"
  | "q"
  | "r"
  | "s"
  | "t"
  | "u"
  | "v"
  | "w"
  | "x"
  | "y"
  | "z"
  | "0"
  | "1"
  | "2"
  | "3"
  | "4"
  | "5"
  | "6"
  | "7"
  | "8"
  | "9"
  | "_";

/** The first character outside `[a-z0-9_]`; tail-recursive, so a 512-character name stays well inside the limits. */
type BadNameChar<S extends string> = S extends `${infer C}${infer Rest}` ? (C extends NameChar ? BadNameChar<Rest> : C) : never;

type NameProblem<K extends string> = string extends K
  ? never
  : K extends ""
    ? "name: a template needs a name"
    : [TooLong<K, Creation["name"]["max"]>] extends [never]
      ? [BadNameChar<K>] extends [never]
        ? never
        : `name: lowercase a-z, 0-9 and _ only, got "${BadNameChar<K>}"`
      : `name: at most ${Creation["name"]["max"]} characters, got ${TooLong<K, Creation["name"]["max"]>}`;

type Or<A, B> = [A] extends [never] ? B : A;
type TextOf<X> = X extends { readonly text: infer T extends string } ? T : never;
type TypeOf<X> = X extends { readonly type: infer T extends string } ? Uppercase<T> : never;

type LengthProblem<T, Max extends number, P extends string> = [TooLong<T, Max>] extends [never]
  ? never
  : `${P}: at most ${Max} characters, got ${TooLong<T, Max>}`;

/** No variable at the start or end, none next to another (whitespace between counts as next to). */
type PlacementProblem<T, P extends string> = T extends string
  ? string extends T
    ? never
    : T extends `{{${string}}}${string}`
      ? `${P}: the text starts with a variable`
      : T extends `${string}{{${string}}}`
        ? `${P}: the text ends with a variable`
        : T extends `${string}}}{{${string}` | `${string}}} {{${string}` | `${string}}}\n{{${string}`
          ? `${P}: two variables are next to each other: put words between them`
          : never
  : never;

type NamedExamples<E> = E extends readonly (infer X)[] ? (X extends { readonly param_name: infer N extends string } ? N : never) : never;

/** Every variable has an example: positional `[[…n]]` / `[…]`, named `{ param_name }` for each. */
type ExampleProblem<X, Named, P extends string, Where extends "body" | "header"> = [VariablesOf<TextOf<X>>] extends [never]
  ? never
  : string extends VariablesOf<TextOf<X>>
    ? never
    : X extends { readonly example: infer E }
      ? Named extends true
        ? [
            Exclude<
              VariablesOf<TextOf<X>>,
              NamedExamples<E extends { readonly [K in `${Where}_text_named_params`]?: infer L } ? L : never>
            >,
          ] extends [never]
          ? never
          : `${P}.example: {{${Exclude<VariablesOf<TextOf<X>>, NamedExamples<E extends { readonly [K in `${Where}_text_named_params`]?: infer L } ? L : never>> & string}}} needs an example in ${Where}_text_named_params`
        : Where extends "body"
          ? E extends { readonly body_text: readonly [infer Row extends readonly unknown[]] }
            ? CountOf<VariablesOf<TextOf<X>>> extends Row["length"]
              ? never
              : `${P}.example.body_text: ${CountOf<VariablesOf<TextOf<X>>>} variable(s) need as many examples, got ${Row["length"]}`
            : `${P}.example.body_text: ${CountOf<VariablesOf<TextOf<X>>>} variable(s) need example.body_text: [[…]]`
          : E extends { readonly header_text: readonly [string] }
            ? never
            : `${P}.example.header_text: the variable needs example.header_text: ["…"]`
      : `${P}: ${CountOf<VariablesOf<TextOf<X>>>} variable(s) need an example`;

/** How many members a union has (variables of one text: a handful). */
type CountOf<U, Acc extends unknown[] = []> = [U] extends [never] ? Acc["length"] : CountOf<Exclude<U, LastOf<U>>, [...Acc, 0]>;
type LastOf<U> = (U extends unknown ? (x: () => U) => void : never) extends (x: infer I) => void
  ? I extends () => infer L
    ? L
    : never
  : never;

type ButtonsOfType<B, T extends string> = B extends readonly [infer H, ...infer R]
  ? TypeOf<H> extends T
    ? [H, ...ButtonsOfType<R, T>]
    : ButtonsOfType<R, T>
  : [];
type CountProblem<B, T extends string, Max extends number, P extends string> = `${Max}` extends keyof ButtonsOfType<B, T>
  ? `${P}: at most ${Max} ${T} button(s), got ${ButtonsOfType<B, T>["length"]}`
  : never;
type ButtonTextProblem<B, P extends string, I extends unknown[] = []> = B extends readonly [infer H, ...infer R]
  ? Or<LengthProblem<TextOf<H>, Creation["buttonText"]["max"], `${P}[${I["length"]}].text`>, ButtonTextProblem<R, P, [...I, 0]>>
  : never;
type ButtonsProblem<B, P extends string> = B extends readonly unknown[]
  ? `${Creation["buttons"]["max"]}` extends keyof B
    ? `${P}: at most ${Creation["buttons"]["max"]} buttons in total, got ${B["length"]}`
    : Or<
        CountProblem<B, "URL", Creation["buttons"]["urls"], P>,
        Or<
          CountProblem<B, "PHONE_NUMBER", Creation["buttons"]["phoneNumbers"], P>,
          Or<CountProblem<B, "COPY_CODE", Creation["buttons"]["copyCodes"], P>, ButtonTextProblem<B, P>>
        >
      >
  : never;

type TextProblem<X, Max extends number, P extends string, Named, Where extends "body" | "header"> = Or<
  LengthProblem<TextOf<X>, Max, `${P}.text`>,
  Or<PlacementProblem<TextOf<X>, `${P}.text`>, ExampleProblem<X, Named, P, Where>>
>;

type ComponentProblem<X, P extends string, Named> =
  TypeOf<X> extends "HEADER"
    ? TextProblem<X, Creation["headerText"]["max"], P, Named, "header">
    : TypeOf<X> extends "BODY"
      ? TextProblem<X, Creation["bodyText"]["max"], P, Named, "body">
      : TypeOf<X> extends "FOOTER"
        ? LengthProblem<TextOf<X>, Creation["footerText"]["max"], `${P}.text`>
        : TypeOf<X> extends "BUTTONS"
          ? X extends { readonly buttons: infer B }
            ? ButtonsProblem<B, `${P}.buttons`>
            : never
          : never;

type ComponentsProblem<C, Named, P extends string, I extends unknown[] = []> = C extends readonly [infer H, ...infer R]
  ? Or<ComponentProblem<H, `${P}components[${I["length"]}]`, Named>, ComponentsProblem<R, Named, P, [...I, 0]>>
  : never;

type IsNamed<D> = D extends { readonly parameter_format: infer F extends string } ? (Uppercase<F> extends "NAMED" ? true : false) : false;
type DefinitionProblem<D, P extends string> = D extends { readonly components: infer C } ? ComponentsProblem<C, IsNamed<D>, P> : never;

type LanguagesProblem<L, I extends unknown[] = []> = L extends readonly [infer H, ...infer R]
  ? Or<DefinitionProblem<H, `[${I["length"]}].`>, LanguagesProblem<R, [...I, 0]>>
  : never;

/** The first problem of one entry, or never; summaries (`{ languages, … }`) have no creation rules to check. */
export type EntryProblem<K extends string, D> = D extends { readonly languages: readonly string[] }
  ? never
  : Or<NameProblem<K>, D extends readonly unknown[] ? LanguagesProblem<D> : DefinitionProblem<D, "">>;

/** `name: problem`; a name too long to read is not repeated (the compiler would cut the message short). */
type Message<K extends string, P extends string> = P extends `name: at most ${string}` ? P : `${K}: ${P}`;

/**
 * What `defineTemplates()` adds to its parameter's type (under `NoInfer`, so `T` is inferred from
 * the argument alone, literals kept): nothing for an entry without problems, else the message
 * of its first problem, which the entry (an object) cannot be assigned to.
 */
export type CheckedTemplates<T> = {
  readonly [K in keyof T]: K extends string
    ? [EntryProblem<K, T[K]>] extends [never]
      ? unknown
      : Message<K, EntryProblem<K, T[K]>>
    : unknown;
};
