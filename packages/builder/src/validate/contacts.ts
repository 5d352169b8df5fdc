import { contactInfoTypes, limits, phoneTypes } from "../limits.js";
import { checkObject, eachObject } from "./common.js";
import { checkEnum, checkKnownKeys, checkString, stringRule } from "./fields.js";
import { isObject, item, type JsonObject, kindOf, type Report } from "./report.js";

const nameParts = ["first_name", "last_name", "middle_name", "suffix", "prefix"] as const;
const birthday = stringRule({ pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, format: "a date in YYYY-MM-DD form" });
const email = stringRule({ pattern: /^[^\s@]+@[^\s@]+$/, format: "an email address" });
const waId = stringRule({ pattern: /^\d+$/, format: "a WhatsApp ID (digits only)" });
const countryCode = stringRule({ pattern: /^[A-Za-z]{2}$/, format: "a two-letter country code" });
const required = stringRule({ required: true });
const contactFields = ["name", "addresses", "birthday", "emails", "org", "phones", "urls"];
const orgFields = ["company", "department", "title"];
const addressText = ["street", "city", "state", "zip", "country"];
const addressFields = [...addressText, "country_code", "type"];
const emailFields = ["email", "type"];
const phoneFields = ["phone", "type", "wa_id"];
const urlFields = ["url", "type"];
const nameFields = ["formatted_name", ...nameParts];

/** `contacts` [S §6, OA]: 1–5 cards, each with a name. */
export function checkContacts(report: Report, contacts: unknown, path: string): void {
  if (!Array.isArray(contacts)) {
    report.add(path, "invalid_type", `expected an array of contacts, got ${kindOf(contacts)}`);
    return;
  }
  const { min, max } = limits.contacts;
  if (contacts.length < min) report.add(path, "too_few", `at least ${min} contact, got 0`, min, 0);
  if (contacts.length > max) report.add(path, "too_many", `at most ${max} contacts, got ${contacts.length}`, max, contacts.length);
  for (let index = 0; index < contacts.length; index++) {
    const contact: unknown = contacts[index];
    if (isObject(contact)) checkContact(report, contact, item(path, index));
    else report.add(item(path, index), "invalid_type", `expected an object, got ${kindOf(contact)}`);
  }
}

function checkContact(report: Report, contact: JsonObject, path: string): void {
  checkKnownKeys(report, contact, path, contactFields);
  checkObject(report, contact.name, path, "name", checkName, true);
  checkString(report, contact.birthday, path, "birthday", birthday);
  checkObject(report, contact.org, path, "org", checkOrg);
  eachObject(report, contact.addresses, path, "addresses", checkAddress);
  eachObject(report, contact.emails, path, "emails", checkEmail);
  eachObject(report, contact.phones, path, "phones", checkPhone);
  eachObject(report, contact.urls, path, "urls", checkUrl);
}

function checkOrg(report: Report, org: JsonObject, path: string): void {
  checkKnownKeys(report, org, path, orgFields);
  for (const key of orgFields) checkString(report, org[key], path, key);
}

function checkAddress(report: Report, address: JsonObject, path: string): void {
  checkKnownKeys(report, address, path, addressFields);
  for (const key of addressText) checkString(report, address[key], path, key);
  checkString(report, address.country_code, path, "country_code", countryCode);
  checkEnum(report, address.type, path, "type", contactInfoTypes);
}

function checkEmail(report: Report, entry: JsonObject, path: string): void {
  checkKnownKeys(report, entry, path, emailFields);
  checkString(report, entry.email, path, "email", email);
  checkEnum(report, entry.type, path, "type", contactInfoTypes);
}

function checkPhone(report: Report, entry: JsonObject, path: string): void {
  checkKnownKeys(report, entry, path, phoneFields);
  checkString(report, entry.phone, path, "phone");
  checkEnum(report, entry.type, path, "type", phoneTypes);
  checkString(report, entry.wa_id, path, "wa_id", waId);
}

function checkUrl(report: Report, entry: JsonObject, path: string): void {
  checkKnownKeys(report, entry, path, urlFields);
  checkString(report, entry.url, path, "url"); // contact cards take any URL form, e.g. "www.example.com"
  checkEnum(report, entry.type, path, "type", contactInfoTypes);
}

/** `formatted_name` plus at least one other part [S §6 footnote]. */
function checkName(report: Report, name: JsonObject, path: string): void {
  checkKnownKeys(report, name, path, nameFields);
  checkString(report, name.formatted_name, path, "formatted_name", required);
  let parts = 0;
  for (const key of nameParts) if (checkString(report, name[key], path, key) !== undefined) parts++;
  if (parts === 0) report.add(path, "required", `needs at least one of ${nameParts.join(", ")} besides formatted_name`);
}
