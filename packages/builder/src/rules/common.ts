import { limits } from "../limits.js";
import type { Report } from "./report.js";
import { type AnyRule, object, optional, required, string, type TestedRefinement, type UnknownKeys } from "./rule.js";

/** A WhatsApp message id: non-empty, at most 128 characters [S §1]. */
export const wamid = string({ max: limits.wamid.max });

/** `http://` or `https://` followed by a host [S §4, M-cta]. */
export const httpUrl = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;
export const link = string({ pattern: httpUrl, format: "an http or https URL" });

/** Exactly one of two fields, reported at the object itself (media id/link, flow id/name). */
export const exactlyOneOf = (first: string, second: string): TestedRefinement => ({
  doc: `exactly one of \`${first}\` or \`${second}\``,
  passes: (object) => (object[first] === undefined || object[first] === null) !== (object[second] === undefined || object[second] === null),
  explain: (object, report: Report) => {
    const hasFirst = object[first] !== undefined && object[first] !== null;
    const hasSecond = object[second] !== undefined && object[second] !== null;
    if (hasFirst && hasSecond) report.add(undefined, "conflict", `exactly one of ${first} or ${second}, got both`);
    else if (!hasFirst && !hasSecond) report.add(undefined, "required", `exactly one of ${first} or ${second} is required`);
  },
});

/** Media: an uploaded `id` or a `link`, not both (exported: the generated checks call it by name). */
export const idOrLink = exactlyOneOf("id", "link");
const oneSource = [idOrLink];

/** Where media comes from: an uploaded `id` or a public http(s) `link`, exactly one [S §4]. */
export const mediaSource = (extra: { readonly [key: string]: ReturnType<typeof optional> }, unknown: string | UnknownKeys) =>
  object({ id: optional(string()), link: optional(link), ...extra }, { unknown, refine: oneSource, fromCaller: true });

/** A `{ text }` object (interactive body and footer). */
export const textObject = (rule: ReturnType<typeof string>) => object({ text: required(rule) });

/** Any JSON value: fields the API documents but does not constrain (address values, legacy date fields). */
export const anything: AnyRule = { kind: "any" };
