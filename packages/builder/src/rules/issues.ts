import type { Issue } from "../issue.js";
import { explain } from "./explain.js";
import { isObject, type JsonObject, kindOf, Report } from "./report.js";
import type { Rule } from "./rule.js";
import { describe, skipped, toWire } from "./wire.js";

/**
 * The issues of `value` as `JSON.stringify` would send it, against `rule`, or against the
 * rule `ruleOf` picks for the wire body. Never throws.
 */
export function issuesOf(rule: Rule | ((body: JsonObject) => Rule), value: unknown): readonly Issue[] {
  const report = new Report();
  try {
    const body = toWire(value, report);
    if (body === skipped) return report.issues;
    if (!isObject(body)) report.add(undefined, "invalid_type", `expected a JSON object, got ${kindOf(body)}`);
    else explain(typeof rule === "function" ? rule(body) : rule, body, report, undefined);
  } catch (error) {
    // Not reachable through toWire's copy; kept so that validate() never throws, whatever happens (a stack overflow on absurd nesting).
    return [...report.issues, { path: "", code: "invalid_value", severity: "error", message: `could not be checked: ${describe(error)}` }];
  }
  return report.issues;
}
