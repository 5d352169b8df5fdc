import { contactInfoTypes, limits, phoneTypes } from "../limits.js";
import { arrayAt, objectAt } from "./common.js";
import { checkEnum, checkKnownKeys, checkString } from "./fields.js";
import { child, isObject, item, type JsonObject, kindOf, type Report } from "./report.js";

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
  contacts.forEach((contact, index) => {
    const at = item(path, index);
    if (isObject(contact)) checkContact(report, contact, at);
    else report.add(at, "invalid_type", `expected an object, got ${kindOf(contact)}`);
  });
}

function checkContact(report: Report, contact: JsonObject, path: string): void {
  checkKnownKeys(report, contact, path, contactFields);
  const name = objectAt(report, contact, "name", path);
  if (name !== undefined) checkName(report, name, child(path, "name"));
  checkString(report, contact, "birthday", path, birthday);
  const org = objectAt(report, contact, "org", path, false);
  if (org !== undefined) {
    const at = child(path, "org");
    checkKnownKeys(report, org, at, orgFields);
    for (const key of orgFields) checkString(report, org, key, at);
  }
  eachObject(report, contact, "addresses", path, (address, at) => {
    checkKnownKeys(report, address, at, addressFields);
    for (const key of addressText) checkString(report, address, key, at);
    checkString(report, address, "country_code", at, countryCode);
    checkEnum(report, address, "type", at, contactInfoTypes);
  });
  eachObject(report, contact, "emails", path, (entry, at) => {
    checkKnownKeys(report, entry, at, emailFields);
    checkString(report, entry, "email", at, email);
    checkEnum(report, entry, "type", at, contactInfoTypes);
  });
  eachObject(report, contact, "phones", path, (entry, at) => {
    checkKnownKeys(report, entry, at, phoneFields);
    checkString(report, entry, "phone", at);
    checkEnum(report, entry, "type", at, phoneTypes);
    checkString(report, entry, "wa_id", at, waId);
  });
  eachObject(report, contact, "urls", path, (entry, at) => {
    checkKnownKeys(report, entry, at, urlFields);
    checkString(report, entry, "url", at); // contact cards take any URL form, e.g. "www.example.com"
    checkEnum(report, entry, "type", at, contactInfoTypes);
  });
}

/** `formatted_name` plus at least one other part [S §6 footnote]. */
function checkName(report: Report, name: JsonObject, path: string): void {
  checkKnownKeys(report, name, path, nameFields);
  checkString(report, name, "formatted_name", path, required);
  let parts = 0;
  for (const key of nameParts) if (checkString(report, name, key, path) !== undefined) parts++;
  if (parts === 0) report.add(path, "required", `needs at least one of ${nameParts.join(", ")} besides formatted_name`);
}

function eachObject(report: Report, object: JsonObject, key: string, path: string, check: (entry: JsonObject, path: string) => void): void {
  const list = arrayAt(report, object, key, path, false);
  list?.forEach((entry, index) => {
    const at = item(child(path, key), index);
    if (isObject(entry)) check(entry, at);
    else report.add(at, "invalid_type", `expected an object, got ${kindOf(entry)}`);
  });
}
