import { placeKinds } from "../kinds/host.js";
import { pin } from "../kinds/pin.js";
import { unpin } from "../kinds/unpin.js";
import { AnyRecipient } from "./any-recipient.js";

/**
 * The messages a group can receive: text, media and templates [api-2026.md §3], and pins of its
 * messages. Returned by `msg.toGroup(id)`; interactive messages, reactions, locations and
 * contacts are not offered, so sending one to a group does not compile.
 *
 * @example
 * msg.toGroup("Y2FwaV9ncm91cDox…").text("Hi all")
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface names the kinds placeKinds() puts on the prototype below
export class GroupRecipient extends AnyRecipient {}

export interface GroupRecipient {
  /**
   * Pins one of the group's messages for `days` (1 to 30). Documented by libraries only
   * (pywa, piusalfred/whatsapp, citing Meta's groups page); see docs/recipients.md.
   */
  pin: typeof pin;
  /** Unpins a message of the group. */
  unpin: typeof unpin;
}

placeKinds(GroupRecipient.prototype, { pin, unpin });
