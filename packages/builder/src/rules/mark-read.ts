import { wamid } from "./common.js";
import { object, oneOf, optional, required } from "./rule.js";

/** The mark-as-read body, optionally with a typing indicator [S §9, M-typing]. */
export const markReadBody = object(
  {
    messaging_product: required(oneOf(["whatsapp"])),
    status: required(oneOf(["read"])),
    message_id: required(wamid),
    typing_indicator: optional(object({ type: required(oneOf(["text"])) })),
  },
  {
    unknown: "not a field of a mark-as-read body",
    // Sent by libraries and answered {"success": true} live (§15).
    ignored: { recipient_type: "not a field of a mark-as-read body; the API ignores it (leave it out)" },
  },
);
