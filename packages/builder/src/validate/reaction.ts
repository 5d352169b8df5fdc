import type { ReactionMessage } from "../payload/index.js";
import { checkWamid, wamidRule } from "./common.js";
import { isSingleEmoji } from "./emoji.js";
import { checkKnownKeys, fits } from "./fields.js";
import { type JsonObject, kindOf, type Report, show } from "./report.js";

const fields = ["message_id", "emoji"];

/** `reaction` [S §3]: exactly one emoji, or "" to remove an earlier reaction. */
export function checkReaction(report: Report, reaction: JsonObject): void {
  checkKnownKeys(report, reaction, fields);
  checkWamid(report, reaction.message_id, "message_id");
  const emoji = reaction.emoji;
  if (emoji === undefined) report.add("emoji", "required", 'is required (one emoji, or "" to remove a reaction)');
  else if (typeof emoji !== "string") report.add("emoji", "invalid_type", `expected a string, got ${kindOf(emoji)}`);
  else if (emoji !== "" && !isSingleEmoji(emoji)) {
    report.add("emoji", "invalid_value", `expected exactly one emoji, got ${show(emoji)}`, undefined, emoji);
  }
}

/** The builder's quick test (its keys are known): true only when checkReaction reports nothing. */
export const acceptsReaction = ({ reaction }: ReactionMessage): boolean =>
  fits(reaction.message_id, wamidRule) && typeof reaction.emoji === "string" && (reaction.emoji === "" || isSingleEmoji(reaction.emoji));
