import { quote } from "../quote.js";
import type { TemplateChange } from "./change-events.js";
import { type FieldContext, type Json, MemberReader, own } from "./read.js";

/** Digits an id may have as a string (Meta's are 15–16; the management API's ids are strings of the same digits). */
const longestId = 64;

/** 2^53 − 1: past it, `JSON.parse` rounds an integer to the nearest double, and its last digits are lost. */
const largestExact = Number.MAX_SAFE_INTEGER;

/**
 * `message_template_id` as digits: a JSON integer (Meta's form, templates-management.md §5) or digits
 * in a string (kept exactly, as every other id of this package). An integer beyond 2^53 − 1 has already
 * been rounded by `JSON.parse`: it is read as the rounded number's digits (written out, never `1e+21`)
 * and reported, so two events of one template still agree on it but nobody takes it for Meta's digits.
 */
function templateIdOf(value: Json, path: string, ctx: FieldContext): string | undefined {
  const at = `${path}.message_template_id`;
  const id = own(value, "message_template_id");
  if (typeof id === "string" && id.length <= longestId && /^\d+$/.test(id)) return id;
  if (typeof id === "number" && Number.isInteger(id) && id >= 0) {
    if (id <= largestExact) return String(id);
    const digits = BigInt(id).toString();
    ctx.issue(
      at,
      "out_of_range",
      `an integer up to 2^53 - 1 (${largestExact}) keeps its digits through JSON.parse; got one beyond it, read as ${digits}, which may not be Meta's digits (parse the body with big integers as strings to keep them)`,
    );
    return digits;
  }
  if (id === undefined) ctx.issue(at, "required", "the template's id (an integer) is required");
  else ctx.issue(at, "invalid_type", `a non-negative integer (or up to ${longestId} digits), got ${quote(id)}`);
  return undefined;
}

/**
 * A language code in the management API's form: `en-US` (Meta's status and quality examples) and
 * `en_US` are the same code (templates-management.md §6.8), so both read as `en_US`; anything else is
 * kept as sent.
 */
export function templateLanguageOf(language: string): string {
  const code = /^([A-Za-z]{2,3})[-_]([A-Za-z]{2})$/.exec(language);
  return code === null ? language : `${(code[1] as string).toLowerCase()}_${(code[2] as string).toUpperCase()}`;
}

/**
 * A known enum value sent in another case (`paused`, as Meta's pacing page writes it,
 * templates-management.md §6.9) is read as the known one; any other string is kept as sent (`raw` keeps
 * what came either way).
 */
export function knownCase<Known extends string>(value: string, known: ReadonlySet<Known>): Known | (string & {}) {
  if (known.has(value as Known)) return value;
  const upper = value.toUpperCase();
  return known.has(upper as Known) ? upper : value;
}

/**
 * The id, name and language every template webhook carries; undefined (each problem an issue at its
 * path) when one of them cannot be read, and the caller keeps the object as an `other` event.
 */
export function readTemplateHead(value: Json, path: string, ctx: FieldContext): TemplateChange | undefined {
  const reader = new MemberReader(value, path, ctx.issue);
  const id = templateIdOf(value, path, ctx);
  const name = reader.text("message_template_name", true);
  const language = reader.text("message_template_language", true);
  if (id === undefined || name === undefined || language === undefined) return undefined;
  return {
    message_template_id: id,
    message_template_name: name,
    message_template_language: language,
    language: templateLanguageOf(language),
  };
}
