import { absent } from "./report.js";
import type { TestedRefinement } from "./rule.js";

// The pin rule's refinement, apart from its table (pin.ts): the generated pin check and explanation import it by
// name, so a pin send carries this and not the table that holds it.

/** An unpin names the message only. */
export const daysOnlyWhenPinning: TestedRefinement = {
  passes: (pin) => pin.type === "pin" || absent(pin.expiration_days),
  explain(pin, report) {
    if (pin.type === "unpin" && pin.expiration_days != null) report.add("expiration_days", "unknown_field", "only when type is pin");
  },
};
