import { callbackResult } from "../messages/arguments.js";
import { ContactsBuilder, cardsOf, renderCard } from "../messages/contacts.js";
import type { Envelope } from "../messages/message-base.js";
import { MessageBuilder } from "../messages/message-builder.js";
import type { ContactsMessage } from "../payload/index.js";
import { contactsRules } from "../rules/quick/contacts.generated.js";
import type { KindHost } from "./host.js";

/** What `.contacts()` takes: a function that adds one to five cards. */
export type ContactCards = (contacts: ContactsBuilder) => ContactsBuilder<readonly [unknown, ...unknown[]]>;

/** One to five contact cards to `envelope`; made here for every entry that offers contacts. */
export function contactsMessage(envelope: Envelope, build: ContactCards): MessageBuilder<ContactsMessage> {
  const cards = cardsOf(callbackResult(build, new ContactsBuilder(), ContactsBuilder, "contacts"));
  return new MessageBuilder<ContactsMessage>(envelope, contactsRules, () => cards.map(renderCard));
}

/** One to five contact cards: `.contacts(…)` on a recipient of `createMsg({ contacts })`, as on `msg.to(n)`. */
export function contacts(this: KindHost, build: ContactCards): MessageBuilder<ContactsMessage> {
  return contactsMessage(this.envelope, build);
}
