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
  /** Checking stopped inside an array after many issues; the message says how many entries were left. */
  | "truncated";

/**
 * One problem in a request body.
 *
 * @example
 * { path: "text.body", code: "too_long", message: "at most 4096 characters, got 4097", limit: 4096, actual: 4097 }
 */
export interface Issue {
  /** Where, in the API's field names: `contacts[0].phones[1].wa_id`; `""` is the body itself. */
  readonly path: string;
  readonly code: IssueCode;
  /** Why, with the limit and the actual value: `at most 3 reply buttons, got 4`. */
  readonly message: string;
  readonly limit?: number;
  readonly actual?: number | string;
}

/** `path: message`, the form used in error messages. */
export const formatIssue = (issue: Issue): string => `${issue.path || "(body)"}: ${issue.message}`;
