import { classifyGraphError, type GraphErrorAction, type GraphErrorCategory } from "./error-codes.js";

/** What a code of the template-management endpoints means, what to do, and how sure that is. */
export interface TemplateManagementErrorCode {
  readonly category: GraphErrorCategory;
  readonly action: GraphErrorAction;
  readonly meaning: string;
  /** `false`: known from third-party code only, or its sources disagree; treat the meaning as unverified. */
  readonly verified: boolean;
  readonly source: string;
}

/**
 * The codes the template-management endpoints answer with, by name [templates-management.md §4]. The
 * 2388xxx codes come as `error_subcode` under code 100 in Meta's answers and as `code` in pywa's
 * reading: `templateManagementCode` matches both.
 */
export const templateManagementErrorCodes = {
  invalidParameter: 100,
  permission: 200,
  /** "Rate limit issues": the WhatsApp Business Account's call rate [cloud-api.md §10.3]. */
  accountRateLimit: 80007,
  /** "Too many calls to this WhatsApp Business account" (Graph's HSM reference). */
  accountCallRateLimit: 80008,
  nameAndLanguageExist: 2388024,
  nameUnavailable: 2388023,
  templateCountLimit: 2388019,
  fieldTooLong: 2388040,
  headerFormat: 2388047,
  bodyFormat: 2388072,
  footerFormat: 2388073,
  tooManyVariables: 2388293,
  variableAtStartOrEnd: 2388299,
} as const;

const meta = 'Meta, "Template management"';
const pywa = "pywa pywa/errors.py (third party, unverified)";
const c = templateManagementErrorCodes;
const entry = (
  category: GraphErrorCategory,
  action: GraphErrorAction,
  meaning: string,
  source: string,
  verified: boolean,
): TemplateManagementErrorCode => ({ category, action, meaning, source, verified });

/**
 * code → category, action, meaning and source. A content problem is `template` / `fix_and_retry`
 * (change the definition); a state that the same request cannot get past — a blocked name, the
 * account's template limit — is `template` / `do_not_retry` (the stricter reading: 2388023 may also
 * mean a duplicate, which a change of name fixes as well).
 */
export const templateManagementErrors: { readonly [code: number]: TemplateManagementErrorCode } = {
  [c.invalidParameter]: entry("parameter", "fix_and_retry", "a bad name, category, language or other parameter", meta, true),
  [c.permission]: entry(
    "permission",
    "do_not_retry",
    "a permission is missing (a delete needs whatsapp_business_management, not only whatsapp_business_messaging)",
    meta,
    true,
  ),
  [c.accountRateLimit]: entry(
    "throttling",
    "retry_after",
    "the WhatsApp Business Account's rate limit (200 calls an hour, 5,000 with a registered number)",
    "Meta's error-code table (cloud-api.md §10.3)",
    true,
  ),
  [c.accountCallRateLimit]: entry(
    "throttling",
    "retry_after",
    "too many calls to this WhatsApp Business Account",
    'Meta, Graph reference "WhatsApp Business HSM"',
    true,
  ),
  [c.nameAndLanguageExist]: entry("template", "fix_and_retry", "a template of this name and language already exists", meta, true),
  [c.nameUnavailable]: entry(
    "template",
    "do_not_retry",
    "the name cannot be used: deleted within about 4 weeks, or a duplicate",
    "public repositories disagree (unverified)",
    false,
  ),
  [c.templateCountLimit]: entry("template", "do_not_retry", "the account's template count limit is reached", pywa, false),
  [c.fieldTooLong]: entry("template", "fix_and_retry", "a field is over its character limit", `${pywa}; chakrahq`, false),
  [c.headerFormat]: entry("template", "fix_and_retry", "the header's format is wrong (pywa maps body errors here too)", pywa, false),
  [c.bodyFormat]: entry("template", "fix_and_retry", "the body's format is wrong", pywa, false),
  [c.footerFormat]: entry("template", "fix_and_retry", "the footer's format is wrong", pywa, false),
  [c.tooManyVariables]: entry("template", "fix_and_retry", "too many variables for the text's length", pywa, false),
  [c.variableAtStartOrEnd]: entry("template", "fix_and_retry", "a variable at the start or the end of the text", pywa, false),
};

/** What is read of an error: the API's `error_subcode`, or `subcode` as `GraphApiError` names it. */
export interface TemplateManagementErrorLike {
  readonly code?: number | undefined;
  readonly error_subcode?: number | undefined;
  readonly subcode?: number | undefined;
  readonly is_transient?: boolean | undefined;
}

/**
 * The management code an error stands for: its subcode under code 100 when the table knows it
 * (Meta's answers), else its code when the table knows that (pywa's reading); undefined otherwise.
 *
 * @example
 * templateManagementCode({ code: 100, error_subcode: 2388024 }); // 2388024
 * templateManagementCode({ code: 2388024 }); // 2388024
 */
export function templateManagementCode(error: TemplateManagementErrorLike): number | undefined {
  const subcode = error.error_subcode ?? error.subcode;
  // The table's own codes only: a code read from an answer ("constructor", "__proto__") must not find Object.prototype's.
  if (
    error.code === c.invalidParameter &&
    subcode !== undefined &&
    subcode !== c.invalidParameter &&
    Object.hasOwn(templateManagementErrors, subcode)
  )
    return subcode;
  return error.code !== undefined && Object.hasOwn(templateManagementErrors, error.code) ? error.code : undefined;
}

/**
 * The category and action of an error from a template-management endpoint: the management table
 * first (subcode under 100, or code), then the send table (`classifyGraphError`).
 *
 * @example
 * classifyTemplateManagementError({ code: 100, error_subcode: 2388024 }, 400); // { category: "template", action: "fix_and_retry" }
 */
export function classifyTemplateManagementError(
  error: TemplateManagementErrorLike,
  status: number,
): { readonly category: GraphErrorCategory; readonly action: GraphErrorAction } {
  const code = templateManagementCode(error);
  const known = code === undefined ? undefined : templateManagementErrors[code];
  return known === undefined ? classifyGraphError(error, status) : { category: known.category, action: known.action };
}
