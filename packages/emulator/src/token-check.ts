import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { graphErrorCodes } from "@wacompose/builder";
import { type GraphError, graphError } from "./graph.js";

/** The token `--token` and `startEmulator`'s `accessToken` default to. */
export const defaultAccessToken = "test-token";

/** Why a request was turned away for its token: the answer's body, and a few words for the log. Never what was sent. */
export interface TokenRefusal {
  readonly reason: string;
  readonly answer: { readonly error: GraphError };
}

const sha256 = (text: string): Buffer => createHash("sha256").update(text).digest();

/**
 * The bearer-token check at the door: `undefined` when the request carries the token, else the
 * 401's body (code 190, as from the API) saying what the emulator expects and what kind of header
 * came instead. The token sent is never echoed: it may be a real one pasted by mistake.
 */
export function tokenCheck(accessToken: string): (request: IncomingMessage) => TokenRefusal | undefined {
  const expected = sha256(`Bearer ${accessToken}`);
  const expects = `the emulator expects the header "Authorization: Bearer <token>" with the token it was started with (--token, or startEmulator's accessToken; default ${defaultAccessToken}${accessToken === defaultAccessToken ? ", which this one uses" : ""})`;
  return (request) => {
    const header = request.headers.authorization;
    // Hashes of equal length, whatever was sent: the comparison takes the same time for any header.
    if (timingSafeEqual(sha256(header ?? ""), expected)) return undefined;
    const reason =
      header === undefined || header === ""
        ? "no Authorization header"
        : /^Bearer \S+$/.test(header)
          ? "a Bearer token that is not this emulator's (not shown)"
          : 'an Authorization header that is not "Bearer <token>" (not shown)';
    return { reason, answer: graphError(graphErrorCodes.accessToken, `${expects}; this request had ${reason}`) };
  };
}
