import { isObject, type JsonObject, kindOf, show } from "../rules/report.js";
import type { RuleIssues } from "./rule-issue.js";
import type { CreationRuleId } from "./rules.js";

export { isObject, type JsonObject, kindOf, show };

/** What every rule needs to know about the template being checked. */
export interface CheckContext {
  readonly out: RuleIssues;
  /** Upper case when it is one of the three; undefined otherwise (reported once, at `category`). */
  readonly category: "MARKETING" | "UTILITY" | "AUTHENTICATION" | undefined;
  readonly named: boolean;
  /** The template has a LIMITED_TIME_OFFER component. */
  readonly offer: boolean;
}

/** An own property only: a `__proto__` or `constructor` key in JSON is data, never the prototype. */
export const field = (object: JsonObject, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/** An enum value as Meta reads it (any case); undefined for anything but a string. */
export const upper = (value: unknown): string | undefined => (typeof value === "string" ? value.toUpperCase() : undefined);

/** A string field: reports a wrong JSON type; `required` names the rule for a missing one. */
export function textField(
  context: CheckContext,
  object: JsonObject,
  key: string,
  path: string,
  required?: CreationRuleId,
): string | undefined {
  const value = field(object, key);
  if (value === undefined) {
    if (required !== undefined) context.out.add(required, `${path}.${key}`, `${key} is required`);
    return undefined;
  }
  if (typeof value !== "string") {
    context.out.add("field-type", `${path}.${key}`, `expected a string, got ${kindOf(value)}`);
    return undefined;
  }
  if (value === "" && required !== undefined) {
    context.out.add(required, `${path}.${key}`, `${key} must not be empty`);
    return undefined;
  }
  return value;
}

/** Reports a string longer than `max` characters (String.length, as the rest of the builder counts). */
export function maxLength(context: CheckContext, rule: CreationRuleId, text: string | undefined, max: number, path: string): void {
  if (text !== undefined && text.length > max) context.out.add(rule, path, `at most ${max} characters, got ${text.length}`);
}

/** Reports keys the API does not know at this place (Meta refuses unknown parameters). */
export function knownFields(context: CheckContext, object: JsonObject, allowed: readonly string[], path: string): void {
  let reported = 0;
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    if (reported++ >= 5) return; // a few say enough; a hostile body with 100k keys says no more
    context.out.add(
      "unknown-field",
      `${path === "" ? "" : `${path}.`}${key}`,
      `${show(key)} is not a field here (known: ${allowed.join(", ")})`,
    );
  }
}

/** An array field; reports a wrong type. */
export function arrayField(context: CheckContext, object: JsonObject, key: string, path: string): readonly unknown[] | undefined {
  const value = field(object, key);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    context.out.add("field-type", `${path}.${key}`, `expected an array, got ${kindOf(value)}`);
    return undefined;
  }
  return value;
}
