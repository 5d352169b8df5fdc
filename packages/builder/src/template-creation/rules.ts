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
const tooLong = templateManagementErrorCodes.fieldTooLong;

export const creationRules = {
  "template-object": { stage: "create", code: 100 },
  "unknown-field": { stage: "create", code: 100 },
  "field-type": { stage: "create", code: 100 },
  "name-required": { stage: "create", code: 100 },
  "name-charset": { stage: "create", code: 100 },
  "name-length": { stage: "create", code: 100 },
  "language-code": { stage: "create", code: 100 },
  category: { stage: "create", code: 100 },
  "parameter-format": { stage: "create", code: 100 },
  "message-send-ttl": { stage: "create", code: 100 },
  "components-required": { stage: "create", code: 100 },
  "component-type": { stage: "create", code: 100 },
  "component-duplicate": { stage: "create", code: 100 },
  "body-required": { stage: "create", code: 100 },
  "body-text-required": { stage: "create", code: 100 },
  "body-text-length": { stage: "create", code: 100, subcode: tooLong },
  "header-format": { stage: "create", code: 100 },
  "header-text-required": { stage: "create", code: 100 },
  "header-text-length": { stage: "create", code: 100, subcode: tooLong },
  "header-variables-count": { stage: "create", code: 100 },
  "header-media-example": { stage: "create", code: 100 },
  "header-location-category": { stage: "create", code: 100 },
  "header-gif-category": { stage: "create", code: 100 },
  "header-no-markdown": { stage: "review", reason: "INVALID_FORMAT" },
  "footer-text-required": { stage: "create", code: 100 },
  "footer-text-length": { stage: "create", code: 100, subcode: tooLong },
  "footer-no-variables": { stage: "review", reason: "INVALID_FORMAT" },
  "variable-malformed": { stage: "review", reason: "INVALID_FORMAT" },
  "variables-sequential": { stage: "review", reason: "INVALID_FORMAT" },
  "variables-adjacent": { stage: "review", reason: "INVALID_FORMAT" },
  "variables-mixed": { stage: "review", reason: "INVALID_FORMAT" },
  "variable-name": { stage: "review", reason: "INVALID_FORMAT" },
  "variable-at-edge": { stage: "create", code: 100, subcode: templateManagementErrorCodes.variableAtStartOrEnd },
  "variable-example": { stage: "review", reason: "INVALID_FORMAT" },
  "buttons-empty": { stage: "create", code: 100 },
  "button-type": { stage: "create", code: 100 },
  "button-text-required": { stage: "create", code: 100 },
  "button-text-length": { stage: "create", code: 100, subcode: tooLong },
  "buttons-total": { stage: "create", code: 100 },
  "button-type-count": { stage: "create", code: 100 },
  "quick-replies-contiguous": { stage: "create", code: 100 },
  "url-required": { stage: "create", code: 100 },
  "url-length": { stage: "create", code: 100, subcode: tooLong },
  "url-variable-at-end": { stage: "create", code: 100 },
  "url-example": { stage: "review", reason: "INVALID_FORMAT" },
  "phone-number-required": { stage: "create", code: 100 },
  "phone-number-length": { stage: "create", code: 100, subcode: tooLong },
  "copy-code-example": { stage: "create", code: 100, subcode: tooLong },
  "flow-target": { stage: "create", code: 100 },
  "flow-action": { stage: "create", code: 100 },
  "voice-call-ttl": { stage: "create", code: 100 },
  "otp-authentication-only": { stage: "create", code: 100 },
  "request-contact-info-category": { stage: "create", code: 100 },
  "authentication-no-text": { stage: "create", code: 100 },
  "authentication-no-header": { stage: "create", code: 100 },
  "authentication-otp-button": { stage: "create", code: 100 },
  "otp-type": { stage: "create", code: 100 },
  "otp-supported-apps": { stage: "create", code: 100 },
  "otp-package-name": { stage: "create", code: 100 },
  "otp-signature-hash": { stage: "create", code: 100 },
  "otp-zero-tap-terms": { stage: "create", code: 100 },
  "code-expiration-minutes": { stage: "create", code: 100 },
  "carousel-category": { stage: "create", code: 100 },
  "carousel-card-count": { stage: "create", code: 100 },
  "carousel-card-header": { stage: "create", code: 100 },
  "carousel-card-body-length": { stage: "create", code: 100, subcode: tooLong },
  "carousel-card-bodies": { stage: "create", code: 100 },
  "carousel-card-buttons": { stage: "create", code: 100 },
  "carousel-card-quick-replies": { stage: "create", code: 100 },
  "carousel-cards-same": { stage: "create", code: 100 },
  "lto-category": { stage: "create", code: 100 },
  "lto-text": { stage: "create", code: 100, subcode: tooLong },
  "lto-no-footer": { stage: "create", code: 100 },
} as const satisfies Record<string, RuleStage>;

/** A rule's stable id, e.g. `"variables-adjacent"`. */
export type CreationRuleId = keyof typeof creationRules;

export type RuleStage =
  | { readonly stage: "create"; readonly code: number; readonly subcode?: number }
  | { readonly stage: "review"; readonly reason: string };
