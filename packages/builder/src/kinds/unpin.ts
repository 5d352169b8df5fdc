import type { MessageBuilder } from "../messages/message-builder.js";
import { pinMessage, type Wamid } from "../messages/single-kinds.js";
import type { PinMessage } from "../payload/index.js";
import type { KindHost } from "./host.js";

/** Unpins a group's message: `.unpin(…)` on a group of `createMsg({ unpin })`, as on `msg.toGroup(id)`. */
export function unpin<Id extends string>(this: KindHost, messageId: Wamid<Id, "pin.message_id">): MessageBuilder<PinMessage> {
  return pinMessage(this.envelope, { type: "unpin", messageId });
}
