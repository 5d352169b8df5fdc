// The leaves and steps explain-leaf.ts words, for this walk over the table and for the compiled explanations alike.
import * as leaf from "./explain-leaf.js";
import type { JsonObject, Report } from "./report.js";
import { show } from "./report.js";
import { type Field, type ObjectRule, type Rule, type UnionRule, unhandledRule } from "./rule.js";

export { explainCount, maxIssuesPerArray } from "./explain-leaf.js";

/**
 * Reports what is wrong with `value` (found at `key`, or the body itself when undefined)
 * against `rule`: errors where the API rejects it, warnings where it differs from the
 * documented form but is accepted. Reads the wire form (see toWire), never throws.
 */
export function explain(rule: Rule, value: unknown, report: Report, key: string | number | undefined): void {
  switch (rule.kind) {
    // Leaves: worded in explain-leaf.ts, which each kind's compiled explanation calls too.
    case "string":
      leaf.explainString(rule, value, report, key);
      return;
    case "enum":
      leaf.explainEnum(rule, value, report, key);
      return;
    case "number":
      leaf.explainNumber(rule, value, report, key);
      return;
    case "boolean":
      leaf.explainBoolean(value, report, key);
      return;
    case "json":
      leaf.explainJson(rule, value, report, key);
      return;
    case "any":
      return;
    case "custom":
      rule.explain(value, report, key);
      return;
    case "object":
      if (!leaf.enter(value, report, key)) return;
      explainObject(rule, value, report, undefined);
      leaf.leave(report, key);
      return;
    case "array":
      leaf.explainEntries(value, report, key, rule, (entry, index) => explain(rule.item, entry, report, index), rule.refine);
      return;
    case "union":
      if (!leaf.enter(value, report, key)) return;
      explainUnion(rule, value, report);
      leaf.leave(report, key);
      return;
    default:
      unhandledRule(rule);
  }
}

/** The message for a missing required field. */
export const missingMessage = (field: Field): string =>
  field.missing ?? (field.rule.kind === "enum" ? `is required (one of ${field.rule.values.join(", ")})` : "is required");

/** The fields of `object` (already known to be one), then its refinements. `extraKey`: a union's discriminator. */
export function explainObject(rule: ObjectRule, object: JsonObject, report: Report, extraKey: string | undefined): void {
  const { fields, ignored } = rule;
  leaf.explainUnknownKeys(object, report, (key) => Object.hasOwn(fields, key) || key === extraKey, rule.unknown, ignored);
  for (const key in fields) {
    const field = fields[key] as Field;
    const value = object[key];
    if (value === undefined) {
      if (field.required === true) report.add(key, "required", missingMessage(field));
    } else if (value === null && field.required !== true) report.warn(key, "invalid_type", leaf.nullIsAbsent);
    else explain(field.rule, value, report, key);
  }
  if (rule.refine !== undefined) for (const refinement of rule.refine) refinement.explain(object, report);
}

function explainUnion(rule: UnionRule, object: JsonObject, report: Report): void {
  const { key, cases } = rule;
  const tag = object[key] ?? rule.default;
  let name = typeof tag === "string" && Object.hasOwn(cases, tag) ? tag : undefined;
  if (name === undefined && rule.anyCase === true && typeof tag === "string") {
    name = leaf.sameIgnoringCase(Object.keys(cases), tag);
    if (name !== undefined) report.warn(key, "invalid_value", `the documented form is "${name}", got ${show(tag)}`);
  }
  if (name === undefined) {
    const values = Object.keys(cases).join(", ");
    if (tag === undefined) report.add(key, "required", rule.missing ?? `is required (one of ${values})`);
    else report.add(key, "invalid_value", rule.expected?.(show(tag)) ?? `expected one of ${values}, got ${show(tag)}`);
    return;
  }
  explainObject(cases[name] as ObjectRule, object, report, key);
}
