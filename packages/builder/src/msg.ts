import { objectArgument } from "./builders/arguments.js";
import { GroupRecipient } from "./builders/group-recipient.js";
import type { MarkReadBuilder } from "./builders/mark-read.js";
import { addressedTo } from "./builders/message-base.js";
import { Recipient } from "./builders/recipient.js";
import type { TemplateDefinitions } from "./builders/template/definitions.js";
import { TemplateCatalog } from "./builders/template/typed.js";
import type { limits } from "./limits.js";
import { markRead } from "./per-kind.js";
import type { BusinessScopedId, MaxLength, PhoneNumber } from "./type-checks.js";

/**
 * The entry point: who the message goes to, or which incoming message to mark as read.
 * Input is copied as given (a number is never rewritten); `.build()` checks it.
 *
 * @example
 * msg.to("+16505551234").text("Hello").build();
 * msg.markRead("wamid.HBgL...").typing().build();
 */
export const msg = Object.freeze({
  /**
   * A phone number in international form or a WhatsApp ID: `"+1 650 555 1234"`, `"+16505551234"`
   * or `"16505551234"`. A formatted number needs the `+`; `00` is not a prefix (see docs/recipients.md).
   */
  to<N extends string>(recipient: PhoneNumber<N>): Recipient {
    return new Recipient(addressedTo(recipient));
  },
  /**
   * A user by business-scoped user id (`recipient`), as webhooks give it for users who hide
   * their number behind a username: `"US.13491208655302741918"`, or a parent id `"US.ENT.…"`.
   * With `phone` too, both are sent and the API uses the phone number.
   */
  toUser<Id extends string, N extends string = never>(
    bsuid: BusinessScopedId<Id>,
    options: { readonly phone?: PhoneNumber<N> } = {},
  ): Recipient {
    return new Recipient(addressedTo(objectArgument(options, "toUser options", ["phone"]).phone, bsuid));
  },
  /** A group, by its id: text, media and templates only (the API takes nothing else in groups). */
  toGroup(groupId: string): GroupRecipient {
    return new GroupRecipient(addressedTo(groupId, undefined, true));
  },
  /**
   * Template messages typed by an app's definitions (see `defineTemplates`).
   *
   * @example
   * msg.with(templates).to("+16505551234").template("order_update", { body: ["Ana"] }).build();
   */
  with<T extends TemplateDefinitions>(templates: T): TemplateCatalog<T> {
    return new TemplateCatalog(templates);
  },
  /** Marks an incoming message (and earlier ones in its thread) as read. */
  markRead<Id extends string>(messageId: MaxLength<Id, typeof limits.wamid.max, "message_id">): MarkReadBuilder {
    return markRead(messageId);
  },
});
