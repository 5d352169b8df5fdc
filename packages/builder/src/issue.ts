/** What went wrong, in words a program can branch on. */
export type IssueCode =
  | "invalid_type"
  | "required"
  | "too_short"
  | "too_long"
  | "too_few"
  | "too_many"
  | "out_of_range"
  | "invalid_value"
  | "invalid_format"
  | "unknown_field"
  | "conflict"
  | "duplicate"
  /** Reporting stopped after many issues in one array or object, or many values JSON cannot carry; the message says how many were left. */
  | "truncated";

/**
 * `error`: the API is known to reject it, so `.build()` fails. `warning`: the body differs
 * from the documented form (`to` as a number, `"HEADER"` for `"header"`) but the live API
 * accepts it; `validate()` reports it, `.build()` does not fail on it.
 */
export type Severity = "error" | "warning";

/**
 * One problem in a request body.
 *
 * @example
 * { path: "text.body", code: "too_long", severity: "error", message: "at most 4096 characters, got 4097", limit: 4096, actual: 4097 }
 */
export interface Issue {
  /** Where, in the API's field names: `contacts[0].phones[1].wa_id`; `""` is the body itself. */
  readonly path: string;
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Why, with the limit and the actual value: `at most 3 reply buttons, got 4`. */
  readonly message: string;
  readonly limit?: number;
  readonly actual?: number | string;
}

/** `path: message`, the form used in error messages. */
export const formatIssue = (issue: Issue): string =>
  `${issue.path || "(body)"}: ${issue.severity === "warning" ? "warning: " : ""}${issue.message}`;

/** True when any issue is an error (what `.build()` fails on). */
export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((issue) => issue.severity === "error");
