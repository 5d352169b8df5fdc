import { contactInfoTypes, limits, phoneTypes } from "../limits.js";
import { arrayAt, eachObject, objectAt } from "./common.js";
import { checkEnum, checkKnownKeys, checkString } from "./fields.js";
import { child, type JsonObject, kindOf, type Report } from "./report.js";

const nameParts = ["first_name", "last_name", "middle_name", "suffix", "prefix"] as const;
const birthday = { pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, format: "a date in YYYY-MM-DD form" };
const email = { pattern: /^[^\s@]+@[^\s@]+$/, format: "an email address" };
const waId = { pattern: /^\d+$/, format: "a WhatsApp ID (digits only)" };
const countryCode = { pattern: /^[A-Za-z]{2}$/, format: "a two-letter country code" };
const required = { required: true };
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
  eachObject(report, contacts, path, checkContact);
}

function checkContact(report: Report, contact: JsonObject, path: string): void {
  checkKnownKeys(report, contact, path, contactFields);
  const name = objectAt(report, contact, "name", path);
  if (name !== undefined) checkName(report, name, child(path, "name"));
  checkString(report, contact.birthday, path, "birthday", birthday);
  const org = objectAt(report, contact, "org", path, false);
  if (org !== undefined) checkOrg(report, org, child(path, "org"));
  eachObject(report, arrayAt(report, contact, "addresses", path, false), child(path, "addresses"), checkAddress);
  eachObject(report, arrayAt(report, contact, "emails", path, false), child(path, "emails"), checkEmail);
  eachObject(report, arrayAt(report, contact, "phones", path, false), child(path, "phones"), checkPhone);
  eachObject(report, arrayAt(report, contact, "urls", path, false), child(path, "urls"), checkUrl);
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
