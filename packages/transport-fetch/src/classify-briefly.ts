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
  const [category, action]: readonly [GraphErrorCategory, GraphErrorAction] =
    known ??
    (status === 429
      ? ["throttling", "retry_after"]
      : error.is_transient === true || status >= 500
        ? ["server", "retry"]
        : ["unknown", "do_not_retry"]);
  return { category, action };
}
