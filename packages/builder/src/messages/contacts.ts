import type { limits } from "../limits.js";
import type { ContactAddressPayload, ContactInfoType, ContactPayload, PhoneType } from "../payload/contacts.js";
import { compact } from "./compact.js";

type Parts = { firstName: string } | { lastName: string } | { middleName: string } | { suffix: string } | { prefix: string };

/** `formattedName` and at least one other part, as the API requires [S §6]. */
export type ContactName = {
  readonly formattedName: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly middleName?: string;
  readonly suffix?: string;
  readonly prefix?: string;
} & Parts;

export interface ContactAddress {
  readonly street?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zip?: string;
  readonly country?: string;
  /** Two-letter country code. */
  readonly countryCode?: string;
  readonly type?: ContactInfoType;
}

// Type-only markers: they make the type parameters count in assignability (no runtime cost).
declare const named: unique symbol;
declare const cardCount: unique symbol;

/** The card in the API's field names; kept out of the public surface. */
let cardOf: (builder: ContactBuilder<true>) => ContactPayload;
/** The cards in the API's field names, frozen. */
export let cardsOf: (builder: ContactsBuilder<readonly unknown[]>) => readonly ContactPayload[];

/** Every card field always present (undefined when unset): one fixed shape is cheap to copy. */
type Draft = { -readonly [K in keyof ContactPayload]-?: ContactPayload[K] | undefined };
type ListKey = "addresses" | "emails" | "phones" | "urls";

const emptyDraft: Draft = {
  name: undefined,
  addresses: undefined,
  birthday: undefined,
  emails: undefined,
  org: undefined,
  phones: undefined,
  urls: undefined,
};

const withField = <K extends keyof Draft>(draft: Draft, key: K, value: Draft[K]): Draft => {
  const next = { ...draft };
  next[key] = value;
  return next;
};

/**
 * One contact card. `Named` records whether `.name()` was called: a card without a name
 * does not type-check as a finished contact.
 *
 * @example
 * p.name({ formattedName: "Ana Diaz", firstName: "Ana" }).phone("+16505551234", { type: "WORK", waId: "16505551234" })
 */
export class ContactBuilder<Named extends boolean = false> {
  declare readonly [named]: Named;
  readonly #draft: Draft;

  /** @internal */
  constructor(draft: Draft = emptyDraft) {
    this.#draft = draft;
  }

  name(name: ContactName): ContactBuilder<true> {
    const { formattedName, firstName, lastName, middleName, suffix, prefix } = name;
    const payload = compact({
      formatted_name: formattedName,
      first_name: firstName,
      last_name: lastName,
      middle_name: middleName,
      suffix,
      prefix,
    });
    return new ContactBuilder<true>(withField(this.#draft, "name", payload));
  }

  phone(phone: string, options: { readonly type?: PhoneType; readonly waId?: string } = {}): ContactBuilder<Named> {
    return this.#add("phones", compact({ phone, type: options.type, wa_id: options.waId }));
  }

  email(email: string, options: { readonly type?: ContactInfoType } = {}): ContactBuilder<Named> {
    return this.#add("emails", compact({ email, type: options.type }));
  }

  url(url: string, options: { readonly type?: ContactInfoType } = {}): ContactBuilder<Named> {
    return this.#add("urls", compact({ url, type: options.type }));
  }

  address(address: ContactAddress): ContactBuilder<Named> {
    const { street, city, state, zip, country, countryCode, type } = address;
    const payload: ContactAddressPayload = compact({ street, city, state, zip, country, country_code: countryCode, type });
    return this.#add("addresses", payload);
  }

  /** `YYYY-MM-DD`. */
  birthday(date: string): ContactBuilder<Named> {
    return new ContactBuilder<Named>(withField(this.#draft, "birthday", date));
  }

  org(org: { readonly company?: string; readonly department?: string; readonly title?: string }): ContactBuilder<Named> {
    return new ContactBuilder<Named>({
      ...this.#draft,
      org: compact({ company: org.company, department: org.department, title: org.title }),
    });
  }

  // Loosely typed inside; the public methods above fix which entry goes in which list.
  #add(key: ListKey, entry: object): ContactBuilder<Named> {
    const list = Object.freeze([...((this.#draft[key] as readonly object[] | undefined) ?? []), entry]);
    return new ContactBuilder<Named>(withField(this.#draft, key, list as Draft[ListKey]));
  }

  static {
    cardOf = (builder) => compact(builder.#draft) as ContactPayload; // `name` is set once Named is true
  }
}

type MaxContacts = typeof limits.contacts.max;
type Count = readonly unknown[];

/**
 * The contact cards of one message, 1 to 5; a sixth `.contact()` is a compile error.
 */
export class ContactsBuilder<Cards extends Count = []> {
  declare readonly [cardCount]: Cards;
  readonly #contacts: readonly ContactPayload[];

  /** @internal */
  constructor(contacts: readonly ContactPayload[] = []) {
    this.#contacts = contacts;
  }

  contact(
    ...card: Cards["length"] extends MaxContacts
      ? [error: `contacts: at most ${MaxContacts} contacts per message`]
      : [build: (contact: ContactBuilder) => ContactBuilder<true>]
  ): ContactsBuilder<[...Cards, unknown]>;
  contact(build: unknown): ContactsBuilder<[...Cards, unknown]> {
    if (typeof build !== "function") throw new TypeError("contacts: .contact() takes a function that builds the card");
    const card: unknown = build(new ContactBuilder());
    if (!(card instanceof ContactBuilder)) throw new TypeError("contacts: the .contact() callback must return the contact builder");
    return new ContactsBuilder(Object.freeze([...this.#contacts, cardOf(card as ContactBuilder<true>)]));
  }

  static {
    cardsOf = (builder) => builder.#contacts;
  }
}
