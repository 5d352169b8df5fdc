import { type GraphErrorAction, type GraphErrorCategory, retryableGraphErrorCodes as retryable } from "@wacompose/builder";

/** A Graph error's category and what to do about it. */
export interface Classification {
  readonly category: GraphErrorCategory;
  readonly action: GraphErrorAction;
}

/**
 * `classifyGraphError` for a sender that does not carry the table: a retryable code gets the table's
 * category and action; another code is `unknown` / `do_not_retry` unless its HTTP status says more
 * (429 throttling, 5xx or `is_transient` server), where the table may know better. A Graph error
 * means the message was not accepted, so such a retry costs time, never a duplicate.
 */
export function classifyBriefly(
  error: { readonly code?: number | undefined; readonly is_transient?: boolean | undefined },
  status: number,
): Classification {
  const known = error.code === undefined ? undefined : retryable[error.code];
  if (known !== undefined) return { category: known[0], action: known[1] };
  if (status === 429) return { category: "throttling", action: "retry_after" };
  if (error.is_transient === true || status >= 500) return { category: "server", action: "retry" };
  return { category: "unknown", action: "do_not_retry" };
}
