/**
 * Type-level limit checks for literal input. Non-literal `string` skips them (the runtime
 * check in validate() catches it); see shared/type-level-limits.md for why they look like this.
 */

import type { IsStringLiteral } from "type-fest";

/** One-character hole that does not collapse when several sit side by side. */
type Hole = string & {};
type DigitHoles = [
  "",
  `${Hole}`,
  `${Hole}${Hole}`,
  `${Hole}${Hole}${Hole}`,
  `${Hole}${Hole}${Hole}${Hole}`,
  `${Hole}${Hole}${Hole}${Hole}${Hole}`,
  `${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}`,
  `${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}`,
  `${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}`,
  `${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}${Hole}`,
];
type Ten<T extends string> = `${T}${T}${T}${T}${T}${T}${T}${T}${T}${T}`;

/** `N` holes, built digit by digit from the decimal of `N`: depth = number of digits. */
type Holes<N extends string, Acc extends string = ""> = N extends `${infer D extends keyof DigitHoles & `${number}`}${infer Rest}`
  ? Holes<Rest, `${Ten<Acc>}${DigitHoles[D]}`>
  : Acc;

/**
 * Matches any string longer than `Max`; the outer conditional makes TS cache it per `Max`.
 * The union with `0` changes no answer (no string is `0`) but makes TS cache whether the type
 * is generic: for a bare template it walks all `Max + 1` holes again on every check (4097 for a
 * text body), which was most of the builders' type-check time. A number literal rather than an
 * object type no string matches: a string fails against `0` at once, where against an object
 * type TS compared `String`'s members for every literal checked (half the entries of the
 * checker's assignability cache in the 1,000-message bench); and the constraint TS works out for
 * `MaxLength`'s parameter is `string`, not `string | (NotAString & string)` run through type-fest.
 */
type LongerThan<Max extends number> = Max extends number ? `${Holes<`${Max}`>}${Hole}${string}` | 0 : never;

/** How many `Chunk`s `S` starts with (a small tuple: at most 9 per decimal digit), and the rest. */
type Peel<S extends string, Chunk extends string, Count extends 0[] = []> = S extends `${Chunk}${infer Rest}`
  ? Peel<Rest, Chunk, [...Count, 0]>
  : [Count["length"], S];

/** `N` as a digit after a non-zero digit, or `""` while only leading zeros have been seen. */
type Digit<N extends number, Seen extends string> = Seen extends "" ? (N extends 0 ? "" : `${N}`) : `${N}`;

/**
 * Exact length in decimal, only evaluated once a literal is known to be too long: peels
 * thousands, hundreds, tens and ones, so no tuple grows past a few elements (a tuple as long
 * as the string made TS create a tuple type for every length up to it: 33k types per list).
 */
type Length<S extends string> =
  Peel<S, Holes<"1000">> extends [infer K extends number, infer R1 extends string]
    ? Peel<R1, Holes<"100">> extends [infer H extends number, infer R2 extends string]
      ? Peel<R2, Holes<"10">> extends [infer T extends number, infer R3 extends string]
        ? Peel<R3, Hole> extends [infer O extends number, string]
          ? `${Digit<K, "">}${Digit<H, Digit<K, "">>}${Digit<T, `${Digit<K, "">}${Digit<H, Digit<K, "">>}`>}${O}`
          : never
        : never
      : never
    : never;

/** True for `string` and pattern templates such as `Hi ${string}`, which are left to the runtime (type-fest's test, negated). */
export type IsNonLiteral<S extends string> = IsStringLiteral<S> extends true ? false : true;

/**
 * A string parameter of at most `Max` characters. For a literal that is too long, the
 * parameter type becomes the error message, e.g. `"text.body: at most 4096 characters, got 4097"`.
 *
 * The too-long test comes first and the literal test sits inside its branch: this order
 * keeps TypeScript from instantiating the error message while it infers `S` (about 25×
 * cheaper to check, measured with --extendedDiagnostics).
 *
 * @example
 * declare function body<S extends string>(s: MaxLength<S, 3, "x">): void;
 * body("abcd"); // error: Argument of type '"abcd"' is not assignable to parameter of type '"x: at most 3 characters, got 4"'
 */
export type MaxLength<S extends string, Max extends number, Path extends string> =
  S extends LongerThan<Max>
    ? IsNonLiteral<S> extends true
      ? S
      : NoInfer<`${Path}: at most ${Max} characters, got ${S extends string ? Length<S> : never}`>
    : S;

/**
 * The length (in decimal, e.g. `"4097"`) of a literal longer than `Max`; `never` when it fits or is not a literal (left to
 * the runtime). The same cheap test as `MaxLength`, for checks that build their own message.
 */
export type TooLong<S, Max extends number> = S extends string
  ? S extends LongerThan<Max>
    ? IsNonLiteral<S> extends true
      ? never
      : Length<S>
    : never
  : never;

/** Characters people put in phone numbers. */
type PhoneSeparator = " " | "(" | ")" | "-" | ".";

/**
 * A recipient's number, checked for literals: a formatted number needs the leading `+` (without
 * it the API adds the business number's country code: someone else), and `00` is not a prefix.
 * A non-literal `string` is checked at runtime.
 */
export type PhoneNumber<N extends string> = string extends N
  ? N
  : N extends `+${string}`
    ? N
    : N extends `00${string}`
      ? "to: use + or the bare country code, not an 00 prefix"
      : N extends `${string}${PhoneSeparator}${string}`
        ? "to: a formatted number must start with + and the country code"
        : N;

/**
 * A business-scoped user id, checked for literals: `CC.` (or `CC.ENT.`) and then letters and
 * digits, e.g. `US.13491208655302741918`. A non-literal `string` is checked at runtime.
 */
export type BusinessScopedId<S extends string> = string extends S
  ? S
  : S extends `${Uppercase<string>}.${string}`
    ? S
    : "recipient: a business-scoped user id looks like US.13491208655302741918";
