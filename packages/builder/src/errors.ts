import { formatIssue, type Issue } from "./issue.js";

/**
 * Thrown by `.build()` when a body breaks a rule; lists every issue, not just the first.
 *
 * @example
 * try { msg.to(n).text(body).build() } catch (e) { if (e instanceof PayloadError) e.issues }
 */
export class PayloadError extends Error {
  override readonly name = "PayloadError";
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const count = issues.length === 1 ? "1 issue" : `${issues.length} issues`;
    super(`Invalid WhatsApp message body (${count}):\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`);
    this.issues = issues;
  }
}

/** `{ ok: true, value }` or `{ ok: false, issues }`, returned by `.safeBuild()`. */
export type BuildResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };
