/**
 * One key per recipient however its number is written: the digits of a phone number
 * (`"+1 650 555 1234"` and `"16505551234"` are one person, as the API's `wa_id` says), else
 * the id as given (a group id, a business-scoped user id). For grouping and pacing by recipient.
 *
 * @example
 * recipientKey({ to: "+1 (650) 555-1234" }); // "16505551234"
 */
export function recipientKey(body: { readonly to?: unknown; readonly recipient?: unknown }): string {
  const to = typeof body.to === "string" ? body.to : typeof body.recipient === "string" ? body.recipient : "";
  return /^\+?[\d\s().-]+$/.test(to) ? to.replace(/\D/g, "") : to;
}
