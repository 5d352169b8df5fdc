/**
 * What a Graph API error code means for a sender: its category and what to do. The one place
 * error codes are spelled [cloud-api.md §10.3, Meta's error-code reference; categories and
 * actions after @kapso/whatsapp-cloud-api's, with 368 and 131048 as do-not-retry, the stricter
 * of the readings libraries disagree on]. Where each code after 2026 comes from, and which are
 * known from another library only: error-code-sources.ts.
 */
export type GraphErrorCategory =
  | "authorization"
  | "permission"
  | "parameter"
  | "throttling"
  | "template"
  | "media"
  | "reengagement_window"
  | "integrity"
  | "business_eligibility"
  | "phone_registration"
  | "undeliverable"
  | "server"
  | "unknown";

/**
 * - `retry`: a transient fault; the same request may succeed (with backoff)
 * - `retry_after`: a rate limit; wait (`Retry-After`, or backoff), then retry
 * - `fix_and_retry`: the request is wrong; change it
 * - `do_not_retry`: it will not succeed for this recipient or account now
 * - `refresh_token`: the access token is invalid or expired
 */
export type GraphErrorAction = "retry" | "retry_after" | "fix_and_retry" | "do_not_retry" | "refresh_token";

/** Codes the packages act on by name. */
export const graphErrorCodes = {
  unknown: 1,
  invalidParameter: 100,
  accessToken: 190,
  throughput: 130429,
  requiredParameterMissing: 131008,
  parameterValueInvalid: 131009,
  serviceUnavailable: 131016,
  reengagementWindow: 131047,
  mediaUpload: 131053,
  pairRateLimit: 131056,
  templateParameterCount: 132000,
  templateMissing: 132001,
  templatePaused: 132015,
  templateDisabled: 132016,
  /** Marketing templates are disabled on the Cloud API for this WABA (`disable_marketing_messages_on_cloud_api`). */
  marketingDisabledOnCloudApi: 131063,
  /** The user stopped marketing messages (opt-out; see the `user_preferences` webhook). */
  userStoppedMarketing: 131050,
} as const;

type Entry = readonly [GraphErrorCategory, GraphErrorAction];
const t = (category: GraphErrorCategory, action: GraphErrorAction): Entry => [category, action];

/** code → [category, action]. */
const table: { readonly [code: number]: Entry } = {
  0: t("authorization", "refresh_token"),
  1: t("server", "retry"),
  2: t("server", "retry"),
  3: t("permission", "do_not_retry"),
  4: t("throttling", "retry_after"),
  10: t("permission", "do_not_retry"),
  33: t("parameter", "fix_and_retry"),
  100: t("parameter", "fix_and_retry"),
  190: t("authorization", "refresh_token"),
  368: t("integrity", "do_not_retry"),
  80007: t("throttling", "retry_after"),
  130429: t("throttling", "retry_after"),
  130472: t("undeliverable", "do_not_retry"),
  130497: t("integrity", "do_not_retry"),
  131000: t("server", "retry"),
  131005: t("permission", "do_not_retry"),
  131008: t("parameter", "fix_and_retry"),
  131009: t("parameter", "fix_and_retry"),
  131016: t("server", "retry"),
  131021: t("parameter", "fix_and_retry"),
  131026: t("undeliverable", "do_not_retry"),
  131030: t("permission", "do_not_retry"),
  131031: t("integrity", "do_not_retry"),
  131037: t("phone_registration", "do_not_retry"),
  131042: t("business_eligibility", "do_not_retry"),
  131045: t("phone_registration", "do_not_retry"),
  131047: t("reengagement_window", "do_not_retry"),
  131048: t("integrity", "do_not_retry"),
  131049: t("undeliverable", "do_not_retry"),
  131050: t("undeliverable", "do_not_retry"),
  131051: t("parameter", "fix_and_retry"),
  131052: t("media", "do_not_retry"),
  131053: t("media", "fix_and_retry"),
  131056: t("throttling", "retry_after"),
  131057: t("server", "retry_after"),
  131063: t("template", "do_not_retry"),
  131064: t("integrity", "do_not_retry"),
  132000: t("template", "fix_and_retry"),
  132001: t("template", "fix_and_retry"),
  132005: t("template", "fix_and_retry"),
  132007: t("template", "fix_and_retry"),
  132012: t("template", "fix_and_retry"),
  132015: t("template", "do_not_retry"),
  132016: t("template", "do_not_retry"),
  132018: t("template", "fix_and_retry"),
  132068: t("undeliverable", "do_not_retry"),
  132069: t("throttling", "retry_after"),
  133016: t("phone_registration", "do_not_retry"),
  139100: t("parameter", "do_not_retry"),
  139101: t("parameter", "do_not_retry"),
  139102: t("parameter", "do_not_retry"),
  139103: t("server", "retry"),
};

/** Every code with a known meaning. */
export const knownGraphErrorCodes: readonly number[] = Object.keys(table).map(Number);

/**
 * The category and action of a Graph error. Unknown codes: permission codes 200–299 are
 * `permission`; otherwise `is_transient` or an HTTP 5xx says `retry`, an HTTP 429 `retry_after`,
 * anything else `unknown` / `do_not_retry`.
 *
 * @example
 * classifyGraphError({ code: 131047 }, 400); // { category: "reengagement_window", action: "do_not_retry" }
 */
export function classifyGraphError(
  error: { readonly code?: number | undefined; readonly is_transient?: boolean | undefined },
  status: number,
): { readonly category: GraphErrorCategory; readonly action: GraphErrorAction } {
  // The table's own codes only: a code read from an answer ("constructor", "__proto__") must not find Object.prototype's.
  const known = error.code !== undefined && Object.hasOwn(table, error.code) ? table[error.code] : undefined;
  if (known !== undefined) return { category: known[0], action: known[1] };
  if (error.code !== undefined && error.code >= 200 && error.code < 300) return { category: "permission", action: "do_not_retry" };
  if (status === 429) return { category: "throttling", action: "retry_after" };
  if (error.is_transient === true || status >= 500) return { category: "server", action: "retry" };
  return { category: "unknown", action: "do_not_retry" };
}
