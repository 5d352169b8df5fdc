/**
 * The webhook signature: `X-Hub-Signature-256: sha256=<hex>`, an HMAC-SHA256 of the POST body
 * with the app secret (Meta: Webhooks, create an endpoint; the signature covers the raw body). Web Crypto, so it runs on Node, Bun, Deno and edge runtimes.
 */

const encoder = new TextEncoder();
const bytesOf = (data: Uint8Array | string): Uint8Array => (typeof data === "string" ? encoder.encode(data) : data);

type Key = ReturnType<typeof crypto.subtle.importKey>;
/** The last secret's key, imported once: a receiver checks every POST with the same secret. */
let last: { readonly secret: string; readonly key: Key } | undefined;

function hmacKey(appSecret: string): Key {
  if (typeof appSecret !== "string" || appSecret === "") throw new TypeError("webhooks: the app secret is required");
  if (last?.secret !== appSecret) {
    const key = crypto.subtle.importKey("raw", encoder.encode(appSecret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    last = { secret: appSecret, key };
  }
  return last.key;
}

/** The header's 32 bytes, or undefined when it is not exactly `sha256=` and 64 hex digits. */
function digestOf(header: string): Uint8Array | undefined {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (match === null) return undefined;
  const hex = match[1] as string;
  const digest = new Uint8Array(32);
  for (let i = 0; i < 32; i++) digest[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return digest;
}

/**
 * Whether `header` is the signature of exactly these bytes. Give the body as received (a
 * parsed and re-serialised body differs: Meta escapes non-ASCII and `@` as `\uXXXX`, and `/` as `\/`). A missing
 * or malformed header, or a `sha1=` one, is `false`, never a pass. The comparison is Web
 * Crypto's `verify`, which does not return early on the first differing byte.
 *
 * @example
 * if (!(await verifySignature(rawBody, request.headers.get("x-hub-signature-256"), appSecret))) return new Response(null, { status: 401 });
 */
export async function verifySignature(
  rawBody: Uint8Array | string,
  header: string | null | undefined,
  appSecret: string,
): Promise<boolean> {
  const key = await hmacKey(appSecret);
  const digest = typeof header === "string" ? digestOf(header) : undefined;
  if (digest === undefined) return false;
  return crypto.subtle.verify("HMAC", key, digest, bytesOf(rawBody));
}

/** `sha256=<hex>` for these bytes: what Meta sends in `X-Hub-Signature-256` (for tests and emulators). */
export async function signatureOf(rawBody: Uint8Array | string, appSecret: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(appSecret), bytesOf(rawBody)));
  let hex = "";
  for (const byte of mac) hex += byte.toString(16).padStart(2, "0");
  return `sha256=${hex}`;
}

/**
 * JSON as Meta serialises a webhook (inbound.md §1.4): every character outside printable ASCII,
 * and `@`, as a lower-case `\uXXXX` escape (an emoji as its two surrogates), and `/` as `\/`
 * (`"image\/jpeg"`). Sign these bytes; a receiver that re-serialises with `JSON.stringify` gets
 * other bytes, which is why signatures are checked over the raw body.
 */
export function metaJson(value: unknown): string {
  // `/` only ever occurs inside strings in JSON text, so escaping it there is always valid JSON.
  return JSON.stringify(value).replace(/[^\x20-\x7e]|[@/]/g, (c) =>
    c === "/" ? "\\/" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
