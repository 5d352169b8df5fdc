import { limits } from "../limits.js";
import { wamid } from "./common.js";
import { show } from "./report.js";
import { boolean, object, oneOf, optional, type Refinement, string } from "./rule.js";

/** `+` optional, digits with the separators people write (spaces, dots, hyphens, parentheses). */
const phoneShape = /^\+?[\d\s().-]+$/;
const { minDigits, maxDigits } = limits.phone;
const expected = `a phone number in international form (${minDigits}–${maxDigits} digits, "+" optional) or a WhatsApp ID`;

/**
 * What is wrong with `to` as an individual's number, or undefined. Without a leading `+`,
 * the API reads a number as already international; a number written for people —
 * "(650) 555-1234" — is then sent with the business number's country code prepended, to
 * someone else [cloud-api.md §15]. So separators need the `+`, and `00` is never a prefix
 * (answered `(#100) Invalid parameter` live, §15).
 */
function recipientProblem(to: string): string | undefined {
  let digits = 0;
  let separators = false;
  for (let i = 0; i < to.length; i++) {
    const code = to.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (i > 0 || code !== 43) separators = true; // anything but a leading "+"
  }
  if (digits < minDigits || digits > maxDigits || (separators && !phoneShape.test(to))) return `expected ${expected}`;
  const plus = to.charCodeAt(0) === 43;
  if (!plus && to.startsWith("00")) return 'use "+" or the bare country code, not an "00" international prefix';
  if (!plus && separators)
    return 'a formatted number must start with "+" and the country code (without it the API adds the business number\'s country code)';
  return undefined;
}

/**
 * `to` of an individual: a phone number in international form or a WhatsApp ID; a group's
 * id is not a phone number. A JSON number is accepted live (a warning, on the field).
 */
export const individualRecipient: Refinement = {
  doc: `\`to\` (unless \`recipient_type\` is \`group\`): ${expected}; with separators it needs the \`+\`, and \`00\` is not a prefix (§15)`,
  schema: {
    if: { properties: { recipient_type: { const: "group" } }, required: ["recipient_type"] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
    then: {},
    else: {
      properties: {
        to: {
          anyOf: [
            { type: "string", pattern: "^\\+?[\\d\\s().-]+$" },
            { type: "integer", minimum: 1 },
          ],
        },
      },
    },
  },
  test: (body) => body.recipient_type === "group" || recipientProblem(String(body.to)) === undefined,
  explain(body, report) {
    const to = body.to;
    if (body.recipient_type === "group" || !((typeof to === "string" && to !== "") || typeof to === "number")) return;
    const problem = recipientProblem(String(to));
    if (problem !== undefined) report.add("to", "invalid_format", `${problem}, got ${show(to)}`, undefined, String(to));
  },
};

/** `context`: the message this one replies to. */
export const context = object({ message_id: { rule: wamid, required: true } });

/** The fields every message body shares besides its kind [S §1]. */
export const envelopeFields = {
  messaging_product: { rule: oneOf(["whatsapp"]), required: true },
  recipient_type: optional(oneOf(["individual", "group"])),
  /** A JSON number is accepted live (19 recorded sends, §15): a warning. */
  to: { rule: string({ numberIsWarning: true }), required: true },
  context: optional(context),
  biz_opaque_callback_data: optional(string({ max: limits.callbackData.max })),
  message_activity_sharing: optional(boolean),
} as const;
