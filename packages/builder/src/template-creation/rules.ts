/**
 * Every creation rule `checkTemplateCreation` applies, with the stage at which Meta enforces it
 * [templates-management.md §2, §4]. "create": the POST is refused (Graph error 100, with a
 * subcode where one is listed); "review": the template is created PENDING, then REJECTED with
 * the webhook `reason`.
 *
 * How each stage was chosen (strictest reading where the reference is silent, said below):
 * | rules | stage | why |
 * |---|---|---|
 * | name-*, language-code, category, parameter-format, message-send-ttl | create 100 | TM: "otherwise error 100" |
 * | unknown-field, field-type, component-*, body-required, *-required | create 100 | malformed parameters are error 100 [TM, §4] |
 * | *-text-length, url-length, phone-number-length, copy-code-example, lto-text | create 100 / 2388040 | "a field is over its character limit" (subcode unverified, pywa) |
 * | variable-at-edge | create 100 / 2388299 | pywa's code (unverified); TR also lists it as a rejection: the earlier stage is the stricter |
 * | button counts, quick-replies-contiguous, url-variable-at-end, flow-*, voice-call-ttl | create 100 | TC: "rejected as an invalid combination" at creation |
 * | authentication-*, otp-*, code-expiration-minutes | create 100 | AUTH templates are checked on the POST (upserts come back APPROVED at once) |
 * | carousel-*, lto-*, *-category | create 100 | CAR, LTO: the component is refused outside its category |
 * | variable-malformed, variables-sequential, variables-adjacent, variables-mixed, variable-name, variable-example | review INVALID_FORMAT | TR rejection reasons and `rejection_info` [WH-S] |
 * | footer-no-variables, header-no-markdown | review INVALID_FORMAT | TC: text only / no Markdown; §6.4 takes the strict side |
 */
export const creationRules = {
  "template-object": create(),
  "unknown-field": create(),
  "field-type": create(),
  "name-required": create(),
  "name-charset": create(),
  "name-length": create(),
  "language-code": create(),
  category: create(),
  "parameter-format": create(),
  "message-send-ttl": create(),
  "components-required": create(),
  "component-type": create(),
  "component-duplicate": create(),
  "body-required": create(),
  "body-text-required": create(),
  "body-text-length": create(2388040),
  "header-format": create(),
  "header-text-required": create(),
  "header-text-length": create(2388040),
  "header-variables-count": create(),
  "header-media-example": create(),
  "header-location-category": create(),
  "header-gif-category": create(),
  "header-no-markdown": review(),
  "footer-text-required": create(),
  "footer-text-length": create(2388040),
  "footer-no-variables": review(),
  "variable-malformed": review(),
  "variables-sequential": review(),
  "variables-adjacent": review(),
  "variables-mixed": review(),
  "variable-name": review(),
  "variable-at-edge": create(2388299),
  "variable-example": review(),
  "buttons-empty": create(),
  "button-type": create(),
  "button-text-required": create(),
  "button-text-length": create(2388040),
  "buttons-total": create(),
  "button-type-count": create(),
  "quick-replies-contiguous": create(),
  "url-required": create(),
  "url-length": create(2388040),
  "url-variable-at-end": create(),
  "url-example": review(),
  "phone-number-required": create(),
  "phone-number-length": create(2388040),
  "copy-code-example": create(2388040),
  "flow-target": create(),
  "flow-action": create(),
  "voice-call-ttl": create(),
  "otp-authentication-only": create(),
  "request-contact-info-category": create(),
  "authentication-no-text": create(),
  "authentication-no-header": create(),
  "authentication-otp-button": create(),
  "otp-type": create(),
  "otp-supported-apps": create(),
  "otp-package-name": create(),
  "otp-signature-hash": create(),
  "otp-zero-tap-terms": create(),
  "code-expiration-minutes": create(),
  "carousel-category": create(),
  "carousel-card-count": create(),
  "carousel-card-header": create(),
  "carousel-card-body-length": create(2388040),
  "carousel-card-bodies": create(),
  "carousel-card-buttons": create(),
  "carousel-card-quick-replies": create(),
  "carousel-cards-same": create(),
  "lto-category": create(),
  "lto-text": create(2388040),
  "lto-no-footer": create(),
} as const satisfies Record<string, RuleStage>;

/** A rule's stable id, e.g. `"variables-adjacent"`. */
export type CreationRuleId = keyof typeof creationRules;

export type RuleStage =
  | { readonly stage: "create"; readonly code: number; readonly subcode?: number }
  | { readonly stage: "review"; readonly reason: string };

/** Graph's "invalid parameter" code: every refused create uses it [TM]. */
const invalidParameter = 100;

function create(subcode?: number): RuleStage {
  return subcode === undefined ? { stage: "create", code: invalidParameter } : { stage: "create", code: invalidParameter, subcode };
}

function review(): RuleStage {
  return { stage: "review", reason: "INVALID_FORMAT" };
}
