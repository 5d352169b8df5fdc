import { contactInfoTypes, limits, phoneTypes } from "../limits.js";
import { arrayAt, httpUrl, objectAt } from "./common.js";
import { checkEnum, checkKnownKeys, checkString } from "./fields.js";
import { child, isObject, item, type JsonObject, kindOf, type Report } from "./report.js";

const nameParts = ["first_name", "last_name", "middle_name", "suffix", "prefix"] as const;
const birthday = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const email = /^[^\s@]+@[^\s@]+$/;
const waId = /^\d+$/;
const countryCode = /^[A-Za-z]{2}$/;

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
  checkKnownKeys(report, contact, path, ["name", "addresses", "birthday", "emails", "org", "phones", "urls"]);
  const name = objectAt(report, contact, "name", path);
  if (name !== undefined) checkName(report, name, child(path, "name"));
  checkString(report, contact, "birthday", path, { pattern: birthday, format: "a date in YYYY-MM-DD form" });
  const org = objectAt(report, contact, "org", path, false);
  if (org !== undefined) {
    const at = child(path, "org");
    checkKnownKeys(report, org, at, ["company", "department", "title"]);
    for (const key of ["company", "department", "title"]) checkString(report, org, key, at);
  }
  eachObject(report, contact, "addresses", path, (address, at) => {
    checkKnownKeys(report, address, at, ["street", "city", "state", "zip", "country", "country_code", "type"]);
    for (const key of ["street", "city", "state", "zip", "country"]) checkString(report, address, key, at);
    checkString(report, address, "country_code", at, { pattern: countryCode, format: "a two-letter country code" });
    checkEnum(report, address, "type", at, contactInfoTypes);
  });
  eachObject(report, contact, "emails", path, (entry, at) => {
    checkKnownKeys(report, entry, at, ["email", "type"]);
    checkString(report, entry, "email", at, { pattern: email, format: "an email address" });
    checkEnum(report, entry, "type", at, contactInfoTypes);
  });
  eachObject(report, contact, "phones", path, (entry, at) => {
    checkKnownKeys(report, entry, at, ["phone", "type", "wa_id"]);
    checkString(report, entry, "phone", at);
    checkEnum(report, entry, "type", at, phoneTypes);
    checkString(report, entry, "wa_id", at, { pattern: waId, format: "a WhatsApp ID (digits only)" });
  });
  eachObject(report, contact, "urls", path, (entry, at) => {
    checkKnownKeys(report, entry, at, ["url", "type"]);
    checkString(report, entry, "url", at, { pattern: httpUrl, format: "an http or https URL" });
    checkEnum(report, entry, "type", at, contactInfoTypes);
  });
}

/** `formatted_name` plus at least one other part [S §6 footnote]. */
function checkName(report: Report, name: JsonObject, path: string): void {
  checkKnownKeys(report, name, path, ["formatted_name", ...nameParts]);
  checkString(report, name, "formatted_name", path, { required: true });
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
