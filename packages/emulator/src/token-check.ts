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

/** What an `Authorization` header can carry in one word: printable ASCII and Latin-1, no whitespace or controls. */
const tokenCharacter = /[\x21-\x7e\xa1-\xff]/;

/**
 * Why `token` cannot be the emulator's token (`--token`, `accessToken`), or undefined when it can. The token itself
 * is never in the message: a real one pasted by mistake would end up in a terminal or a CI log.
 */
export function accessTokenProblem(token: unknown): string | undefined {
  const rule = "must be one word of printable characters (what an Authorization header carries)";
  if (typeof token !== "string") return `${rule}, got ${typeof token}`;
  if (token === "") return `${rule}, got an empty string`;
  const characters = [...token];
  const at = characters.findIndex((character) => !tokenCharacter.test(character));
  if (at === -1) return undefined;
  const code = (characters[at]?.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  const bearer = /^bearer\s/i.test(token) ? '; give the token alone, without "Bearer "' : "";
  return `${rule}, got ${characters.length} characters where character ${at + 1} is U+${code} (the token is not shown)${bearer}`;
}

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
