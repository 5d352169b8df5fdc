import { limits } from "../limits.js";
import { exactlyOneOf, idOrLink } from "./common-refinements.js";
import { type AnyRule, object, optional, required, string, type UnknownKeys } from "./rule.js";

// Re-exported for the table's other readers; the generated checks import them from common-refinements.ts.
export { exactlyOneOf, idOrLink };

/** A WhatsApp message id: non-empty, at most 128 characters [S §1]. */
export const wamid = string({ max: limits.wamid.max });

/** `http://` or `https://` followed by a host [S §4, M-cta]. */
export const httpUrl = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;
export const link = string({ pattern: httpUrl, format: "an http or https URL" });

const oneSource = [idOrLink];

/** Where media comes from: an uploaded `id` or a public http(s) `link`, exactly one [S §4]. */
export const mediaSource = (extra: { readonly [key: string]: ReturnType<typeof optional> }, unknown: string | UnknownKeys) =>
  object({ id: optional(string()), link: optional(link), ...extra }, { unknown, refine: oneSource, fromCaller: true });

/** A `{ text }` object (interactive body and footer). */
export const textObject = (rule: ReturnType<typeof string>) => object({ text: required(rule) });

/** Any JSON value: fields the API documents but does not constrain (address values, legacy date fields). */
export const anything: AnyRule = { kind: "any" };
