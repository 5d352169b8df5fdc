import { wamid } from "./common.js";
import { isSingleEmoji } from "./emoji.js";
import { kindOf, show } from "./report.js";
import { type CustomRule, object, required } from "./rule.js";

/** Exactly one emoji (a grapheme: skin tones, flags, ZWJ sequences), or "" to remove a reaction. */
export const singleEmoji: CustomRule = {
  kind: "custom",
  passes: (value) => typeof value === "string" && (value === "" || isSingleEmoji(value)),
  explain(value, report, key) {
    if (typeof value !== "string") report.add(key, "invalid_type", `expected a string, got ${kindOf(value)}`);
    else if (value !== "" && !isSingleEmoji(value))
      report.add(key, "invalid_value", `expected exactly one emoji, got ${show(value)}`, undefined, value);
  },
};

/** `reaction` [S §3]. */
export const reaction = object({
  message_id: required(wamid),
  emoji: required(singleEmoji, 'is required (one emoji, or "" to remove a reaction)'),
});
