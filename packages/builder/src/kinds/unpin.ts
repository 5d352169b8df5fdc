import { addressingKey } from "../builders/message-base.js";
import type { MessageBuilder } from "../builders/message-builder.js";
import { pinMessage, type Wamid } from "../builders/single-kinds.js";
import type { PinMessage } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** Unpins a group's message: `.unpin(…)` on a group of `createMsg({ unpin })`, as on `msg.toGroup(id)`. */
export function unpin<Id extends string>(this: KindHost, messageId: Wamid<Id, "pin.message_id">): MessageBuilder<PinMessage> {
  return pinMessage(this[addressingKey], { type: "unpin", messageId });
}
