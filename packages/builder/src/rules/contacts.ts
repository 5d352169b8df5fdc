import { contactInfoTypes, limits, phoneTypes } from "../limits.js";
import { namedPart } from "./contact-refinements.js";
import { array, object, oneOf, optional, required, string } from "./rule.js";

const text = optional(string());
// Contact types in another case ("Work", "Home") are accepted live (recorded, §15): warnings.
const infoType = optional(oneOf(contactInfoTypes, { anyCase: true }));
const entries = (item: ReturnType<typeof object>, noun: string) => optional(array(item, { min: 0, max: Number.POSITIVE_INFINITY, noun }));

export const contactName = object(
  {
    formatted_name: required(string()),
    first_name: text,
    last_name: text,
    middle_name: text,
    suffix: text,
    prefix: text,
  },
  { refine: [namedPart] },
);

export const contactOrg = object({ company: text, department: text, title: text });

export const contactAddress = object({
  street: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  // A recorded send with "COUNTRY_CODE" was answered 200 (§15): a warning.
  country_code: optional(string({ pattern: /^[A-Za-z]{2}$/, format: "a two-letter country code", tolerate: /[\s\S]/ })),
  type: infoType,
});

export const contactEmail = object({
  email: optional(string({ pattern: /^[^\s@]+@[^\s@]+$/, format: "an email address" })),
  type: infoType,
});

export const contactPhone = object({
  phone: text,
  type: optional(oneOf(phoneTypes, { anyCase: true })),
  // A "+" before the digits is sent by libraries and accepted (§15): a warning.
  wa_id: optional(string({ pattern: /^\d+$/, format: "a WhatsApp ID (digits only)", tolerate: /^\+\d+$/ })),
});

export const contactUrl = object({ url: text, type: infoType }); // any URL form, e.g. "www.example.com"

export const birthday = string({ pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, format: "a date in YYYY-MM-DD form" });

/** One contact card [S §6, OA]. */
export const contact = object({
  name: required(contactName),
  addresses: entries(contactAddress, "address"),
  birthday: optional(birthday),
  emails: entries(contactEmail, "email"),
  org: optional(contactOrg),
  phones: entries(contactPhone, "phone"),
  urls: entries(contactUrl, "url"),
});

/** `contacts`: 1–5 cards by the OpenAPI spec, up to 257 by Meta's page (§15): a warning between. */
export const contacts = array(contact, {
  min: limits.contacts.min,
  max: limits.contacts.maxAccepted,
  warnAbove: limits.contacts.max,
  noun: "contact",
});
