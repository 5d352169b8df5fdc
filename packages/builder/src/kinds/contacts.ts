import { callbackResult } from "../builders/arguments.js";
import { ContactsBuilder, cardsOf, noContacts, renderCard } from "../builders/contacts.js";
import { type Addressing, addressingKey } from "../builders/message-base.js";
import { MessageBuilder } from "../builders/message-builder.js";
import { contactsRules } from "../rules/quick/contacts.generated.js";
import type { ContactsMessage } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** What `.contacts()` takes: a function that adds one to five cards. */
export type ContactCards = (contacts: ContactsBuilder) => ContactsBuilder<readonly [unknown, ...unknown[]]>;

/** One to five contact cards to `addressing`; made here for every entry that offers contacts. */
export function contactsMessage(addressing: Addressing, build: ContactCards): MessageBuilder<ContactsMessage> {
  const cards = cardsOf(callbackResult(build, noContacts, ContactsBuilder, "contacts"));
  return new MessageBuilder<ContactsMessage>(addressing, contactsRules, () => cards.map(renderCard));
}

/** One to five contact cards: `.contacts(…)` on a recipient of `createMsg({ contacts })`, as on `msg.to(n)`. */
export function contacts(this: KindHost, build: ContactCards): MessageBuilder<ContactsMessage> {
  return contactsMessage(this[addressingKey], build);
}
