import { limits } from "../limits.js";
import { wamid } from "./common.js";
import { object, oneOf, optional, string } from "./rule.js";

export { groupKinds, groupsTakeSomeKinds, individualRecipient, someRecipient } from "./envelope-refinements.js";

/** A business-scoped user id: `CC.` or `CC.ENT.` and up to 128 letters and digits [M-BSUID, api-2026.md §2.2]. */
export const bsuid = string({
  pattern: new RegExp(`^[A-Z]{2}\\.(?:ENT\\.)?[A-Za-z0-9]{1,${limits.bsuid.max}}$`),
  format: 'a business-scoped user id such as "US.13491208655302741918" (or "US.ENT.…")',
});

/** `context`: the message this one replies to. */
export const context = object({ message_id: { rule: wamid, required: true } });

/**
 * Keys a message body may carry that are not the messages endpoint's: `message_activity_sharing` belongs to the
 * Marketing Messages API (`POST /{phone-number-id}/marketing_messages`) [M-MM, V23; api-2026.md §1]. Meta's pages
 * say so; one library sends it here [3P], and no answer is recorded: a warning, not an error (§15).
 */
export const envelopeIgnored = {
  message_activity_sharing:
    "not a field of the messages endpoint: it belongs to the Marketing Messages API (POST /{phone-number-id}/marketing_messages); leave it out",
} as const;

/** The fields every message body shares besides its kind [S §1]. */
export const envelopeFields = {
  messaging_product: { rule: oneOf(["whatsapp"]), required: true },
  recipient_type: optional(oneOf(["individual", "group"])),
  /** A JSON number is accepted live (19 recorded sends, §15): a warning. Optional when `recipient` is given. */
  to: optional(string({ numberIsWarning: true })),
  recipient: optional(bsuid),
  context: optional(context),
  biz_opaque_callback_data: optional(string({ max: limits.callbackData.max })),
  /** Deliver only if the user's identity key hash is still this one, else a failed status [M-PN, api-2026.md §2.3]. */
  recipient_identity_key_hash: optional(string()),
} as const;
