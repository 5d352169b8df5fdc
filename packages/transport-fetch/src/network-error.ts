import { NetworkError } from "./errors.js";

/** System error codes raised while connecting, before any byte of the request was written. */
const beforeSend = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** Maps a fetch failure to a NetworkError, deciding whether the request could have been sent; its code goes through `redact`. */
export function networkError(error: unknown, redact: (text: string) => string, url: string): NetworkError {
  const reason = systemCode(error);
  return new NetworkError(reason === undefined ? undefined : redact(reason), reason === undefined || !beforeSend.has(reason), redact(url));
}

function systemCode(error: unknown): string | undefined {
  // Duck-typed: errors from fetch may come from another realm, where instanceof fails.
  for (let current: unknown = error, depth = 0; typeof current === "object" && current !== null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
