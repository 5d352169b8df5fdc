import { contactInfoTypes, limits, phoneTypes } from "../limits.js";
import { checkObject, eachObject } from "./common.js";
import { checkEnum, checkKnownKeys, checkString, stringRule } from "./fields.js";
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
