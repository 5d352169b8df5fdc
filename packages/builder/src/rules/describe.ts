import { envelopeFields } from "./envelope.js";
import { markReadBody } from "./mark-read.js";
import { type Kind, kinds, messages } from "./message.js";
import { docOf } from "./refinement-docs.js";
import { refinementSchemas } from "./refinement-schemas.js";
import { type Field, isLeafRule, type Refinement, type Rule, unhandledRule } from "./rule.js";

// The rule table in words, for docs/limits.md (scripts/limits-doc.mjs, written by `pnpm gen`): one row per field,
// then the rules across fields. Nothing here is bundled by an app: only the docs script reads it.

/** One field of the docs: where, whether required, and its rule in words. */
export interface FieldRow {
  readonly path: string;
  readonly required: boolean;
  readonly rule: string;
}

const count = (min: number, max: number): string =>
  Number.isFinite(max) ? (min === max ? `${min}` : `${min}–${max.toLocaleString("en")}`) : `at least ${min}`;
const code = (values: readonly string[]): string => values.map((value) => `\`${value}\``).join(", ");

/** The rule of one value in words (not its children). */
export function ruleInWords(rule: Rule): string {
  switch (rule.kind) {
    case "string": {
      const parts = [
        rule.min === 1 && !Number.isFinite(rule.max) ? "string, not empty" : `string, ${count(rule.min, rule.max)} characters`,
      ];
      if (rule.warnAbove !== undefined) parts.push(`above ${rule.warnAbove} a warning`);
      if (rule.pattern !== undefined)
        parts.push(`${rule.format ?? "a pattern"}${rule.tolerate === undefined ? "" : " (otherwise a warning)"}`);
      if (rule.emptyIsWarning !== undefined) parts.push('`""` a warning');
      if (rule.numberIsWarning === true) parts.push("a JSON number a warning");
      return parts.join("; ");
    }
    case "enum":
      return `one of ${code(rule.values)}${rule.anyCase === true ? "; another case a warning" : ""}`;
    case "number":
      return `${rule.integer === true ? "integer" : "number"}${Number.isSafeInteger(rule.min) ? ` ${rule.min} to ${rule.max}` : ""}${rule.numericString === true ? ", or a string holding one" : ""}`;
    case "boolean":
      return "boolean";
    case "json":
      return rule.nonEmpty === true ? "any JSON object, not empty" : "any JSON object";
    case "any":
      return "any JSON value";
    case "object":
      return "object";
    case "array":
      return `array of ${count(rule.min, rule.max)} ${rule.noun}s${rule.warnAbove === undefined ? "" : `; above ${rule.warnAbove} a warning`}`;
    case "union":
      return `object, by \`${rule.key}\`: ${code(Object.keys(rule.cases))}${rule.anyCase === true ? " (another case a warning)" : ""}`;
    case "custom":
      return docOf(rule);
    default:
      return unhandledRule(rule);
  }
}

/** Every field under `rule`, depth first, and every rule across fields, with their paths. */
export function describeRule(rule: Rule, path: string, rows: FieldRow[], refinements: [string, Refinement<never>][]): void {
  if (isLeafRule(rule)) return; // a leaf's row was written by its parent
  const refine = (list: readonly Refinement<never>[] | undefined) => {
    for (const refinement of list ?? []) refinements.push([path, refinement]);
  };
  const fields = (of: { readonly [key: string]: Field }, skip?: string) => {
    for (const [key, field] of Object.entries(of)) {
      if (key === skip) continue;
      const at = path === "" ? key : `${path}.${key}`;
      rows.push({ path: at, required: field.required === true, rule: ruleInWords(field.rule) });
      describeRule(field.rule, at, rows, refinements);
    }
  };
  switch (rule.kind) {
    case "object":
      fields(rule.fields);
      refine(rule.refine as readonly Refinement<never>[] | undefined);
      for (const [key, why] of Object.entries(rule.ignored ?? {}))
        rows.push({ path: path === "" ? key : `${path}.${key}`, required: false, rule: `a warning: ${why}` });
      return;
    case "array":
      describeRule(rule.item, `${path}[]`, rows, refinements);
      refine(rule.refine as readonly Refinement<never>[] | undefined);
      return;
    case "union":
      for (const [value, object] of Object.entries(rule.cases)) {
        const at = `${path}{${rule.key}=${value}}`;
        describeRule(
          { ...object, fields: Object.fromEntries(Object.entries(object.fields).filter(([key]) => key !== rule.key)) },
          at,
          rows,
          refinements,
        );
      }
      return;
    default:
      unhandledRule(rule);
  }
}

/** The table for one part of a body: the envelope, a kind (its own object), or the mark-as-read body. */
export function describePart(part: "envelope" | Kind | "mark-read"): { rows: FieldRow[]; refinements: [string, string][] } {
  const rows: FieldRow[] = [];
  const refinements: [string, Refinement<never>][] = [];
  if (part === "envelope") {
    for (const [key, field] of Object.entries(envelopeFields))
      rows.push({ path: key, required: field.required === true, rule: ruleInWords(field.rule) });
    rows.push({ path: "type", required: false, rule: `one of ${code(kinds)}; absent means \`text\`` });
    describeRule({ kind: "object", fields: envelopeFields }, "", rows, refinements);
    for (const refinement of messages.text.refine ?? []) refinements.push(["", refinement as Refinement<never>]);
  } else if (part === "mark-read") describeRule(markReadBody, "", rows, refinements);
  else {
    const field = messages[part].fields[part] as Field;
    rows.push({ path: part, required: true, rule: ruleInWords(field.rule) });
    describeRule(field.rule, part, rows, refinements);
  }
  const seen = new Set<string>();
  return {
    rows: rows.filter((row) => !seen.has(row.path) && seen.add(row.path)),
    // The rules JSON Schema cannot say are marked: the shipped schema leaves them to validate().
    refinements: refinements.map(([path, refinement]) => [
      path,
      !refinementSchemas.has(refinement) ? `${docOf(refinement)} (validate() only: JSON Schema cannot say it)` : docOf(refinement),
    ]),
  };
}

export { kinds };
