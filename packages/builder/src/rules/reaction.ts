import { wamid } from "./common.js";
import { singleEmoji } from "./emoji.js";
import { object, required } from "./rule.js";

/** `reaction` [S §3]. */
export const reaction = object({
  message_id: required(wamid),
  emoji: required(singleEmoji, 'is required (one emoji, or "" to remove a reaction)'),
});
