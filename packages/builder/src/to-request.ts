import { checkAccessToken } from "./access-token.js";
import { defaultApiVersion, graphBaseUrl } from "./api-version.js";
import type { Buildable } from "./builders/buildable.js";
import type { RequestBody } from "./wire/index.js";

export interface RequestOptions {
  readonly phoneNumberId: string;
  readonly accessToken: string;
  /** Graph API version, e.g. `"v26.0"`; default `defaultApiVersion`. */
  readonly version?: string | undefined;
  /** Defaults to `https://graph.facebook.com`; point it at an emulator in tests. */
  readonly baseUrl?: string | undefined;
}

/** A plain HTTP request any client (fetch, axios, got, undici, curl) can send. */
export interface HttpRequest {
  readonly url: string;
  readonly method: "POST";
  readonly headers: { readonly Authorization: string; readonly "Content-Type": "application/json" };
  readonly body: string;
}

const version = /^v\d+\.\d+$/;
const phoneNumberId = /^\d+$/;

/**
 * Turns a body (or a builder, which is built and validated first) into the HTTP request
 * for `POST /{version}/{phone-number-id}/messages`. Pure: no I/O.
 *
 * @example
 * const { url, method, headers, body } = toRequest(msg.to(n).text("hi"), { phoneNumberId, accessToken, version: "v23.0" });
 * await fetch(url, { method, headers, body });
 */
export function toRequest(message: RequestBody | Buildable<RequestBody>, options: RequestOptions): HttpRequest {
  return requestsTo(options)(message);
}

/**
 * `toRequest` with its options checked once (a sender's way): the function it returns turns each message into
 * the same request `toRequest` would, with no check or URL built again, and one headers object
 * shared by every request it makes (copy it before changing it). `caller` names who was given
 * the options, in the TypeError a bad one throws.
 *
 * @example
 * const request = requestsTo({ phoneNumberId, accessToken, version: "v23.0" });
 * for (const message of messages) {
 *   const { url, method, headers, body } = request(message);
 *   await fetch(url, { method, headers, body });
 * }
 */
export function requestsTo(options: RequestOptions, caller = "toRequest"): (message: RequestBody | Buildable<RequestBody>) => HttpRequest {
  // Messages name the option, never its value: the token must not reach logs.
  // Each option read once: a getter must not show the check one value and the request another.
  const { phoneNumberId: given, accessToken, baseUrl } = options;
  const numberId: unknown = typeof given === "number" && Number.isSafeInteger(given) ? String(given) : given;
  const apiVersion = options.version ?? defaultApiVersion;
  if (typeof apiVersion !== "string" || !version.test(apiVersion))
    throw new TypeError(`${caller}: version must look like "v26.0", got ${JSON.stringify(apiVersion)}`);
  if (typeof numberId !== "string" || !phoneNumberId.test(numberId))
    throw new TypeError(`${caller}: phoneNumberId must be the numeric id of the sending number`);
  checkAccessToken(caller, accessToken);
  if (baseUrl !== undefined && !isBaseUrl(baseUrl))
    throw new TypeError(
      `${caller}: baseUrl must be an http(s) URL without credentials, a query or a fragment in it, e.g. "http://127.0.0.1:4010"`,
    );
  const url = `${(baseUrl ?? graphBaseUrl).replace(/\/+$/, "")}/${apiVersion}/${numberId}/messages`;
  const headers = { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" } as const;
  return (message) => ({ url, method: "POST", headers, body: serialise(message) });
}

/** An http(s) URL with no user or password in it (`https://graph.facebook.com@evil` sends to evil). */
// A query or a fragment would swallow the path appended to it ("…/?a=1/v26.0/1/messages"), so the message would go elsewhere.
const isBaseUrl = (value: unknown): value is string => typeof value === "string" && /^https?:\/\/[^/?#@\s]+(?:\/[^?#\s]*)?$/i.test(value);

/** The JSON text of a body (a builder builds itself here); one that JSON cannot carry fails with a TypeError saying so. */
function serialise(message: unknown): string {
  let reason = "it serialises to nothing";
  try {
    const text = JSON.stringify(message);
    if (text !== undefined) return text;
  } catch (error) {
    if (error instanceof Error && error.name === "PayloadError") throw error;
    reason = error instanceof Error ? error.message : "not serialisable";
  }
  throw new TypeError(`toRequest: the message cannot be sent as JSON (${reason})`);
}
