import { limits } from "../limits.js";
import { checkWamid, wamidRule } from "./common.js";
import { checkKnownKeys, checkString, fits, stringRule } from "./fields.js";
import type { JsonObject, Report } from "./report.js";
import { show } from "./report.js";

/** `+` optional, digits with the separators people write (spaces, dots, hyphens, parentheses). */
const phoneShape = /^\+?[\d\s().-]+$/;
const contextFields = ["message_id"];
const requiredRule = stringRule({ required: true });
export const callbackDataRule = stringRule(limits.callbackData);

const { minDigits, maxDigits } = limits.phone;
const expected = `a phone number in international form (${minDigits}–${maxDigits} digits, "+" optional) or a WhatsApp ID`;

/**
 * What is wrong with `to` as an individual's number, or undefined. Without a leading `+`,
 * the API reads a number as already international; a number written for people —
 * "(650) 555-1234" — is then sent with the business number's country code prepended, to
 * someone else [cloud-api.md §15]. So separators need the `+`, and `00` is never a prefix.
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

/** `to`: a phone number in international form or a WhatsApp ID; a group id for groups. */
export function checkRecipient(report: Report, body: JsonObject): void {
  const to = checkString(report, body.to, "to", requiredRule);
  if (to === undefined || to === "" || body.recipient_type === "group") return;
  const problem = recipientProblem(to);
  if (problem !== undefined) report.add("to", "invalid_format", `${problem}, got ${show(to)}`, undefined, to);
}

/** `context`: the message this one replies to. */
export function checkContext(report: Report, context: JsonObject): void {
  checkKnownKeys(report, context, contextFields);
  checkWamid(report, context.message_id, "message_id");
}

/**
 * The builders' quick test of the envelope they made (an individual recipient, `context`
 * only with a message id): true only when the checks above report nothing.
 */
export const acceptsEnvelope = (to: unknown, replyTo: unknown, callbackData: unknown): boolean =>
  typeof to === "string" &&
  recipientProblem(to) === undefined &&
  (replyTo === undefined || fits(replyTo, wamidRule)) &&
  fits(callbackData, callbackDataRule);
