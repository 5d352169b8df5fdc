/**
 * Why `value` cannot be a URL the emulator posts to (your webhook, a flow's endpoint), or undefined when it can: an
 * http(s) URL without a user name or password. fetch refuses a URL with credentials on every attempt, with an error
 * that holds it, so the password would be in the delivery log and the inbox; the message here never shows it.
 */
export function httpUrlProblem(value: unknown): string | undefined {
  const url = typeof value === "string" && URL.canParse(value) ? new URL(value) : undefined;
  if (url !== undefined && (url.username !== "" || url.password !== ""))
    return `must not hold a user name or password (fetch refuses it), got one for ${url.host} (not shown)`;
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:"))
    return `must be an http(s) URL, got ${JSON.stringify(value)}`;
  return undefined;
}
