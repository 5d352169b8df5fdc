/**
 * Why `value` cannot be a URL the emulator posts to (your webhook, a flow's endpoint), or undefined when it can: an
 * http(s) URL without a user name or password. fetch refuses a URL with credentials on every attempt, with an error
 * that holds it, so the password would be in the delivery log and the inbox; the message here never shows it.
 */
export function httpUrlProblem(value: unknown): string | undefined {
  const url = typeof value === "string" && URL.canParse(value) ? new URL(value) : undefined;
  if (url !== undefined && (url.username !== "" || url.password !== ""))
    return `must not hold a user name or password (fetch refuses it), got one for ${url.host} (not shown)`;
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) return `must be an http(s) URL, got ${urlShown(value)}`;
  return undefined;
}

/**
 * A refused URL as its message may show it. Text that does not parse can still hold a password (`http://user:pass@host:99999`,
 * a port mistyped), so what comes before its last "@" is left out; anything but a string is named by its type (a URL
 * object's JSON is its whole href, password and all).
 */
export function urlShown(value: unknown): string {
  if (typeof value !== "string")
    return value === undefined
      ? "nothing"
      : value === null
        ? "null"
        : Array.isArray(value)
          ? "an array"
          : typeof value === "object"
            ? "an object"
            : `a ${typeof value}`;
  const at = value.lastIndexOf("@");
  return at === -1 ? JSON.stringify(value) : `${JSON.stringify(`…${value.slice(at)}`)} (what comes before its last "@" is not shown)`;
}
