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

/** True when `to` is a phone number in international form (`+` optional) or a WhatsApp ID. */
function isRecipient(to: string): boolean {
  let digits = 0;
  let separators = false;
  for (let i = 0; i < to.length; i++) {
    const code = to.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (i > 0 || code !== 43) separators = true; // anything but a leading "+"
  }
  return digits >= limits.phone.minDigits && digits <= limits.phone.maxDigits && (!separators || phoneShape.test(to));
}

/** `to`: a phone number in international form or a WhatsApp ID; a group id for groups. */
export function checkRecipient(report: Report, body: JsonObject): void {
  const to = checkString(report, body.to, "to", requiredRule);
  if (to === undefined || to === "" || body.recipient_type === "group" || isRecipient(to)) return;
  const { minDigits, maxDigits } = limits.phone;
  const expected = `a phone number in international form (${minDigits}–${maxDigits} digits, "+" optional) or a WhatsApp ID`;
  report.add("to", "invalid_format", `expected ${expected}, got ${show(to)}`, undefined, to);
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
  typeof to === "string" && isRecipient(to) && (replyTo === undefined || fits(replyTo, wamidRule)) && fits(callbackData, callbackDataRule);
