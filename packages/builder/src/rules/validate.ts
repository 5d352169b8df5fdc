import type { Issue } from "../issue.js";
import { explain } from "./explain.js";
import { is } from "./is.js";
import { markRead } from "./mark-read.js";
import { message } from "./message.js";
import { isObject, type JsonObject, kindOf, Report } from "./report.js";
import type { Rule } from "./rule.js";
import { describe, skipped, toWire } from "./wire.js";

/** A mark-as-read (or typing) body: it has a `status` and neither `type` nor `to`. */
const isMarkRead = (body: JsonObject): boolean => body.status !== undefined && body.type === undefined && body.to === undefined;

/** The rule of a request body: a message, or a mark-as-read. */
export const bodyRuleOf = (body: JsonObject): Rule => (isMarkRead(body) ? markRead : message);

/**
 * Checks any value against the documented rules for a messages-endpoint body and returns
 * every issue found: errors (the API rejects the body) and warnings (a form the API accepts
 * though it is not the documented one); an empty array means valid and canonical. Never
 * throws, and runs in time linear in the body's size. It judges what `JSON.stringify` would
 * send: `toJSON` applied, own enumerable properties only, `undefined` members dropped;
 * values JSON cannot carry (a BigInt, a cycle, a getter that throws) are errors.
 *
 * @example
 * validate({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "" } });
 * // [{ path: "text.body", code: "too_short", severity: "error", message: "must not be empty", limit: 1, actual: 0 }]
 */
export function validate(value: unknown): readonly Issue[] {
  return issuesOf(undefined, value);
}

/** The issues of `value` against `rule` (or, when undefined, the rule its shape calls for). */
export function issuesOf(rule: Rule | undefined, value: unknown): readonly Issue[] {
  const report = new Report();
  try {
    const body = toWire(value, report);
    if (body === skipped) return report.issues;
    if (!isObject(body)) report.add(undefined, "invalid_type", `expected a JSON object, got ${kindOf(body)}`);
    else explain(rule ?? bodyRuleOf(body), body, report, undefined);
  } catch (error) {
    // Not reachable through toWire's copy; kept so that validate() never throws, whatever happens (a stack overflow on absurd nesting).
    return [...report.issues, { path: "", code: "invalid_value", severity: "error", message: `could not be checked: ${describe(error)}` }];
  }
  return report.issues;
}

/** The quick test a builder runs on the body it assembled: true when it breaks no error rule. */
export function passes(rule: Rule, body: unknown): boolean {
  try {
    return is(rule)(body);
  } catch {
    return false; // a getter that throws: validate() will say where
  }
}
