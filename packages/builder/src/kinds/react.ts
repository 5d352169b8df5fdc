import { addressingKey } from "../builders/message-base.js";
import type { MessageBuilder } from "../builders/message-builder.js";
import { reactionMessage, type Wamid } from "../builders/single-kinds.js";
import type { ReactionMessage } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** A reaction: one emoji, or `""` to remove it: `.react(…)` on a recipient of `createMsg({ react })`, as on `msg.to(n)`. */
export function react<Id extends string>(
  this: KindHost,
  messageId: Wamid<Id, "reaction.message_id">,
  emoji: string,
): MessageBuilder<ReactionMessage> {
  return reactionMessage(this[addressingKey], messageId, emoji);
}
