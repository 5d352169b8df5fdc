import { markReadBody } from "./mark-read.js";
import { message } from "./message.js";
import { docOf } from "./refinement-docs.js";
import { customRuleSchemas, refinementSchemas } from "./refinement-schemas.js";
import {
  type Field,
  type JsonSchema,
  type ObjectRule,
  type Refinement,
  type Rule,
  type StringRule,
  type UnionRule,
  unhandledRule,
} from "./rule.js";
import { anyCasePattern, patternOf } from "./schema-patterns.js";

// The shipped JSON Schema (schema/messages.schema.json), generated from the rule table by
// `pnpm gen`. It accepts what validate() reports no error for, as far as JSON Schema can
// say it: cross-field rules (exactly one of, unique ids, totals) are validate()'s alone, and
// JSON Schema counts lengths in code points where validate() counts UTF-16 code units.

/** The schemas of the rules across fields that JSON Schema can say. */
const schemasOf = (refine: readonly Refinement<never>[] | undefined): JsonSchema[] =>
  (refine ?? []).flatMap((refinement): JsonSchema[] => {
    const schema = refinementSchemas.get(refinement);
    return schema === undefined ? [] : [schema];
  });

function stringSchema(rule: StringRule): JsonSchema {
  const schema: Record<string, unknown> = { type: "string" };
  const min = rule.emptyIsWarning === undefined ? rule.min : 0;
  if (min > 0) schema.minLength = min;
  if (Number.isFinite(rule.max)) schema.maxLength = rule.max;
  // A tolerated form is accepted with a warning: either pattern passes.
  if (rule.pattern !== undefined && rule.tolerate === undefined) schema.pattern = patternOf(rule.pattern);
  else if (rule.pattern !== undefined && rule.tolerate !== undefined)
    schema.anyOf = [{ pattern: patternOf(rule.pattern) }, { pattern: patternOf(rule.tolerate) }];
  return rule.numberIsWarning === true ? { anyOf: [schema, { type: "number" }] } : schema;
}

/** An optional field may be null (read as absent, a warning). */
function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  if (Array.isArray(schema.enum)) return { enum: [...schema.enum, null] };
  if (Array.isArray(schema.anyOf)) return { anyOf: [...schema.anyOf, { type: "null" }] };
  return { anyOf: [schema, { type: "null" }] };
}

function objectSchema(rule: ObjectRule, discriminator?: { key: string; value: string; anyCase: boolean; optional: boolean }): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  if (discriminator !== undefined) {
    const tag = discriminator.anyCase ? { type: "string", pattern: anyCasePattern([discriminator.value]) } : { const: discriminator.value };
    // The default case's tag may be left out, or null (read as absent).
    properties[discriminator.key] = discriminator.optional ? nullable(tag) : tag;
    if (!discriminator.optional) required.push(discriminator.key);
  }
  for (const [key, field] of Object.entries(rule.fields) as [string, Field][]) {
    if (key === discriminator?.key) continue;
    properties[key] = field.required === true ? toJsonSchema(field.rule) : nullable(toJsonSchema(field.rule));
    if (field.required === true) required.push(key);
  }
  for (const key of Object.keys(rule.ignored ?? {})) properties[key] = {};
  const schema: Record<string, unknown> = { type: "object", properties, additionalProperties: false };
  if (required.length > 0) schema.required = required;
  const refinements = schemasOf(rule.refine);
  if (refinements.length > 0) schema.allOf = refinements;
  return schema;
}

function unionSchema(rule: UnionRule): JsonSchema {
  return {
    anyOf: Object.entries(rule.cases).map(([value, object]) =>
      objectSchema(object, { key: rule.key, value, anyCase: rule.anyCase === true, optional: rule.default === value }),
    ),
  };
}

/** The JSON Schema of one rule of the table. */
export function toJsonSchema(rule: Rule): JsonSchema {
  switch (rule.kind) {
    case "string":
      return stringSchema(rule);
    case "enum":
      return rule.anyCase === true ? { type: "string", pattern: anyCasePattern(rule.values) } : { enum: rule.values };
    case "number": {
      const schema = { type: rule.integer === true ? "integer" : "number", minimum: rule.min, maximum: rule.max };
      if (!Number.isSafeInteger(rule.min)) delete (schema as { minimum?: number }).minimum;
      if (!Number.isSafeInteger(rule.max)) delete (schema as { maximum?: number }).maximum;
      return rule.numericString === true
        ? { anyOf: [schema, { type: "string", pattern: "^\\s*[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*$" }] }
        : schema;
    }
    case "boolean":
      return { type: "boolean" };
    case "json":
      return rule.nonEmpty === true ? { type: "object", minProperties: 1 } : { type: "object" };
    case "any":
      return {};
    case "object":
      return objectSchema(rule);
    case "array": {
      const schema: Record<string, unknown> = { type: "array", items: toJsonSchema(rule.item) };
      if (rule.min > 0) schema.minItems = rule.min;
      if (Number.isFinite(rule.max)) schema.maxItems = rule.max;
      const refinements = schemasOf(rule.refine);
      if (refinements.length > 0) schema.allOf = refinements;
      return schema;
    }
    case "union":
      return unionSchema(rule);
    case "custom": {
      const schema = customRuleSchemas.get(rule);
      if (schema === undefined) throw new Error(`json-schema: the custom rule "${docOf(rule)}" has no schema in refinement-schemas.ts`);
      return schema;
    }
    default:
      return unhandledRule(rule);
  }
}

/** The schema of a request body to `POST /{version}/{phone-number-id}/messages`: a message or a mark-as-read. */
export function messagesSchema(): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://github.com/wacompose/wacompose/packages/builder/schema/messages.schema.json",
    title: "WhatsApp Cloud API message request body",
    description:
      "Generated from @wacompose/builder's rule table by `pnpm gen`; do not edit. Accepts what validate() reports no error for (warnings included: a null read as absent, a number for a string), and rejects what validate() rejects except what JSON Schema cannot say: ids unique across an array, totals across sections (each section is held to the total), the things a text must hold (one emoji, the parameters' count), listed as 'validate() only' in docs/limits.md. Lengths: JSON Schema counts code points, validate() UTF-16 code units.",
    anyOf: [toJsonSchema(message), toJsonSchema(markReadBody)],
  };
}
