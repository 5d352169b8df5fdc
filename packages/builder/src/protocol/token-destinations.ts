/** What is read of a WHATWG URL. */
interface UrlParts {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
}

/** The platform's URL parser (Node, browsers, edge runtimes); the builder's lib has no DOM or Node types. Throws on a relative URL. */
const parseUrl = (url: string): UrlParts => new (globalThis as unknown as { URL: new (url: string) => UrlParts }).URL(url);

/**
 * Where Meta serves media files: `GET /{media-id}` answers with a URL on this origin
 * (`https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…`, [inbound.md §2], Meta's
 * "Retrieve media URL" example). Exact origins, not a suffix such as `*.fbsbx.com`: the strictest
 * reading; a new host is an error naming it, and `mediaOrigins` on the client adds it.
 */
export const metaMediaOrigins: readonly string[] = ["https://lookaside.fbsbx.com"];

/**
 * Why the access token must not be sent to `url`, or undefined when it may: only to the
 * configured Graph origin (`graphBaseUrl`, or the emulator's URL in its place) and to the
 * `allowed` origins (Meta's media hosts over `https:` by default; see `checkTokenOrigins`). Checked before any
 * request, so a URL from an answer (`GET /{media-id}`, `paging.next`) cannot take the token elsewhere.
 *
 * @example
 * tokenDestinationProblem("https://other.example/x", { graphOrigin: "https://graph.facebook.com" });
 * // 'other.example is not the Graph API (https://graph.facebook.com) nor a Meta media host (https://lookaside.fbsbx.com): the access token is not sent there'
 */
export function tokenDestinationProblem(
  url: string,
  { graphOrigin, allowed = metaMediaOrigins }: { readonly graphOrigin: string; readonly allowed?: readonly string[] },
): string | undefined {
  let target: UrlParts;
  try {
    target = parseUrl(url);
  } catch {
    return `${JSON.stringify(String(url).slice(0, 200))} is not an absolute URL: the access token is not sent there`;
  }
  if (target.origin === parseUrl(graphOrigin).origin) return undefined;
  // An origin names its scheme: `https://lookaside.fbsbx.com` does not allow `http://lookaside.fbsbx.com`.
  if (allowed.includes(target.origin)) return undefined;
  const where = allowed.length === 0 ? "" : ` nor a Meta media host (${allowed.join(", ")})`;
  const plain =
    target.protocol !== "https:" && [graphOrigin, ...allowed].some((origin) => parseUrl(origin).host === target.host)
      ? ` over ${target.protocol}`
      : "";
  return `${target.host || target.href}${plain} is not the Graph API (${parseUrl(graphOrigin).origin})${where}: the access token is not sent there`;
}

/**
 * The allowed origins as given, each checked: an `https:` origin (an `http:` one only on loopback,
 * for the emulator and tests). Throws a TypeError naming `where` and the entry otherwise.
 */
export function checkTokenOrigins(where: string, origins: unknown): readonly string[] {
  if (!Array.isArray(origins)) throw new TypeError(`${where} must be an array of origins like "https://lookaside.fbsbx.com"`);
  return origins.map((origin: unknown, i) => {
    let parsed: UrlParts | undefined;
    try {
      parsed = typeof origin === "string" ? parseUrl(origin) : undefined;
    } catch {}
    const loopback = parsed !== undefined && ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
    if (parsed === undefined || parsed.origin !== origin || (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && loopback)))
      throw new TypeError(`${where}[${i}] must be an https: origin (scheme and host, no path), got ${JSON.stringify(origin)}`);
    return parsed.origin;
  });
}
