import type { Issue } from "../issue.js";
import { issuesOf } from "./issues.js";
import { markReadBody } from "./mark-read.js";
import { message } from "./message.js";
import { absent, type JsonObject } from "./report.js";
import type { Rule } from "./rule.js";

/** A mark-as-read (or typing) body: it has a `status` and neither `type` nor `to` (null is absent, as everywhere). */
const isMarkRead = (body: JsonObject): boolean => !absent(body.status) && absent(body.type) && absent(body.to);

/** The rule of a request body: a message, or a mark-as-read. */
const bodyRuleOf = (body: JsonObject): Rule => (isMarkRead(body) ? markReadBody : message);

/**
 * Checks any value against the documented rules for a messages-endpoint body and returns
 * every issue found: errors (the API rejects the body) and warnings (a form the API accepts
 * though it is not the documented one); an empty array means valid and canonical. Never
 * throws. It judges what `JSON.stringify` would send: `toJSON` applied, own enumerable
 * properties only, `undefined` members dropped; values JSON cannot carry (a BigInt, a cycle, a
 * getter that throws, nesting deeper than 1,000 levels) are errors. Bounded whatever it is
 * given: it reads at most 500,000 values (a shared object counts once per reference, as JSON
 * repeats it; a longer array or typed array is not read at all), in time linear in that, and a
 * larger value is one error, "too large to validate"; after 20 issues in one array, 20 unknown
 * keys in one object or 20 values JSON cannot carry, one "truncated" issue counts the rest.
 *
 * @example
 * validate({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "" } });
 * // [{ path: "text.body", code: "too_short", severity: "error", message: "must not be empty", limit: 1, actual: 0 }]
 */
export function validate(value: unknown): readonly Issue[] {
  return issuesOf(bodyRuleOf, value);
}
