/**
 * Compile-time checks of the builder, for literal input (a plain `string` is left to
 * validateFlow at build time). Each check returns the argument's own type when it holds and
 * an error message otherwise, so the editor shows the rule at the call: see
 * shared/type-level-limits.md for why length checks look the way they do.
 */
import type { MaxLength } from "@wacompose/builder";

/** `${form.a}` / `${data.a.b}` → "a"; an expression in backticks is scanned the same way. */
type Referenced<S extends string, Kind extends "form" | "data"> = S extends `${string}\${${Kind}.${infer Name}}${infer Rest}`
  ? RootName<Name> | Referenced<Rest, Kind>
  : never;
type RootName<Name extends string> = Name extends `${infer Head}.${string}` ? Head : Name extends `${infer Head}[${string}` ? Head : Name;

/** The message for each unresolved reference in `S` (a union of strings is scanned string by string), or never. */
type Unresolved<S extends string, Data extends string, Fields extends string> =
  | (Exclude<Referenced<S, "data">, Data> extends infer Missing extends string
      ? Missing extends string
        ? `\${data.${Missing}} does not resolve: no field ${Missing} in this screen's data()`
        : never
      : never)
  | (Exclude<Referenced<S, "form">, Fields> extends infer Missing extends string
      ? Missing extends string
        ? `\${form.${Missing}} does not resolve: no input named ${Missing} on this screen (declare it before use)`
        : never
      : never);

/** `S` when its `${data.x}` / `${form.x}` references resolve on this screen, else the message. */
export type References<S extends string, Data extends string, Fields extends string> = [Unresolved<S, Data, Fields>] extends [never]
  ? S
  : NoInfer<Unresolved<S, Data, Fields>>;

/** A text property: at most `Max` characters, every reference resolved. */
export type Text<S extends string, Max extends number, Path extends string, Data extends string, Fields extends string> =
  MaxLength<S, Max, Path> extends S ? References<S, Data, Fields> : MaxLength<S, Max, Path>;

/** Every string in an action's payload, one level of nesting deep. */
type PayloadStrings<P> = P extends string
  ? P
  : P extends readonly (infer E)[]
    ? Extract<E, string>
    : P extends object
      ? { [K in keyof P]: P[K] extends string ? P[K] : P[K] extends object ? Extract<P[K][keyof P[K]], string> : never }[keyof P]
      : never;

/** The action when its payload's references all resolve on this screen, else the message. */
export type ResolvedAction<A, Data extends string, Fields extends string> = A extends { readonly payload?: infer P }
  ? [Unresolved<PayloadStrings<P>, Data, Fields>] extends [never]
    ? A
    : NoInfer<Unresolved<PayloadStrings<P>, Data, Fields>>
  : A;

/** A name not used yet on the screen (names are unique, across If/Switch branches too). */
export type NewName<N extends string, Fields extends string> = string extends N
  ? N
  : N extends Fields
    ? NoInfer<`name ${N} is already used on this screen`>
    : N;

/** A tuple of `N` slots, any element. */
type Slots<N extends number, Acc extends unknown[] = []> = Acc["length"] extends N ? Acc : Slots<N, [...Acc, unknown]>;

/**
 * `unknown` when a literal option list has `Min`–`Max` entries and a `${data.x}` reference
 * resolves, else the message. It types the method's `this`: a conditional parameter type would
 * stop TypeScript from inferring the list as a tuple, so the count would be lost.
 */
export type OptionCount<O, Min extends number, Max extends number, Path extends string, Data extends string> = O extends string
  ? [Unresolved<O, Data, never>] extends [never]
    ? unknown
    : Unresolved<O, Data, never>
  : O extends readonly unknown[]
    ? number extends O["length"]
      ? unknown
      : O extends readonly [...Slots<Max>, unknown, ...unknown[]]
        ? `${Path}: at most ${Max} options, got ${O["length"]}`
        : O extends readonly [...Slots<Min>, ...unknown[]]
          ? unknown
          : `${Path}: at least ${Min} options, got ${O["length"]}`
    : unknown;

/** The component count so far; the 51st component's first argument becomes this message. */
export type Room<Count extends 0[], T> = Count["length"] extends 50 ? NoInfer<"screen: at most 50 components per screen"> : T;
