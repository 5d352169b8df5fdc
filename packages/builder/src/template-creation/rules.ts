import { templateManagementErrorCodes } from "../protocol/template-management-codes.js";

/**
 * Every creation rule `checkTemplateCreation` applies, with the stage at which Meta enforces it
 * [templates-management.md §2, §4]. "create": the POST is refused (Graph error 100, with a
 * subcode where one is listed); "review": the template is created PENDING, then REJECTED with
 * the webhook `reason`.
 *
 * Every create-stage rule is Graph's "invalid parameter" code 100 [TM]. How each stage was chosen (strictest reading where the reference is silent, said below):
 * | rules | stage | why |
 * |---|---|---|
 * | name-*, language-code, category, parameter-format, message-send-ttl | create 100 | TM: "otherwise error 100" |
 * | unknown-field, field-type, component-*, body-required, *-required | create 100 | malformed parameters are error 100 [TM, §4] |
 * | *-text-length, url-length, phone-number-length, copy-code-example, lto-text, carousel-card-body-length | create 100 / 2388040 | "a field is over its character limit" (subcode unverified, pywa) |
 * | header-format, header-media-example, header-variables-count, header-*-category | create 100 | TC: the header's format and handle are parameters of the POST |
 * | variable-at-edge | create 100 / 2388299 | pywa's code (unverified); TR also lists it as a rejection: the earlier stage is the stricter |
 * | button counts, quick-replies-contiguous, url-variable-at-end, flow-*, voice-call-ttl | create 100 | TC: "rejected as an invalid combination" at creation |
 * | authentication-*, otp-*, code-expiration-minutes | create 100 | AUTH templates are checked on the POST (upserts come back APPROVED at once) |
 * | carousel-*, lto-*, *-category | create 100 | CAR, LTO: the component is refused outside its category |
 * | variable-malformed, variables-sequential, variables-adjacent, variables-mixed, variable-name, variable-example, url-example | review INVALID_FORMAT | TR rejection reasons and `rejection_info` [WH-S]; "every variable needs an example" [TC, TR] |
 * | footer-no-variables, header-no-markdown | review INVALID_FORMAT | TC: text only / no Markdown; templates-management.md §6.4, the strict side |
 */
/** Refused on the POST: Graph's "invalid parameter". */
const refused = { stage: "create", code: 100 } as const;
/** Refused on the POST as over a character limit (subcode unverified, pywa). */
const refusedTooLong = { stage: "create", code: 100, subcode: templateManagementErrorCodes.fieldTooLong } as const;
/** Created PENDING, then REJECTED at review with the reason INVALID_FORMAT. */
const rejectedFormat = { stage: "review", reason: "INVALID_FORMAT" } as const;

export const creationRules = {
  "template-object": refused,
  "unknown-field": refused,
  "field-type": refused,
  "name-required": refused,
  "name-charset": refused,
  "name-length": refused,
  "language-code": refused,
  category: refused,
  "parameter-format": refused,
  "message-send-ttl": refused,
  "components-required": refused,
  "component-type": refused,
  "component-duplicate": refused,
  "body-required": refused,
  "body-text-required": refused,
  "body-text-length": refusedTooLong,
  "header-format": refused,
  "header-text-required": refused,
  "header-text-length": refusedTooLong,
  "header-variables-count": refused,
  "header-media-example": refused,
  "header-location-category": refused,
  "header-gif-category": refused,
  "header-no-markdown": rejectedFormat,
  "footer-text-required": refused,
  "footer-text-length": refusedTooLong,
  "footer-no-variables": rejectedFormat,
  "variable-malformed": rejectedFormat,
  "variables-sequential": rejectedFormat,
  "variables-adjacent": rejectedFormat,
  "variables-mixed": rejectedFormat,
  "variable-name": rejectedFormat,
  "variable-at-edge": { stage: "create", code: 100, subcode: templateManagementErrorCodes.variableAtStartOrEnd },
  "variable-example": rejectedFormat,
  "buttons-empty": refused,
  "button-type": refused,
  "button-text-required": refused,
  "button-text-length": refusedTooLong,
  "buttons-total": refused,
  "button-type-count": refused,
  "quick-replies-contiguous": refused,
  "url-required": refused,
  "url-length": refusedTooLong,
  "url-variable-at-end": refused,
  "url-example": rejectedFormat,
  "phone-number-required": refused,
  "phone-number-length": refusedTooLong,
  "copy-code-example": refusedTooLong,
  "flow-target": refused,
  "flow-action": refused,
  "voice-call-ttl": refused,
  "otp-authentication-only": refused,
  "request-contact-info-category": refused,
  "authentication-no-text": refused,
  "authentication-no-header": refused,
  "authentication-otp-button": refused,
  "otp-type": refused,
  "otp-supported-apps": refused,
  "otp-package-name": refused,
  "otp-signature-hash": refused,
  "otp-zero-tap-terms": refused,
  "code-expiration-minutes": refused,
  "carousel-category": refused,
  "carousel-card-count": refused,
  "carousel-card-header": refused,
  "carousel-card-body-length": refusedTooLong,
  "carousel-card-bodies": refused,
  "carousel-card-buttons": refused,
  "carousel-card-quick-replies": refused,
  "carousel-cards-same": refused,
  "lto-category": refused,
  "lto-text": refusedTooLong,
  "lto-no-footer": refused,
} as const satisfies Record<string, RuleStage>;

/** A rule's stable id, e.g. `"variables-adjacent"`. */
export type CreationRuleId = keyof typeof creationRules;

export type RuleStage =
  | { readonly stage: "create"; readonly code: number; readonly subcode?: number }
  | { readonly stage: "review"; readonly reason: string };
