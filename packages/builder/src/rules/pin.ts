import { limits } from "../limits.js";
import { wamid } from "./common.js";
import { daysOnlyWhenPinning } from "./pin-refinements.js";
import { number, object, oneOf, optional, required } from "./rule.js";

/**
 * `pin`: pins a message in a group for 1 to 30 days, or unpins it [api-2026.md §3]. Documented by libraries only
 * (pywa 4.0 `pin_message`, piusalfred/whatsapp `message.Pin`, both citing Meta's groups-messaging page) [3P].
 */
export const pin = object(
  {
    type: required(oneOf(["pin", "unpin"])),
    message_id: required(wamid),
    expiration_days: optional(number({ ...limits.pin.expirationDays, integer: true, expected: "an integer (days)" })),
  },
  { refine: [daysOnlyWhenPinning] },
);
