import type { GraphErrorAction, GraphErrorCategory } from "@wacompose/builder";

/** A Graph error's category and what to do about it. */
export interface Classification {
  readonly category: GraphErrorCategory;
  readonly action: GraphErrorAction;
}

// The protocol's retryable codes (`retryableGraphErrorCodes`) as two lists, not the table's record of pairs: a
// sender carries these few numbers only. test/sender.test.ts holds them to the table, code by code.
// As property keys, which is how the table is read: a code the answer wrote as "4" (or [4]) is 4 there too.
/** The retryable codes of category `server`; the others are `throttling`. */
const serverCodes: readonly string[] = ["1", "2", "131000", "131016", "131057", "139103"];
/** The retryable codes whose action is `retry_after` (the API says how long to wait); the others are `retry`. */
const waitCodes: readonly string[] = ["4", "80007", "130429", "131056", "131057", "132069"];
/** The codes of an access token that is invalid or expired (the table's `authorization` / `refresh_token`): a wrong token is the commonest first error, and its fix is not to resend. */
const tokenCodes: readonly string[] = ["0", "190"];

/**
 * `classifyGraphError` for a sender that does not carry the table: a retryable code, and a code of a
 * bad access token, gets the table's category and action; another code is `unknown` / `do_not_retry` unless its HTTP status says more
 * (429 throttling, 5xx or `is_transient` server), where the table may know better. A Graph error
 * means the message was not accepted, so such a retry costs time, never a duplicate.
 */
export function classifyBriefly(
  error: { readonly code?: number | undefined; readonly is_transient?: boolean | undefined },
  status: number,
): Classification {
  const code = String(error.code);
  if (tokenCodes.includes(code)) return { category: "authorization", action: "refresh_token" };
  const waits = waitCodes.includes(code);
  const category: GraphErrorCategory = serverCodes.includes(code)
    ? "server"
    : waits || status === 429
      ? "throttling"
      : error.is_transient === true || status >= 500
        ? "server"
        : "unknown";
  const action: GraphErrorAction = waits || category === "throttling" ? "retry_after" : category === "server" ? "retry" : "do_not_retry";
  return { category, action };
}
