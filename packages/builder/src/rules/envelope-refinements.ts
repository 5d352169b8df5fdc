import { phoneLimits } from "../limits.js";
import { absent, type Report, show } from "./report.js";
import type { TestedRefinement } from "./rule.js";

// The rules across a message body's envelope fields, apart from the table's field rules
// (envelope.ts): each kind's generated check and explanation call them by name, and a
// module of refinements alone keeps the table's constants out of a composed send.

/** `+` optional, digits with the separators people write (spaces, dots, hyphens, parentheses). */
const phoneShape = /^\+?[\d\s().-]+$/;
const { minDigits, maxDigits } = phoneLimits;
export const expected = `a phone number in international form (${minDigits}–${maxDigits} digits, "+" optional) or a WhatsApp ID`;

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

type Body = { readonly [key: string]: unknown };

// Each refinement's test and explanation are functions of their own, and the generated checks
// import those by name: a send carries the code, not the objects below (which the rule table and
// validate() read; the docs' sentences for them are in refinement-docs.ts).

/**
 * `to` of an individual: a phone number in international form or a WhatsApp ID; a group's
 * id is not a phone number. A JSON number is accepted live (a warning, on the field).
 */
export function individualRecipientPasses(body: Body): boolean {
  const to = body.to;
  return body.recipient_type === "group" || absent(to) || recipientProblem(typeof to === "string" ? to : String(to)) === undefined;
}

export function explainIndividualRecipient(body: Body, report: Report): void {
  const to = body.to;
  if (body.recipient_type === "group" || !((typeof to === "string" && to !== "") || typeof to === "number")) return;
  const problem = recipientProblem(String(to));
  if (problem !== undefined) report.add("to", "invalid_format", `${problem}, got ${show(to)}`, undefined, String(to));
}

export const individualRecipient: TestedRefinement = {
  passes: individualRecipientPasses,
  explain: explainIndividualRecipient,
};

/**
 * Who: `to` (a phone number, or a group's id), `recipient` (a business-scoped user id), or both, in which case `to`
 * wins [M-BSUID, api-2026.md §2.1]. A group is addressed by `to` alone.
 */
export const someRecipientPasses = (body: Body): boolean =>
  (!absent(body.to) || !absent(body.recipient)) && !(body.recipient_type === "group" && !absent(body.recipient));

export function explainSomeRecipient(body: Body, report: Report): void {
  if (absent(body.to) && absent(body.recipient)) report.add("to", "required", "is required (or recipient, a business-scoped user id)");
  else if (body.recipient_type === "group" && !absent(body.recipient))
    report.add("recipient", "unknown_field", "a group is addressed by its id in to; recipient is for a user's business-scoped id");
}

export const someRecipient: TestedRefinement = {
  passes: someRecipientPasses,
  explain: explainSomeRecipient,
};

/**
 * What a group can receive [M-GRP, api-2026.md §3]: text, media and templates (text- or media-based), and pins of
 * its messages [3P]; a pin goes to a group only.
 */
export const groupKinds = ["text", "image", "video", "document", "audio", "sticker", "template", "pin"] as const;
const groupKindList = /* @__PURE__ */ groupKinds.join(", ");

export const groupsTakeSomeKindsPasses = (body: Body): boolean =>
  body.recipient_type === "group" ? (groupKinds as readonly unknown[]).includes(body.type ?? "text") : body.type !== "pin";

export function explainGroupsTakeSomeKinds(body: Body, report: Report): void {
  const type = body.type ?? "text";
  if (body.recipient_type === "group" && typeof type === "string" && !(groupKinds as readonly string[]).includes(type))
    report.add("type", "invalid_value", `a group receives only ${groupKindList}; got ${show(type)}`);
  else if (body.recipient_type !== "group" && type === "pin")
    report.add("recipient_type", "invalid_value", 'a message is pinned in a group only: recipient_type "group" and to its id');
}

export const groupsTakeSomeKinds: TestedRefinement = {
  passes: groupsTakeSomeKindsPasses,
  explain: explainGroupsTakeSomeKinds,
};
