import { limits } from "../limits.js";
import { idOrLink } from "./common.js";
import { singleEmoji } from "./emoji.js";
import { individualRecipient, someRecipient } from "./envelope.js";
import { flowIdOrName, linkOrReplies, rowsAcross } from "./interactive-refinements.js";
import type { CustomRule, JsonSchema, Refinement } from "./rule.js";
import { anyCaseString } from "./schema-patterns.js";
import { productsAcross, titledSections } from "./section-refinements.js";
import {
  bodyTextWhenNotAlone,
  buttonIndex,
  componentsOnce,
  expirationMs,
  firstMillisecond,
  indexAndCount,
} from "./template-refinements.js";

// What JSON Schema can say of the rules across fields, for the shipped schema (json-schema.ts) and the limits page
// (describe.ts). Kept apart from the table so that no check's bundle carries it: a text send or validate() never
// needs a schema. A refinement with no entry here is one JSON Schema cannot say ("validate() only" in docs/limits.md);
// the differential test (test/schema-differential.test.ts) holds each entry to validate().

const { minDigits, maxDigits } = limits.phone;
const { min: firstIndex, max: lastIndex } = limits.template.buttonIndex;

/** The schema of "`key` is there": a null is read as absent, as everywhere in the table. */
const present = (key: string): JsonSchema => ({ required: [key], properties: { [key]: { not: { type: "null" } } } });
const exactlyOne = (first: string, second: string): JsonSchema => ({ oneOf: [present(first), present(second)] });
/** Of a total across sections, what JSON Schema can say: no one section holds more than all may. */
const sectionCap = (items: string, max: number): JsonSchema => ({ items: { properties: { [items]: { maxItems: max } } } });
/** The schema of "at most one item like `item`". */
const atMostOne = (item: JsonSchema): JsonSchema => ({ contains: item, minContains: 0, maxContains: 1 });

export const refinementSchemas: ReadonlyMap<Refinement<never>, JsonSchema> = new Map<Refinement<never>, JsonSchema>([
  [idOrLink as Refinement<never>, exactlyOne("id", "link")],
  [linkOrReplies as Refinement<never>, exactlyOne("parameters", "buttons")],
  [flowIdOrName as Refinement<never>, exactlyOne("flow_id", "flow_name")],
  [rowsAcross as Refinement<never>, sectionCap("rows", limits.list.rows.max)],
  [productsAcross as Refinement<never>, sectionCap("product_items", limits.productList.products.max)],
  [
    titledSections as Refinement<never>,
    {
      if: { minItems: 2 },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
      then: { items: { required: ["title"], properties: { title: { type: "string" } } } },
    },
  ],
  [
    individualRecipient as Refinement<never>,
    {
      if: { properties: { recipient_type: { const: "group" } }, required: ["recipient_type"] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
      then: {},
      else: {
        properties: {
          to: {
            // recipientProblem() as a pattern: 7–15 digits; separators only after a "+"; no "00" prefix without it.
            anyOf: [
              {
                type: "string",
                pattern: `^(?:\\+(?:[\\s().-]*\\d){${minDigits},${maxDigits}}[\\s().-]*|(?!00)\\d{${minDigits},${maxDigits}})$`,
              },
              { type: "integer", minimum: 10 ** (minDigits - 1), maximum: 10 ** maxDigits - 1 },
              { type: "null" },
            ],
          },
        },
      },
    },
  ],
  [
    someRecipient as Refinement<never>,
    {
      anyOf: [present("to"), present("recipient")],
      if: { properties: { recipient_type: { const: "group" } }, required: ["recipient_type"] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
      then: { not: present("recipient") },
    },
  ],
  [
    indexAndCount as Refinement<never>,
    {
      if: { properties: { sub_type: anyCaseString("voice_call") }, required: ["sub_type"] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
      then: { properties: { parameters: { maxItems: 2 } } },
      else: { required: ["index"], properties: { index: { not: { type: "null" } }, parameters: { maxItems: 1 } } },
    },
  ],
  [
    bodyTextWhenNotAlone as Refinement<never>,
    {
      if: { minItems: 2 },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
      then: {
        items: {
          if: { properties: { type: anyCaseString("body") }, required: ["type"] },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
          then: { properties: { parameters: { items: { properties: { text: { maxLength: limits.template.bodyText.max } } } } } },
        },
      },
    },
  ],
  [
    componentsOnce as Refinement<never>,
    {
      allOf: [
        atMostOne({ properties: { type: anyCaseString("header") }, required: ["type"] }),
        atMostOne({ properties: { type: anyCaseString("body") }, required: ["type"] }),
        atMostOne({ properties: { type: anyCaseString("button"), sub_type: anyCaseString("copy_code") }, required: ["type", "sub_type"] }),
        ...Array.from({ length: lastIndex - firstIndex + 1 }, (_, i) =>
          atMostOne({
            properties: { type: anyCaseString("button"), index: { enum: [firstIndex + i, String(firstIndex + i)] } },
            required: ["type", "index"],
          }),
        ),
      ],
    },
  ],
]);

/** The custom rules' schemas (rule.ts, CustomRule), as close as JSON Schema can say, apart from the table as above. */
export const customRuleSchemas: ReadonlyMap<CustomRule, JsonSchema> = new Map<CustomRule, JsonSchema>([
  [singleEmoji, { type: "string", maxLength: 64 }],
  [
    buttonIndex,
    {
      anyOf: [
        { type: "string", pattern: "^[0-9]$" },
        { type: "integer", minimum: firstIndex, maximum: lastIndex },
      ],
    },
  ],
  [expirationMs, { type: "integer", minimum: firstMillisecond, exclusiveMaximum: 1e14 }],
]);
