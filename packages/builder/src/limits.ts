// The groups that a runtime reads on their own (a kind's refinements, the client's pacing and upload checks) are
// constants of their own, so a bundle carries the numbers it uses and not the whole table; `limits` holds them all.

/**
 * Throughput [M-tput §11]: 80 messages per second per number by default (130429 above it);
 * about one message every 6 s to one recipient (131056 above it; the 6 s is [3P], §11).
 * Read by the client's pacing (`sendMany`).
 */
export const throughputLimits = { perSecond: 80, pairGapMs: 6000 } as const;

/**
 * Media captions: 1024 [V23]; uncertain for the Cloud API (cloud-api.md §14), used as
 * the working limit. Document captions are allowed (resolution §13.13). Read by the upload checks.
 */
export const mediaLimits = {
  caption: { max: 1024 },
  /**
   * Largest upload per kind, in bytes [M-media §4]: image 5 MB, audio and video 16 MB, document 100 MB,
   * sticker 100 KB static / 500 KB animated. MB read as 1,000,000 bytes, the stricter of the two readings.
   */
  bytes: { image: 5_000_000, audio: 16_000_000, video: 16_000_000, document: 100_000_000, sticker: 100_000, animatedSticker: 500_000 },
} as const;

/** `to`: digits of a phone number in international form (E.164 allows at most 15). */
export const phoneLimits = { minDigits: 7, maxDigits: 15 } as const;

/** Lists [S, M-list §7.3]; at most 10 rows across all sections. */
export const listLimits = {
  button: { max: 20 },
  sections: { min: 1, max: 10 },
  sectionTitle: { max: 24 },
  rows: { min: 1, max: 10 },
  row: { id: { max: 200 }, title: { max: 24 }, description: { max: 72 } },
} as const;

/** Product lists [V23, OA §7.5]: ≥ 1 product per section, ≤ 30 in total, ≤ 10 sections. */
export const productListLimits = { sections: { min: 1, max: 10 }, sectionTitle: { max: 24 }, products: { min: 1, max: 30 } } as const;

/** Templates [S, V23, M-coupon §8]. */
export const templateLimits = {
  /** Meta's limit on template names (Business Management API). */
  name: { max: 512 },
  /** Button `index`: 0–9, so at most 10 buttons [S]; emitted as a string (resolution §13.8). */
  buttonIndex: { min: 0, max: 9 },
  /** Text parameter in a header [S]. */
  headerText: { max: 60 },
  /** Text parameter in a body: 1024, or 32768 when the body is the only component [S, V23]. */
  bodyText: { max: 1024, maxWhenOnlyComponent: 32768 },
  /** `coupon_code` of a copy-code button; one such button per template [M-coupon]. */
  couponCode: { max: 15 },
  /**
   * `parameter_name` of named templates: lowercase `a-z` and `_` only, at most 20
   * characters: the rule cloud-api.md §8.4 reports from whatsapp-api-js, not confirmed in
   * Meta text (§14). Strictest reading: digits are rejected too.
   */
  parameterName: { max: 20 },
} as const;

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
 * Source tags are those of docs/reference/cloud-api.md: [S] seed reference, [V23] the
 * v23 reference, [OA] Meta's OpenAPI spec, [M-*] Meta guides. Where sources disagree we
 * follow the resolutions of cloud-api.md §13, else the strictest reading; each such
 * choice is marked "resolution".
 *
 * @example
 * import { limits } from "@wacompose/builder";
 * limits.text.body; // 4096
 */
export const limits = {
  /**
   * Throughput [M-tput §11]: 80 messages per second per number by default (130429 above it);
   * about one message every 6 s to one recipient (131056 above it; the 6 s is [3P], §11).
   */
  throughput: throughputLimits,
  /** `to`: digits of a phone number in international form (E.164 allows at most 15). */
  phone: phoneLimits,
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
  media: mediaLimits,
  /** `location` [S §5]; numbers in decimal degrees (resolution §13.9). */
  location: { latitude: { min: -90, max: 90 }, longitude: { min: -180, max: 180 } },
  /**
   * Contacts per message: 1–5 by [OA], 257 by Meta's contacts page: above 5 a warning, above 257 an
   * error (cloud-api.md §15). The builder's compile-time check keeps to 5.
   */
  contacts: { min: 1, max: 5, maxAccepted: 257 },
  /** Parts shared by interactive messages [§7.1]. */
  interactive: {
    /** `body.text`: 1024 [V23, OA, M-btn, M-cta, M-loc] for every kind but lists (see `listBody`). */
    body: { max: 1024 },
    /** `body.text` of a list: 1024, while [M-list] says 4096: above 1024 a warning, above 4096 an error (§15). */
    listBody: { max: 1024, maxAccepted: 4096 },
    /** `footer.text` [V23, M-btn]. */
    footer: { max: 60 },
    /** `header.text` and `header.sub_text` [S, V23]. */
    header: { max: 60 },
  },
  /** Reply buttons [S, M-btn §7.2]: 1–3, ids and titles unique. */
  buttons: { min: 1, max: 3, title: { max: 20 }, id: { max: 256 } },
  /** Lists [S, M-list §7.3]; at most 10 rows across all sections. */
  list: listLimits,
  /** Product lists [V23, OA §7.5]: ≥ 1 product per section, ≤ 30 in total, ≤ 10 sections. */
  productList: productListLimits,
  /** `flow_cta`: 20, no emoji — [S]; newer sources advise 30 (resolution §13.1: strictest). */
  flow: { cta: { max: 20 } },
  /** `cta_url` `display_text` [M-cta §7.8]. */
  ctaUrl: { displayText: { max: 20 } },
  /**
   * Interactive and template carousels [api-2026.md §4–5, M-MC, M-PC, M-CAR-T]: 2–10 cards (a template carousel: 1–10),
   * a card's body at most 160 characters and 2 line breaks. Quick replies per card are not stated [gap]: above 3 (as
   * for reply buttons) a warning.
   */
  carousel: { cards: { min: 2, max: 10 }, templateCards: { min: 1, max: 10 }, cardBody: { max: 160 }, quickReplies: { max: 3 } },
  /** `voice_call` buttons [api-2026.md §4, M-CALL]: label 20, `ttl_minutes` 1–43200, payload 512. */
  voiceCall: { displayText: { max: 20 }, ttlMinutes: { min: 1, max: 43_200 }, payload: { max: 512 } },
  /**
   * Pinning a message in a group: for 1 to 30 days [api-2026.md §3; 3P only: pywa 4.0 and piusalfred/whatsapp, citing
   * Meta's groups-messaging page].
   */
  pin: { expirationDays: { min: 1, max: 30 } },
  /** Business-scoped user ids [api-2026.md §2.2, M-BSUID]: `CC.` (or `CC.ENT.`) and at most 128 letters and digits. */
  bsuid: { max: 128 },
  /** Templates [S, V23, M-coupon §8]. */
  template: templateLimits,
} as const;

/**
 * MIME types the API takes for each media kind [M-media §4]. `audio/ogg` is Opus only: declare it as
 * `audio/ogg; codecs=opus`. WebP images go only as stickers.
 */
export const mediaTypes = {
  image: ["image/jpeg", "image/png"],
  audio: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"],
  video: ["video/mp4", "video/3gpp"],
  document: [
    "text/plain",
    "application/pdf",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ],
  sticker: ["image/webp"],
} as const;

/** `interactive.type` values with documented request bodies [§7.1]. */
export const interactiveTypes = [
  "button",
  "list",
  "product",
  "product_list",
  "catalog_message",
  "flow",
  "cta_url",
  "location_request_message",
  "address_message",
  "call_permission_request",
  // Since v23 [api-2026.md §4].
  "carousel",
  "voice_call",
  "request_contact_info",
  // Payments in India and Brazil [api-2026.md §4, M-pay]: an order to review and pay, then its status.
  "order_details",
  "order_status",
] as const;

/** Header types each interactive kind accepts [§7.1]; product takes none, product_list needs text. */
export const headerTypes = {
  button: ["text", "image", "video", "document"],
  cta_url: ["text", "image", "video", "document"],
  list: ["text"],
  flow: ["text"],
  product_list: ["text"],
  product: [],
  catalog_message: [],
  location_request_message: [],
  address_message: [],
  call_permission_request: [],
  carousel: [],
  voice_call: [],
  request_contact_info: [],
  // An image (the API shows the first product's image without one) [M-pay]; other kinds are not documented.
  order_details: ["image"],
  order_status: ["image"],
} as const satisfies Record<(typeof interactiveTypes)[number], readonly string[]>;

/** Kinds with no footer: a carousel has "no main header/footer/buttons", a call permission request "no header/footer" [api-2026.md §4]. */
export const footerlessTypes = ["carousel", "call_permission_request"] as const satisfies readonly (typeof interactiveTypes)[number][];

/** `phones[].type` values: [V23] list, a superset of [OA]'s (resolution §13.11). */
export const phoneTypes = ["CELL", "MAIN", "IPHONE", "HOME", "WORK"] as const;
/** `addresses[].type`, `emails[].type`, `urls[].type` [S §6]. */
export const contactInfoTypes = ["HOME", "WORK"] as const;
/** `recipient_type`: `individual` (default) or `group` (resolution §13.6). */
export const recipientTypes = ["individual", "group"] as const;

/**
 * Creating a template (`POST /{waba}/message_templates`) [templates-management.md §2]. Where sources disagree the
 * strictest reading: a copy-code example ≤ 15 (templates-management.md §6.3), `-1` as a TTL is not accepted (unverified, templates-management.md §2.1).
 * A separate export from `limits`, so a bundle that only sends carries none of it.
 */
export const templateCreationLimits = {
  name: { max: 512 },
  headerText: { max: 60, variables: 1 },
  /** 1024, or 600 in a limited-time offer [LTO]. */
  bodyText: { max: 1024, maxWithOffer: 600 },
  footerText: { max: 60 },
  /** Every button type's label [TC]; an OTP button's `text` and `autofill_text` too [AUTH]. */
  buttonText: { max: 25 },
  buttons: { max: 10, quickReplies: 10, urls: 2, phoneNumbers: 1, copyCodes: 1, voiceCalls: 1, catalogs: 1, mpms: 1, spms: 1 },
  url: { max: 2000 },
  phoneNumber: { max: 20 },
  copyCodeExample: { max: 15 },
  voiceCallTtlMinutes: { min: 1440, max: 43_200 },
  supportedApps: { min: 1, max: 5 },
  packageName: { max: 224 },
  signatureHash: { length: 11 },
  codeExpirationMinutes: { min: 1, max: 90 },
  /** Media card carousel 2–10 cards; a product card carousel is created with exactly 2 [CAR, PCAR]. */
  carousel: {
    cards: { min: 2, max: 10 },
    productCards: 2,
    cardBody: { max: 160 },
    cardButtons: { max: 2 },
    cardQuickReplies: { max: 1 },
  },
  limitedTimeOffer: { text: { max: 16 } },
  /** `message_send_ttl_seconds` per category [TTL]. */
  ttlSeconds: {
    AUTHENTICATION: { min: 30, max: 900 },
    UTILITY: { min: 30, max: 43_200 },
    MARKETING: { min: 43_200, max: 2_592_000 },
  },
  /** Named placeholders: lowercase `a-z` and `_`, ≤ 20 (the send side's strictest reading, cloud-api.md §8.4). */
  parameterName: { max: 20 },
} as const;
