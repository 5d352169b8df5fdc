import type { PinMessage } from "../payload/index.js";
import { AnyRecipient } from "./any-recipient.js";
import type { MessageBuilder } from "./message-builder.js";
import { pinMessage, type Wamid } from "./single-kinds.js";

/**
 * The messages a group can receive: text, media and templates [api-2026.md §3], and pins of its
 * messages. Returned by `msg.toGroup(id)`; interactive messages, reactions, locations and
 * contacts are not offered, so sending one to a group does not compile.
 *
 * @example
 * msg.toGroup("Y2FwaV9ncm91cDox…").text("Hi all")
 */
export class GroupRecipient extends AnyRecipient {
  /**
   * Pins one of the group's messages for `days` (1 to 30). Documented by libraries only
   * (pywa, piusalfred/whatsapp, citing Meta's groups page); see docs/recipients.md.
   */
  pin<Id extends string>(messageId: Wamid<Id, "pin.message_id">, options: { readonly days?: number } = {}): MessageBuilder<PinMessage> {
    return pinMessage(this.envelope, { type: "pin", messageId, days: options.days });
  }

  /** Unpins a message of the group. */
  unpin<Id extends string>(messageId: Wamid<Id, "pin.message_id">): MessageBuilder<PinMessage> {
    return pinMessage(this.envelope, { type: "unpin", messageId });
  }
}
