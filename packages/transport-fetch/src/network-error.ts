import { NetworkError } from "./errors.js";

/** System error codes raised while connecting, before any byte of the request was written. */
const beforeSend = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;

/** Maps a fetch failure to a NetworkError, deciding whether the request could have been sent; its code goes through `redact`. */
export function networkError(error: unknown, redact: (text: string) => string, url: string): NetworkError {
  const reason = systemCode(error);
  return new NetworkError(reason === undefined ? undefined : redact(reason), !beforeSend.test(reason ?? ""), redact(url));
}

/**
 * The first string `code` on the error or its `cause` chain, five deep at most; none when reading one throws (a
 * getter, a proxy): the failure is then a NetworkError of unknown reason, which may have been delivered.
 */
function systemCode(error: unknown, depth = 5): string | undefined {
  // Duck-typed: errors from fetch may come from another realm, where instanceof fails.
  // `cause` read only when there is no code: it may be a getter (a lazy cause) that throws.
  if (typeof error !== "object" || error === null) return undefined;
  try {
    const { code } = error as { code?: unknown };
    return typeof code === "string" ? code : depth > 1 ? systemCode((error as { cause?: unknown }).cause, depth - 1) : undefined;
  } catch {
    return undefined;
  }
}
