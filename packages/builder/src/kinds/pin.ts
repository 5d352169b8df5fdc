import { objectArgument } from "../builders/arguments.js";
import { addressingKey } from "../builders/message-base.js";
import type { MessageBuilder } from "../builders/message-builder.js";
import { pinMessage, type Wamid } from "../builders/single-kinds.js";
import type { PinMessage } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** Pins a group's message for `days` (1 to 30): `.pin(…)` on a group of `createMsg({ pin })`, as on `msg.toGroup(id)`. */
export function pin<Id extends string>(
  this: KindHost,
  messageId: Wamid<Id, "pin.message_id">,
  options: { readonly days?: number } = {},
): MessageBuilder<PinMessage> {
  return pinMessage(this[addressingKey], { type: "pin", messageId, days: objectArgument(options, "pin options", ["days"]).days });
}
