import type { MessageBuilder } from "../messages/message-builder.js";
import { pinMessage, type Wamid } from "../messages/single-kinds.js";
import type { PinMessage } from "../payload/index.js";
import type { KindHost } from "./host.js";

/** Pins a group's message for `days` (1 to 30): `.pin(…)` on a group of `createMsg({ pin })`, as on `msg.toGroup(id)`. */
export function pin<Id extends string>(
  this: KindHost,
  messageId: Wamid<Id, "pin.message_id">,
  options: { readonly days?: number } = {},
): MessageBuilder<PinMessage> {
  return pinMessage(this.envelope, { type: "pin", messageId, days: options.days });
}
