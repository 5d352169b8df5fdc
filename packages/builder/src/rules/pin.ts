import { limits } from "../limits.js";
import { wamid } from "./common.js";
import { absent } from "./report.js";
import { number, object, oneOf, optional, required, type TestedRefinement } from "./rule.js";

/** An unpin names the message only. */
export const daysOnlyWhenPinning: TestedRefinement = {
  passes: (pin) => pin.type === "pin" || absent(pin.expiration_days),
  explain(pin, report) {
    if (pin.type === "unpin" && pin.expiration_days != null) report.add("expiration_days", "unknown_field", "only when type is pin");
  },
};

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
