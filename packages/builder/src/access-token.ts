/**
 * Checks an `accessToken` option before it goes into an `Authorization: Bearer …` header, the
 * same way for every entry point (toRequest, requestsTo, the transport's senders and template
 * manager). The TypeError names `where` and the option, never the token: it must not reach logs.
 */
export function checkAccessToken(where: string, accessToken: unknown): asserts accessToken is string {
  if (typeof accessToken !== "string" || accessToken.trim() === "") throw new TypeError(`${where}: accessToken is required`);
  // The header adds "Bearer ": given with it, the token would go as "Bearer Bearer …" and get a 401.
  if (/^bearer\s/i.test(accessToken))
    throw new TypeError(`${where}: accessToken must be the token alone, without "Bearer " before it (the Authorization header adds it)`);
  // A header value: a line break would start another header in a client that does not refuse it.
  // fetch trims a trailing space but keeps a leading one ("Bearer  abc", a 401), and sends a
  // no-break space as a byte of the token: whitespace at either end is a token pasted wrong. A header carries bytes
  // only: past U+00FF (a pasted zero-width space) fetch throws before sending, which reads as "may have been delivered".
  if (/^\s|\s$|[^ -~\xa0-\xff]/.test(accessToken))
    throw new TypeError(`${where}: accessToken may hold only printable ASCII and Latin-1 characters, with no whitespace at either end`);
}
