import { createHmac, timingSafeEqual } from "node:crypto";

/** Clock skew allowed on `exp` / `nbf`, since Meta documents neither claim (flows.md §8.15). */
const skewSeconds = 300;

const decodeSegment = (segment: string): unknown => JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));

/**
 * Checks `flow_token_signature` (Flow JSON 7.3 with data API 4.0): a JWT signed HS256 with the
 * app secret whose payload carries the flow token. Claim names are undocumented, so the token
 * must equal the `flow_token` claim or, failing that, some string claim. Expired (`exp`) or
 * not-yet-valid (`nbf`) tokens fail, with five minutes of skew. Returns why it fails, or undefined.
 */
export function flowTokenSignatureProblem(jwt: unknown, flowToken: unknown, appSecret: string, now = Date.now()): string | undefined {
  if (typeof jwt !== "string" || jwt.length > 8192) return "flow_token_signature is not a JWT";
  const parts = jwt.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return "flow_token_signature is not a JWT";
  const [header, payload, signature] = parts as [string, string, string];
  let head: unknown;
  let claims: unknown;
  try {
    head = decodeSegment(header);
    claims = decodeSegment(payload);
  } catch {
    return "flow_token_signature is not a JWT";
  }
  if (typeof head !== "object" || head === null || (head as { alg?: unknown }).alg !== "HS256")
    return "flow_token_signature is not signed HS256";
  const expected = createHmac("sha256", appSecret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "flow_token_signature does not match the app secret";
  if (typeof claims !== "object" || claims === null) return "flow_token_signature has no claims";
  const c = claims as Record<string, unknown>;
  const seconds = now / 1000;
  if (typeof c.exp === "number" && c.exp + skewSeconds < seconds) return "flow_token_signature has expired";
  if (typeof c.nbf === "number" && c.nbf - skewSeconds > seconds) return "flow_token_signature is not valid yet";
  const carried = typeof c.flow_token === "string" ? c.flow_token === flowToken : Object.values(c).some((v) => v === flowToken);
  if (typeof flowToken !== "string" || !carried) return "flow_token_signature was issued for another flow token";
  return undefined;
}
