/**
 * What went wrong with a request that got no answer, in a few words: fetch's own cause ("connect ECONNREFUSED …") rather
 * than its "fetch failed". Read by shape: fetch's errors and DOMExceptions may come from another realm.
 */
export function failureOf(error: unknown, timeoutMs: number): string {
  const failure = (typeof error === "object" && error !== null ? error : {}) as {
    readonly name?: unknown;
    readonly message?: unknown;
    readonly cause?: { readonly message?: unknown };
  };
  if (failure.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const cause = failure.cause?.message;
  return typeof cause === "string" ? cause : typeof failure.message === "string" ? failure.message : String(error);
}
