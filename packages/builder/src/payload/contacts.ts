import type { contactInfoTypes, phoneTypes } from "../limits.js";
import type { Envelope } from "./envelope.js";

export type ContactInfoType = (typeof contactInfoTypes)[number];
export type PhoneType = (typeof phoneTypes)[number];

/** `formatted_name` plus at least one other part is required [cloud-api.md §6]. */
export interface ContactNamePayload {
  readonly formatted_name: string;
  readonly first_name?: string;
  readonly last_name?: string;
  readonly middle_name?: string;
  readonly suffix?: string;
  readonly prefix?: string;
}

export interface ContactAddressPayload {
  readonly street?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zip?: string;
  readonly country?: string;
  /** Two-letter country code. */
  readonly country_code?: string;
  readonly type?: ContactInfoType;
}

export interface ContactPayload {
  readonly name: ContactNamePayload;
  readonly addresses?: readonly ContactAddressPayload[];
  /** `YYYY-MM-DD`. */
  readonly birthday?: string;
  readonly emails?: readonly { readonly email?: string; readonly type?: ContactInfoType }[];
  readonly org?: { readonly company?: string; readonly department?: string; readonly title?: string };
  readonly phones?: readonly { readonly phone?: string; readonly type?: PhoneType; readonly wa_id?: string }[];
  readonly urls?: readonly { readonly url?: string; readonly type?: ContactInfoType }[];
}

/** One to five contact cards. */
export interface ContactsMessage extends Envelope {
  readonly type: "contacts";
  readonly contacts: readonly ContactPayload[];
}
