import type { IncomingMessage, ServerResponse } from "node:http";
import type { Issue } from "@wacompose/builder";
import { readBounded } from "@wacompose/builder";
import { verifyChallenge } from "./challenge.js";
import type { WebhookEvent } from "./events.js";
import { parseWebhook } from "./parse.js";
import { verifySignature } from "./signature.js";

export interface WebhookHandlerOptions {
  /** The app secret the POSTs are signed with (App settings → Basic). */
  readonly appSecret: string;
  /** Your verify token, for the GET handshake; without it GETs are answered 405. */
  readonly verifyToken?: string;
  /**
   * Gets every event of a POST whose signature holds, with what could not be read. The answer
   * (200) waits for it, so that if it throws, Meta gets a 500 and delivers again: keep it short
   * (store or enqueue the events) and do slow work elsewhere.
   */
  readonly onEvents: (events: readonly WebhookEvent[], issues: readonly Issue[]) => unknown;
  /**
   * Called with what `onEvents` threw (default: `console.error`), and, in `nodeWebhookHandler`,
   * with a request it could not read (a body parsed before it, a stream that broke); both are
   * answered 500. A request that is the client's error (a URL that cannot be read) is answered 400 without it.
   */
  readonly onError?: (error: unknown) => void;
  /**
   * Called when a POST is refused before `onEvents` (no signature, a signature that does not match,
   * too large, not JSON) with the status and the reason; never the secret or the body. By default a
   * `console.warn` line unless `NODE_ENV` is "production", so a wrong app secret is not silent.
   */
  readonly onRejected?: (rejection: WebhookRejection) => void;
  /** The largest body read, a whole number of bytes from 1 to 2^30; default 4 MiB (Meta's payloads are at most 3 MB). */
  readonly maxBytes?: number;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A POST the handler refused, and why. */
export interface WebhookRejection {
  readonly status: number;
  readonly reason: string;
}

/** Where to look for each refusal: the reason is the answer's body, the hint is for the log. */
const hints: Readonly<Record<number, string>> = {
  401: " (is this POST from Meta?)",
  403: " (is appSecret this app's secret, App settings → Basic? is the body read raw, before any JSON parser?)",
};

const inProduction = (): boolean =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NODE_ENV === "production";

/**
 * Calls a reporting hook (`onRejected`, `onError`, the console). A hook that throws is ignored: a logger
 * that is down must not lose the answer to Meta, nor crash the process with an unhandled rejection.
 */
function tell<T>(hook: ((value: T) => void) | undefined, value: T): void {
  try {
    hook?.(value);
  } catch {
    // Nothing else to tell it to.
  }
}

/** Tells `onRejected` (or, in development, the console) why a POST was refused, and answers it. */
function refused(options: WebhookHandlerOptions, answer: Answer): Answer {
  const report =
    options.onRejected ??
    (inProduction()
      ? undefined
      : ({ status, reason }: WebhookRejection) => console.warn(`webhooks: refused a POST, ${status}: ${reason}${hints[status] ?? ""}`));
  tell(report, { status: answer.status, reason: answer.body });
  return answer;
}

/** What both handlers do with a request, once its method, query, signature header and raw bytes are known. */
async function answer(
  options: WebhookHandlerOptions,
  maxBytes: number,
  method: string,
  url: string,
  signature: string | null | undefined,
  body: () => Promise<Uint8Array | undefined>,
): Promise<Answer> {
  if (method === "GET") {
    if (options.verifyToken === undefined) return { status: 405, body: "no verify token configured" };
    // A request line that is no URL (`GET //[`) is the client's error, not the handler's: 400, and nothing for onError.
    const query = queryOf(url);
    return query === undefined ? { status: 400, body: "the request URL cannot be read" } : verifyChallenge(query, options.verifyToken);
  }
  if (method !== "POST") return { status: 405, body: "GET (handshake) and POST (updates) only" };
  if (typeof signature !== "string" || signature === "") return refused(options, { status: 401, body: "no X-Hub-Signature-256 header" });
  const raw = await body();
  if (raw === undefined) return refused(options, { status: 413, body: `over ${maxBytes} bytes` });
  if (!(await verifySignature(raw, signature, options.appSecret)))
    return refused(options, { status: 403, body: "the signature does not match the body" });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    return refused(options, { status: 400, body: "the body is not JSON" });
  }
  const { events, issues } = parseWebhook(json);
  try {
    await options.onEvents(events, issues);
  } catch (error) {
    tell(options.onError ?? console.error, error);
    return { status: 500, body: "the events were not taken; deliver again" };
  }
  return { status: 200, body: "OK" };
}

const defaultMaxBytes = 4 << 20;
/** The largest `maxBytes` taken: 1 GiB, far above Meta's 3 MB, and what a Uint8Array of one body can hold. */
const largestMaxBytes = 2 ** 30;

/** The query of a request URL (absolute, or a path as `node:http` gives it); undefined when it is no URL. */
function queryOf(url: string): URLSearchParams | undefined {
  try {
    return new URL(url, "http://localhost").searchParams;
  } catch {
    return undefined;
  }
}

/**
 * The options, checked where they are given (as the transport checks its own): a `maxBytes` of
 * `NaN` or `"4mb"` would otherwise compare false with every size and remove the cap. Returns the cap.
 */
function checked(where: string, options: WebhookHandlerOptions): number {
  if (typeof options !== "object" || options === null) throw new TypeError(`${where}: options are required`);
  if (typeof options.appSecret !== "string" || options.appSecret === "") throw new TypeError(`${where}: appSecret is required`);
  if (options.verifyToken !== undefined && (typeof options.verifyToken !== "string" || options.verifyToken === ""))
    throw new TypeError(`${where}: verifyToken must be non-empty text when given, got ${typeof options.verifyToken}`);
  if (typeof options.onEvents !== "function") throw new TypeError(`${where}: onEvents is required`);
  if (options.onError !== undefined && typeof options.onError !== "function")
    throw new TypeError(`${where}: onError must be a function when given, got ${typeof options.onError}`);
  if (options.onRejected !== undefined && typeof options.onRejected !== "function")
    throw new TypeError(`${where}: onRejected must be a function when given, got ${typeof options.onRejected}`);
  const maxBytes: unknown = options.maxBytes;
  if (maxBytes === undefined) return defaultMaxBytes;
  if (typeof maxBytes !== "number" || !Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > largestMaxBytes)
    throw new TypeError(
      `${where}: maxBytes must be a whole number from 1 to ${largestMaxBytes}, got ${typeof maxBytes === "string" ? JSON.stringify(maxBytes) : String(maxBytes)}`,
    );
  return maxBytes;
}

/**
 * A handler for web-standard servers (Bun, Deno, Hono, Next route handlers, Cloudflare
 * Workers): the GET handshake, then for each POST the signature over the raw bytes, parsing,
 * and your `onEvents`, answered 200.
 *
 * @example
 * const handle = webhookHandler({ appSecret, verifyToken, onEvents: (events) => queue.add(events) });
 * export default { fetch: handle }; // or app.all("/webhook", (c) => handle(c.req.raw))
 */
export function webhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const maxBytes = checked("webhookHandler", options);
  return async (request) => {
    const { status, body } = await answer(
      options,
      maxBytes,
      request.method,
      request.url,
      request.headers.get("x-hub-signature-256"),
      async () => {
        if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return undefined;
        return readBounded(request.body, maxBytes);
      },
    );
    return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  };
}

/** A request as `node:http` or Express gives it; Express's `body` when a body parser ran before. */
type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/**
 * A `(req, res)` handler for `node:http` and Express. It reads the raw body itself; mount it
 * before `express.json()` (or after `express.raw()`, whose Buffer it uses).
 *
 * @example
 * app.use("/webhook", nodeWebhookHandler({ appSecret, verifyToken, onEvents }));
 */
export function nodeWebhookHandler(options: WebhookHandlerOptions): (request: NodeRequest, response: ServerResponse) => void {
  const maxBytes = checked("nodeWebhookHandler", options);
  const readRaw = async (request: NodeRequest): Promise<Uint8Array | undefined> => {
    const parsed = request.body;
    if (typeof parsed === "string") {
      // A body a middleware read as text is held to the same cap (its UTF-8 is at least as long as the string).
      if (parsed.length > maxBytes) return undefined;
      const bytes = new TextEncoder().encode(parsed);
      return bytes.length > maxBytes ? undefined : bytes;
    }
    if (parsed instanceof Uint8Array) return parsed.length > maxBytes ? undefined : parsed;
    if (typeof parsed === "object" && parsed !== null && Object.keys(parsed).length > 0)
      throw new TypeError(
        "nodeWebhookHandler: the body was parsed before the handler (express.json()?); the signature needs the raw bytes: mount the handler first, or use express.raw()",
      );
    if (Number(request.headers["content-length"] ?? 0) > maxBytes) return undefined;
    return readBounded(request as AsyncIterable<Uint8Array>, maxBytes);
  };
  return (request, response) => {
    const signature = request.headers["x-hub-signature-256"];
    const url = request.originalUrl ?? request.url ?? "/";
    answer(options, maxBytes, request.method ?? "GET", url, Array.isArray(signature) ? signature[0] : signature, () => readRaw(request))
      .catch((error: unknown): Answer => {
        tell(options.onError ?? console.error, error);
        return { status: 500, body: error instanceof TypeError ? error.message : "webhook handler fault" };
      })
      .then(({ status, body }) => {
        response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
        response.end(body);
      });
  };
}
