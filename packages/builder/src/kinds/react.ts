import type { MessageBuilder } from "../messages/message-builder.js";
import { reactionMessage, type Wamid } from "../messages/single-kinds.js";
import type { ReactionMessage } from "../payload/index.js";
import type { KindHost } from "./host.js";

/** A reaction: one emoji, or `""` to remove it: `.react(…)` on a recipient of `createMsg({ react })`, as on `msg.to(n)`. */
export function react<Id extends string>(
  this: KindHost,
  messageId: Wamid<Id, "reaction.message_id">,
  emoji: string,
): MessageBuilder<ReactionMessage> {
  return reactionMessage(this.envelope, messageId, emoji);
}
