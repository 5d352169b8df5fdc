import type { limits } from "../limits.js";
import type { ContactAddressPayload, ContactInfoType, ContactNamePayload, ContactPayload, PhoneType } from "../wire/contacts.generated.js";
import { callbackResult, objectArgument } from "./arguments.js";
import type { Mutable } from "./mutable.js";

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const previousKey: unique symbol = Symbol();
const placementKey: unique symbol = Symbol();
const partKey: unique symbol = Symbol();
const cardsKey: unique symbol = Symbol();
const withKey: unique symbol = Symbol();

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

type Field = keyof ContactPayload;
type Entry<F extends Field> = NonNullable<ContactPayload[F]> extends readonly (infer E)[] ? E : NonNullable<ContactPayload[F]>;

const append = <T>(list: T[] | undefined, value: T): T[] => {
  if (list === undefined) return [value];
  list.push(value);
  return list;
};

type ListField = "addresses" | "emails" | "phones" | "urls";

/**
 * Where a step's part goes in the card. A list field also says its list (by index, in the card's key order) and copies
 * its entries at a site of its own: V8 caches an object copy per site, and one site shared by every list's entry shapes
 * goes megamorphic past four (measured 7–9 % slower building a card with many entries).
 */
type Placement =
  | { readonly field: Exclude<Field, ListField> }
  | { readonly field: ListField; readonly index: number; readonly copy: (part: never) => object };

// Frozen: every builder shares them, and reflection (the builder's symbol keys) reaches them.
const placements = Object.freeze({
  name: Object.freeze({ field: "name" }),
  birthday: Object.freeze({ field: "birthday" }),
  org: Object.freeze({ field: "org" }),
  addresses: Object.freeze({ field: "addresses", index: 0, copy: (part: Entry<"addresses">) => ({ ...part }) }),
  emails: Object.freeze({ field: "emails", index: 1, copy: (part: Entry<"emails">) => ({ ...part }) }),
  phones: Object.freeze({ field: "phones", index: 2, copy: (part: Entry<"phones">) => ({ ...part }) }),
  urls: Object.freeze({ field: "urls", index: 3, copy: (part: Entry<"urls">) => ({ ...part }) }),
} as const) satisfies { readonly [F in Field]: Placement & { readonly field: F } };

/**
 * objectArgument for a card's steps, which a message takes several of: a plain object's keys are read by for…in, from
 * V8's per-shape cache, where Object.keys makes an array per call. Anything else goes to objectArgument, which reads own
 * keys only and names the key not taken.
 */
function stepArgument<T>(value: T, where: string, keys: readonly string[]): T & object {
  return takesPlain(value, keys) ? (value as T & object) : objectArgument(value, where, keys);
}

/**
 * True when `value`'s prototype is Object's (or none) and each own key is one of `keys`. False otherwise, and when a
 * Proxy's trap throws on the way (getPrototypeOf, or one for…in asks): objectArgument reads it as any argument is read.
 */
function takesPlain(value: unknown, keys: readonly string[]): boolean {
  try {
    const prototype: unknown = typeof value === "object" && value !== null ? Object.getPrototypeOf(value) : undefined;
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key in value as object) if (!keys.includes(key) && Object.hasOwn(value as object, key)) return false;
    return true;
  } catch {
    return false;
  }
}

// The keys each step takes, made once: an array literal in the call is a new array on every call, and a card is
// made of several steps (the contacts message the build bench times allocated 2.3× its literal's bytes).
const nameKeys = [
  "formattedName",
  "firstName",
  "lastName",
  "middleName",
  "suffix",
  "prefix",
] as const satisfies readonly (keyof ContactName)[];
const phoneOptionKeys = ["type", "waId"] as const;
const typeOptionKeys = ["type"] as const;
const orgKeys = ["company", "department", "title"] as const;
const addressKeys = [
  "street",
  "city",
  "state",
  "zip",
  "country",
  "countryCode",
  "type",
] as const satisfies readonly (keyof ContactAddress)[];

/** Renders a finished card in the API's field names, with fresh objects on every call. */
export let renderCard: (card: ContactBuilder<true>) => ContactPayload;
/**
 * One contact card. `Named` records whether `.name()` was called: a card without a name
 * does not type-check as a finished contact.
 *
 * Each step is one link (the previous builder, a field, its part); the card is assembled once, when the message is built, so
 * chains stay cheap however long they get.
 *
 * @example
 * p.name({ formattedName: "Ana Diaz", firstName: "Ana" }).phone("+16505551234", { type: "WORK", waId: "16505551234" })
 */
export class ContactBuilder<Named extends boolean = false> {
  declare readonly [named]: Named;
  declare private readonly [previousKey]: ContactBuilder<boolean> | undefined;
  declare private readonly [placementKey]: Placement | undefined;
  /** This step's part of the card in the API's field names: a string, or a flat object copied on every build. */
  declare private readonly [partKey]: unknown;

  /** @internal */
  constructor(previous?: ContactBuilder<boolean>, placement?: Placement, part?: unknown) {
    this[previousKey] = previous;
    this[placementKey] = placement;
    this[partKey] = part;
  }

  // Each step copies its inputs now (later changes by the caller do not leak in); building
  // copies the parts again (built bodies share nothing with the builder).

  name(name: ContactName): ContactBuilder<true> {
    const { formattedName, firstName, lastName, middleName, suffix, prefix } = stepArgument(name, "contacts.name", nameKeys);
    const part: Mutable<ContactNamePayload> = { formatted_name: formattedName };
    if (firstName !== undefined) part.first_name = firstName;
    if (lastName !== undefined) part.last_name = lastName;
    if (middleName !== undefined) part.middle_name = middleName;
    if (suffix !== undefined) part.suffix = suffix;
    if (prefix !== undefined) part.prefix = prefix;
    return this[withKey]<true>(placements.name, part);
  }

  phone(phone: string, options: { readonly type?: PhoneType; readonly waId?: string } = {}): ContactBuilder<Named> {
    const { type, waId } = stepArgument(options, "contacts.phones options", phoneOptionKeys);
    const part: Mutable<Entry<"phones">> = { phone };
    if (type !== undefined) part.type = type;
    if (waId !== undefined) part.wa_id = waId;
    return this[withKey](placements.phones, part);
  }

  email(email: string, options: { readonly type?: ContactInfoType } = {}): ContactBuilder<Named> {
    const { type } = stepArgument(options, "contacts.emails options", typeOptionKeys);
    const part = type === undefined ? { email } : { email, type };
    return this[withKey](placements.emails, part);
  }

  url(url: string, options: { readonly type?: ContactInfoType } = {}): ContactBuilder<Named> {
    const { type } = stepArgument(options, "contacts.urls options", typeOptionKeys);
    const part = type === undefined ? { url } : { url, type };
    return this[withKey](placements.urls, part);
  }

  address(address: ContactAddress): ContactBuilder<Named> {
    const { street, city, state, zip, country, countryCode, type } = stepArgument(address, "contacts.addresses", addressKeys);
    const part: Mutable<ContactAddressPayload> = {};
    if (street !== undefined) part.street = street;
    if (city !== undefined) part.city = city;
    if (state !== undefined) part.state = state;
    if (zip !== undefined) part.zip = zip;
    if (country !== undefined) part.country = country;
    if (countryCode !== undefined) part.country_code = countryCode;
    if (type !== undefined) part.type = type;
    return this[withKey](placements.addresses, part);
  }

  /** `YYYY-MM-DD`. */
  birthday(date: string): ContactBuilder<Named> {
    return this[withKey](placements.birthday, date);
  }

  org(org: { readonly company?: string; readonly department?: string; readonly title?: string }): ContactBuilder<Named> {
    const { company, department, title } = stepArgument(org, "contacts.org", orgKeys);
    const part: Mutable<Entry<"org">> = {};
    if (company !== undefined) part.company = company;
    if (department !== undefined) part.department = department;
    if (title !== undefined) part.title = title;
    return this[withKey](placements.org, part);
  }

  private [withKey]<N extends boolean = Named>(placement: Placement, part: unknown): ContactBuilder<N> {
    return new ContactBuilder<N>(this, placement, part);
  }

  static {
    renderCard = (last) => {
      // The links in call order, in an array sized once (pushing grew it past twice the bytes it needs).
      let count = 0;
      for (
        let step: ContactBuilder<boolean> | undefined = last;
        step !== undefined && step[placementKey] !== undefined;
        step = step[previousKey]
      ) {
        count++;
      }
      const steps = new Array<ContactBuilder<boolean>>(count);
      let at = count;
      let step: ContactBuilder<boolean> = last;
      while (at > 0) {
        steps[--at] = step;
        step = step[previousKey] as ContactBuilder<boolean>; // the first loop counted exactly these links
      }
      // Later calls win for single fields (in the order first called); list fields keep every entry in call order,
      // after the single fields, in the order of their placement index: one more pass over the steps per list present,
      // which makes no array of lists to gather them in.
      const card: { -readonly [F in Field]?: unknown } = {};
      let listsPresent = 0; // a bit per placement index
      for (let i = 0; i < count; i++) {
        const step = steps[i] as ContactBuilder<boolean>;
        const placement = step[placementKey] as Placement;
        const part = step[partKey];
        switch (placement.field) {
          case "name":
            card.name = { ...(part as Entry<"name">) };
            break;
          case "birthday":
            card.birthday = part; // a string
            break;
          case "org":
            card.org = { ...(part as Entry<"org">) };
            break;
          default:
            listsPresent |= 1 << placement.index;
        }
      }
      for (let index = 0; listsPresent >> index !== 0; index++) {
        if ((listsPresent & (1 << index)) === 0) continue;
        let field: ListField | undefined;
        let list: object[] | undefined;
        for (let i = 0; i < count; i++) {
          const step = steps[i] as ContactBuilder<boolean>;
          const placement = step[placementKey] as Placement;
          if ("index" in placement && placement.index === index) {
            field = placement.field;
            list = append(list, placement.copy(step[partKey] as never));
          }
        }
        card[field as ListField] = list;
      }
      return card as ContactPayload; // `name` is set once Named is true
    };
  }
}

type MaxContacts = typeof limits.contacts.max;
type Count = readonly unknown[];

/**
 * Where every card and every message's cards start: one of each, shared, as builders never change (frozen, as every
 * object builders share is). Making them afresh cost a contacts message two objects and an array.
 */
const blankCard = /* @__PURE__ */ Object.freeze(new ContactBuilder()) as ContactBuilder;
const noCards: readonly ContactBuilder<true>[] = /* @__PURE__ */ Object.freeze([]);

/** The finished cards of a contacts builder; kept out of the public surface. */
export let cardsOf: (builder: ContactsBuilder<Count>) => readonly ContactBuilder<true>[];

/**
 * The contact cards of one message, 1 to 5; a sixth `.contact()` is a compile error.
 */
export class ContactsBuilder<Cards extends Count = []> {
  declare readonly [cardCount]: Cards;
  declare private readonly [cardsKey]: readonly ContactBuilder<true>[];

  /** @internal */
  constructor(cards: readonly ContactBuilder<true>[] = noCards) {
    this[cardsKey] = cards;
  }

  contact(
    ...card: Cards["length"] extends MaxContacts
      ? [error: `contacts: at most ${MaxContacts} contacts per message`]
      : [build: (contact: ContactBuilder) => ContactBuilder<true>]
  ): ContactsBuilder<[...Cards, unknown]>;
  contact(build: unknown): ContactsBuilder<[...Cards, unknown]> {
    const card = callbackResult<ContactBuilder<boolean>>(build, blankCard, ContactBuilder, "contacts[]");
    return new ContactsBuilder([...this[cardsKey], card as ContactBuilder<true>]); // a card without a name fails validate()
  }

  static {
    cardsOf = (builder) => builder[cardsKey];
  }
}

/** A contacts builder with no card yet: the one every `.contacts(…)` callback starts from. */
export const noContacts = /* @__PURE__ */ Object.freeze(new ContactsBuilder()) as ContactsBuilder;
