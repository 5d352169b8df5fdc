/**
 * Every documented limit of the messages endpoint, once. Types (compile-time checks),
 * `validate()` and the docs table all read this object; no other file holds these numbers.
 *
 * Unit of length: UTF-16 code units, as JavaScript's `String.length` counts them. The
 * compile-time check agrees with the runtime for text without astral characters (emoji,
 * some CJK): TypeScript 5.9 counts code units too, TypeScript 7 counts code points, so
 * under TS 7 a literal full of emoji can pass the type check and still fail at runtime.
 * The runtime check is the source of truth.
 *
 * Source tags are those of shared/reference/cloud-api.md: [S] seed reference, [V23] the
 * v23 reference, [OA] Meta's OpenAPI spec, [M-*] Meta guides. Where sources disagree we
 * follow the resolutions of cloud-api.md §13, else the strictest reading; each such
 * choice is marked "resolution".
 *
 * @example
 * import { limits } from "@wacompose/builder";
 * limits.text.body; // 4096
 */
export const limits = {
  /** `to`: digits of a phone number in international form (E.164 allows at most 15). */
  phone: { minDigits: 7, maxDigits: 15 },
  /** WhatsApp message ids (`wamid.…`) are at most 128 characters [S §1]. */
  wamid: { max: 128 },
  /** `biz_opaque_callback_data` [S §1]. */
  callbackData: { max: 512 },
  /** `text.body` [S §2]; at least one character (the API rejects an empty body). */
  text: { body: { min: 1, max: 4096 } },
  /**
   * Media captions: 1024 [V23]; uncertain for the Cloud API (cloud-api.md §14), used as
   * the working limit. Document captions are allowed (resolution §13.13).
   */
  media: { caption: { max: 1024 } },
  /** `location` [S §5]; numbers in decimal degrees (resolution §13.9). */
  location: { latitude: { min: -90, max: 90 }, longitude: { min: -180, max: 180 } },
  /** Contacts per message: 1–5, stated by [OA] only (cloud-api.md §14); strictest reading. */
  contacts: { min: 1, max: 5 },
} as const;

/** `phones[].type` values: [V23] list, a superset of [OA]'s (resolution §13.11). */
export const phoneTypes = ["CELL", "MAIN", "IPHONE", "HOME", "WORK"] as const;
/** `addresses[].type`, `emails[].type`, `urls[].type` [S §6]. */
export const contactInfoTypes = ["HOME", "WORK"] as const;
/** `recipient_type`: `individual` (default) or `group` (resolution §13.6). */
export const recipientTypes = ["individual", "group"] as const;
