import { contactInfoTypes, limits, phoneTypes } from "../limits.js";
import type { ContactNamePayload, ContactPayload } from "../payload/contacts.js";
import { checkObject, eachObject } from "./common.js";
import { checkEnum, checkKnownKeys, checkString, fits, fitsEnum, stringRule } from "./fields.js";
import type { JsonObject, Report } from "./report.js";

const nameParts = ["first_name", "last_name", "middle_name", "suffix", "prefix"] as const;
const birthday = stringRule({ pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, format: "a date in YYYY-MM-DD form" });
const email = stringRule({ pattern: /^[^\s@]+@[^\s@]+$/, format: "an email address" });
const waId = stringRule({ pattern: /^\d+$/, format: "a WhatsApp ID (digits only)" });
const countryCode = stringRule({ pattern: /^[A-Za-z]{2}$/, format: "a two-letter country code" });
const required = stringRule({ required: true });
const contactFields = ["name", "addresses", "birthday", "emails", "org", "phones", "urls"];
const orgFields = ["company", "department", "title"];
const addressFields = ["street", "city", "state", "zip", "country", "country_code", "type"];
const emailFields = ["email", "type"];
const phoneFields = ["phone", "type", "wa_id"];
const urlFields = ["url", "type"];
const nameFields = ["formatted_name", ...nameParts];
const cards = { ...limits.contacts, noun: "contact" };

/** `contacts` [S §6, OA]: 1–5 cards, each with a name. */
export function checkContacts(report: Report, contacts: unknown, key: string): void {
  eachObject(report, contacts, key, checkContact, cards, true);
}

function checkContact(report: Report, contact: JsonObject): void {
  checkKnownKeys(report, contact, contactFields);
  checkObject(report, contact.name, "name", checkName, true);
  checkString(report, contact.birthday, "birthday", birthday);
  checkObject(report, contact.org, "org", checkOrg);
  eachObject(report, contact.addresses, "addresses", checkAddress);
  eachObject(report, contact.emails, "emails", checkEmail);
  eachObject(report, contact.phones, "phones", checkPhone);
  eachObject(report, contact.urls, "urls", checkUrl);
}

/** `formatted_name` plus at least one other part [S §6 footnote]. */
function checkName(report: Report, name: JsonObject): void {
  checkKnownKeys(report, name, nameFields);
  checkString(report, name.formatted_name, "formatted_name", required);
  // Named reads, not a loop over keys: this runs for every card.
  const parts = [
    checkString(report, name.first_name, "first_name"),
    checkString(report, name.last_name, "last_name"),
    checkString(report, name.middle_name, "middle_name"),
    checkString(report, name.suffix, "suffix"),
    checkString(report, name.prefix, "prefix"),
  ];
  if (parts.every((part) => part === undefined))
    report.add(undefined, "required", `needs at least one of ${nameParts.join(", ")} besides formatted_name`);
}

function checkOrg(report: Report, org: JsonObject): void {
  checkKnownKeys(report, org, orgFields);
  checkString(report, org.company, "company");
  checkString(report, org.department, "department");
  checkString(report, org.title, "title");
}

function checkAddress(report: Report, address: JsonObject): void {
  checkKnownKeys(report, address, addressFields);
  checkString(report, address.street, "street");
  checkString(report, address.city, "city");
  checkString(report, address.state, "state");
  checkString(report, address.zip, "zip");
  checkString(report, address.country, "country");
  checkString(report, address.country_code, "country_code", countryCode);
  checkEnum(report, address.type, "type", contactInfoTypes);
}

function checkEmail(report: Report, entry: JsonObject): void {
  checkKnownKeys(report, entry, emailFields);
  checkString(report, entry.email, "email", email);
  checkEnum(report, entry.type, "type", contactInfoTypes);
}

function checkPhone(report: Report, entry: JsonObject): void {
  checkKnownKeys(report, entry, phoneFields);
  checkString(report, entry.phone, "phone");
  checkEnum(report, entry.type, "type", phoneTypes);
  checkString(report, entry.wa_id, "wa_id", waId);
}

function checkUrl(report: Report, entry: JsonObject): void {
  checkKnownKeys(report, entry, urlFields);
  checkString(report, entry.url, "url"); // contact cards take any URL form, e.g. "www.example.com"
  checkEnum(report, entry.type, "type", contactInfoTypes);
}

// The builder's quick tests, one per part of a card: a contact builder tests each part as
// it is made (its objects hold only the keys above, so just the values, with the same
// rules). A card whose parts all pass, with a name, is one checkContact accepts.

type Card = ContactPayload;

export const acceptsName = (name: ContactNamePayload): boolean =>
  fits(name.formatted_name, required) &&
  fits(name.first_name) &&
  fits(name.last_name) &&
  fits(name.middle_name) &&
  fits(name.suffix) &&
  fits(name.prefix) &&
  (name.first_name ?? name.last_name ?? name.middle_name ?? name.suffix ?? name.prefix) !== undefined;

export const acceptsBirthday = (date: unknown): boolean => fits(date, birthday);

export const acceptsOrg = (org: NonNullable<Card["org"]>): boolean => fits(org.company) && fits(org.department) && fits(org.title);

export const acceptsAddress = (address: NonNullable<Card["addresses"]>[number]): boolean =>
  fits(address.street) &&
  fits(address.city) &&
  fits(address.state) &&
  fits(address.zip) &&
  fits(address.country) &&
  fits(address.country_code, countryCode) &&
  fitsEnum(address.type, contactInfoTypes);

export const acceptsEmail = (entry: NonNullable<Card["emails"]>[number]): boolean =>
  fits(entry.email, email) && fitsEnum(entry.type, contactInfoTypes);

export const acceptsPhone = (entry: NonNullable<Card["phones"]>[number]): boolean =>
  fits(entry.phone) && fitsEnum(entry.type, phoneTypes) && fits(entry.wa_id, waId);

export const acceptsUrl = (entry: NonNullable<Card["urls"]>[number]): boolean => fits(entry.url) && fitsEnum(entry.type, contactInfoTypes);

/** The number of cards checkContacts accepts. */
export const acceptsCardCount = (count: number): boolean => count >= cards.min && count <= cards.max;
