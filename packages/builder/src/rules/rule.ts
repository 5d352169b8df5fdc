import type { Report } from "./report.js";

// The rules of a request body, as data. Each rule is written once, in the table under
// rules/, and read four ways: quick-source.ts compiles each kind's fast yes/no ahead of time
// (rules/quick/, written by `pnpm gen`, run by .build()), explain.ts walks it for the issues
// (validate(), and a build that fails), json-schema.ts makes the shipped schema, and the docs
// page is generated from it. Nothing evaluates code from strings at run time, so the rules
// run under a strict Content-Security-Policy.

/** A string. Lengths count UTF-16 code units, as `String.length` does. */
export interface StringRule {
  readonly kind: "string";
  /** Below: an error (1 = must not be empty). */
  readonly min: number;
  /** Above: an error. */
  readonly max: number;
  /** The stricter of two documented limits: above it a warning, above `max` an error (cloud-api.md §15). */
  readonly warnAbove?: number;
  readonly pattern?: RegExp;
  /** What `pattern` expects, in words: `a date in YYYY-MM-DD form`. */
  readonly format?: string;
  /** A value that misses `pattern` but matches this one is accepted by the live API: a warning. */
  readonly tolerate?: RegExp;
  /** The live API also takes a JSON number here: a warning. */
  readonly numberIsWarning?: boolean;
  /** The live API also takes `""` here: a warning with this message. */
  readonly emptyIsWarning?: string;
  /** Where the rule comes from and why, for the docs. */
  readonly note?: string;
}

/** One of a list of strings. */
export interface EnumRule {
  readonly kind: "enum";
  readonly values: readonly string[];
  /** Another case (`"HEADER"` for `"header"`) is accepted by the live API: a warning. */
  readonly anyCase?: boolean;
  readonly note?: string;
}

/** A finite number within a range. */
export interface NumberRule {
  readonly kind: "number";
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** A string holding such a number is as good as the number (Meta documents both). */
  readonly numericString?: boolean;
  /** What is expected, in words, when it is more than `a number`. */
  readonly expected?: string;
  readonly note?: string;
}

export interface BooleanRule {
  readonly kind: "boolean";
}

/** Any JSON object (free-form data, such as a flow's initial data). */
export interface JsonObjectRule {
  readonly kind: "json";
  /** An empty object is an error (`omit it instead`). */
  readonly nonEmpty?: boolean;
}

/** Any JSON value: fields the API documents but does not constrain (address values, legacy date fields). */
export interface AnyRule {
  readonly kind: "any";
}

/** A field of an object: its rule, and whether it must be present. */
export interface Field {
  readonly rule: Rule;
  readonly required?: boolean;
  /** The message when a required field is missing (default: `is required`). */
  readonly missing?: string;
}

/** An object with known keys; any other key is an error. */
export interface ObjectRule {
  readonly kind: "object";
  readonly fields: { readonly [key: string]: Field };
  /** Why an unknown key is wrong (default: `not a field of this object`): one message, or one per key. */
  readonly unknown?: string | UnknownKeys;
  /** Keys the live API accepts and ignores: a warning with this message. */
  readonly ignored?: { readonly [key: string]: string };
  /** Rules across fields, checked once the fields pass. */
  readonly refine?: readonly Refinement[];
  /**
   * Builders pass this object on from the caller as it is (a media source): its keys are
   * counted even when the yes/no check trusts a builder's own objects (see quick-source.ts).
   */
  readonly fromCaller?: boolean;
  readonly note?: string;
}

/**
 * Messages for unknown keys that depend on the key (`header` on a type that takes none), as
 * data rather than a function, so that each kind's compiled explanation can state them.
 */
export interface UnknownKeys {
  /** Keys that get `message`: `header` and `footer` on a type that takes neither. */
  readonly keys: readonly string[];
  readonly message: string;
  /** The message for any other key. */
  readonly otherwise: string;
}

/** An array of `item`, counted. */
export interface ArrayRule {
  readonly kind: "array";
  readonly item: Rule;
  readonly min: number;
  readonly max: number;
  /** The stricter of two documented counts: above it a warning, above `max` an error. */
  readonly warnAbove?: number;
  /** The singular noun of messages: "at most 3 reply buttons, got 4". */
  readonly noun: string;
  readonly refine?: readonly Refinement<readonly unknown[]>[];
}

/** Objects told apart by the string at `key` (`type`, `sub_type`): one object rule per value. */
export interface UnionRule {
  readonly kind: "union";
  readonly key: string;
  /** The rule of each value's object; `key` itself is known to each. */
  readonly cases: { readonly [value: string]: ObjectRule };
  /** `"BUTTON"` for `"button"` is accepted by the live API: a warning. */
  readonly anyCase?: boolean;
  /** The message for a value that is no case (default: `expected one of …, got …`). */
  readonly expected?: (got: string) => string;
  /** The message when `key` is missing (default: `is required (one of …)`). */
  readonly missing?: string;
  /** The case an absent `key` means (the API reads a message without `type` as text). */
  readonly default?: string;
  readonly note?: string;
}

/**
 * A rule the kinds above cannot state, with both of its readings: `passes`, the yes/no check, and
 * `explain`, which reports what is wrong at `key`. Its sentence in the docs is in refinement-docs.ts
 * and its JSON Schema (as close as JSON Schema can say) in refinement-schemas.ts, apart from the
 * table, so that validate() and the sends do not carry them.
 */
export interface CustomRule {
  readonly kind: "custom";
  readonly passes: (value: unknown) => boolean;
  readonly explain: (value: unknown, report: Report, key: string | number | undefined) => void;
}

/**
 * A rule across the fields of one object or the entries of one array (exactly one of,
 * totals). `passes` sees a value whose fields already passed; `explain` sees any value and
 * reports only its own rule. A uniqueness rule says what must not repeat instead of a `passes`
 * (see Unique), so the check compiler can write its loop inline.
 */
export type Refinement<T = { readonly [key: string]: unknown }> = TestedRefinement<T> | UniqueRefinement<T>;

interface RefinementBase<T> {
  readonly explain: (value: T, report: Report) => void;
}

export interface TestedRefinement<T = { readonly [key: string]: unknown }> extends RefinementBase<T> {
  readonly passes: (value: T) => boolean;
}

/** Strings that must not repeat across an array's entries: found at `path` in each entry, or in each entry's `nested` array. */
export interface Unique {
  /** What must not repeat, plural: "reply button ids". */
  readonly what: string;
  readonly path: readonly [string] | readonly [string, string];
  readonly nested?: string;
}

export interface UniqueRefinement<T = { readonly [key: string]: unknown }> extends RefinementBase<T> {
  readonly unique: Unique;
}

export type Rule =
  | StringRule
  | EnumRule
  | NumberRule
  | BooleanRule
  | JsonObjectRule
  | AnyRule
  | ObjectRule
  | ArrayRule
  | UnionRule
  | CustomRule;

/** A rule with no fields or entries to walk. */
export type LeafRule = StringRule | EnumRule | NumberRule | BooleanRule | JsonObjectRule | AnyRule | CustomRule;

// Every kind, leaf or not: a kind added to `Rule` is a compile error here until it is placed.
const leafKinds = {
  string: true,
  enum: true,
  number: true,
  boolean: true,
  json: true,
  any: true,
  custom: true,
  object: false,
  array: false,
  union: false,
} as const satisfies Record<Rule["kind"], boolean>;

/** True for a rule with no fields or entries to walk (see LeafRule). */
export const isLeafRule = (rule: Rule): rule is LeafRule => leafKinds[rule.kind];

/**
 * The end of every switch over rule kinds: a kind added to `Rule` is a compile error in each
 * reader (explain, the quick-check generator, the schema, the limits doc) until it has its case.
 */
export function unhandledRule(rule: never): never {
  throw new Error(`no reader handles the rule kind ${JSON.stringify((rule as { readonly kind?: unknown }).kind)}`);
}

export type JsonSchema = { readonly [key: string]: unknown };

// Constructors with the defaults: a string is optional-by-field, non-empty, unbounded.

export const string = (rule: Omit<StringRule, "kind" | "min" | "max"> & { min?: number; max?: number } = {}): StringRule => ({
  kind: "string",
  ...rule,
  min: rule.min ?? 1,
  max: rule.max ?? Number.POSITIVE_INFINITY,
});

export const oneOf = (values: readonly string[], options: Omit<EnumRule, "kind" | "values"> = {}): EnumRule => ({
  kind: "enum",
  values,
  ...options,
});

export const number = (rule: Omit<NumberRule, "kind">): NumberRule => ({ kind: "number", ...rule });

export const boolean: BooleanRule = { kind: "boolean" };

export const object = (fields: ObjectRule["fields"], options: Omit<ObjectRule, "kind" | "fields"> = {}): ObjectRule => ({
  kind: "object",
  fields,
  ...options,
});

export const array = (item: Rule, count: Omit<ArrayRule, "kind" | "item">): ArrayRule => ({ kind: "array", item, ...count });

export const union = (key: string, cases: UnionRule["cases"], options: Omit<UnionRule, "kind" | "key" | "cases"> = {}): UnionRule => ({
  kind: "union",
  key,
  cases,
  ...options,
});

/** A required field. */
export const required = (rule: Rule, missing?: string): Field =>
  missing === undefined ? { rule, required: true } : { rule, required: true, missing };
/** An optional field. */
export const optional = (rule: Rule): Field => ({ rule });
