import { defaultApiVersion, type RequestBody, toRequest } from "@wacompose/builder";
import type { Classification } from "./classify-briefly.js";
import { GraphApiError, type GraphErrorBody, TimeoutError, UnexpectedResponseError } from "./errors.js";
import { maxTimerMs, numberOption } from "./options.js";
import { type ResponseLike, readAnswer } from "./read-answer.js";
import { redactor } from "./redact.js";
import {
  delayFor,
  networkError,
  parseBusinessUseCaseUsage,
  parseRetryAfter,
  type RetryOptions,
  retryOptions,
  shouldRetry,
} from "./retry.js";

/**
 * What this transport needs of `fetch`: the WHATWG signature, so Node, undici, Bun, Deno and
 * edge runtimes all fit. Redirects are not followed (`redirect: "manual"`): a message is
 * posted to the configured URL only, never re-posted wherever a 3xx points.
 */
export type FetchLike = (
  url: string,
  init: {
    method: "POST" | "GET" | "DELETE";
    headers: Record<string, string>;
    body?: string | FormData;
    signal: AbortSignal;
    redirect: "manual";
  },
) => Promise<ResponseLike>;

/** What every request path is given: which token, which API, and how long to wait. */
export interface ConnectionOptions {
  readonly accessToken: string;
  /** Graph API version, e.g. "v26.0"; default the builder's `defaultApiVersion` (see docs/setup.md). */
  readonly version?: string | undefined;
  /** Default `https://graph.facebook.com`; point it at `@wacompose/emulator` in tests. */
  readonly baseUrl?: string;
  /** Default: the platform's global `fetch`. */
  readonly fetch?: FetchLike;
  /** Per attempt, the answer's body included; 1 to 2³¹−1 ms, default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** Retries when the API certainly did not accept the message; `false` turns them off. */
  readonly retry?: RetryOptions | false;
  /** The largest answer read (after decompression); larger ones are an UnexpectedResponseError. Default 256 KiB. */
  readonly maxResponseBytes?: number | undefined;
}

/** What every sender is given: the sending number, and the connection. */
export interface SenderOptions extends ConnectionOptions {
  readonly phoneNumberId: string;
}

/** What a successful answer must hold, and what to say when it does not. */
export interface Answer {
  readonly holds: (json: unknown) => boolean;
  readonly missing: string;
}

/** A request of this transport: the builder's `HttpRequest` shape, any method, a JSON or multipart body. */
export interface ApiRequest {
  readonly url: string;
  readonly method: "POST" | "GET" | "DELETE";
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | FormData;
}

/** The checked options and the one path every request takes: what senders, clients and the template manager share. */
export interface Connection {
  readonly version: string;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly redact: (text: string) => string;
  /** One request, retried only when the API certainly did not take it. */
  readonly call: (request: ApiRequest, answer: Answer) => Promise<unknown>;
}

/** A connection for one sending number: what `createSender` and `createClient` share. */
export interface Core extends Connection {
  readonly target: {
    readonly phoneNumberId: string;
    readonly accessToken: string;
    readonly version: string;
    readonly baseUrl?: string | undefined;
  };
  /** Sends what the builder's `toRequest()` compiled: its URL, headers and body, once serialised. */
  readonly post: (body: RequestBody, answer: Answer) => Promise<unknown>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks the options (messages name the option, never the token's value) and makes the request
 * path: timeout per attempt, no redirect followed, the answer capped and shape-checked, every
 * error text redacted, typed errors classified by `classify`.
 */
export function openCore(where: string, options: SenderOptions, classify: (error: GraphErrorBody, status: number) => Classification): Core {
  const connection = openConnection(where, options, classify);
  const { phoneNumberId, accessToken, baseUrl } = options;
  if (typeof phoneNumberId !== "string" || !/^\d+$/.test(phoneNumberId))
    throw new TypeError(`${where}: phoneNumberId must be the numeric id of the sending number`);
  const target = { phoneNumberId, accessToken, version: connection.version, baseUrl };
  return { ...connection, target, post: (body, answer) => connection.call(toRequest(body, target), answer) };
}

/**
 * The request path without a sending number (the template manager's): the token, version,
 * fetch, timeout, answer cap and retries checked, and `call`.
 */
export function openConnection(
  where: string,
  options: ConnectionOptions,
  classify: (error: GraphErrorBody, status: number) => Classification,
): Connection {
  const { accessToken, version = defaultApiVersion } = options;
  if (typeof accessToken !== "string" || accessToken.trim() === "") throw new TypeError(`${where}: accessToken is required`);
  if (typeof version !== "string" || !/^v\d+\.\d+$/.test(version))
    throw new TypeError(`${where}: version must look like "v26.0", got ${JSON.stringify(version)}`);
  const globalFetch = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
  if (globalFetch === undefined) throw new TypeError(`${where}: no global fetch here; pass one as options.fetch`);
  const fetchImpl: FetchLike = globalFetch;
  const timeoutMs = numberOption(where, options, "timeoutMs", 30_000, 1, maxTimerMs);
  const maxResponseBytes = numberOption(where, options, "maxResponseBytes", 256 * 1024, 1, 2 ** 30, true);
  const retry = options.retry === false ? undefined : retryOptions(options.retry, where);
  const redact = redactor(accessToken);

  async function attempt({ url, method, headers, body }: ApiRequest, answer: Answer): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const failed = (error: unknown): never => {
      if (error instanceof UnexpectedResponseError) throw error;
      throw controller.signal.aborted ? new TimeoutError(timeoutMs) : networkError(error, redact, url);
    };
    try {
      const init = { method, headers: { ...headers }, signal: controller.signal, redirect: "manual" } as const;
      const response = await fetchImpl(url, body === undefined ? init : { ...init, body }).catch(failed);
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get("location");
        throw new UnexpectedResponseError(
          response.status,
          redact(response.statusText),
          "",
          `a redirect to ${location === null ? "nowhere" : redact(location)}, not followed (a request goes to the configured URL only)`,
        );
      }
      const text = await readAnswer(response, maxResponseBytes, redact).catch(failed);
      return parse(response, text, redact, answer, classify);
    } finally {
      clearTimeout(timer);
    }
  }

  async function call(request: ApiRequest, answer: Answer): Promise<unknown> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt(request, answer);
      } catch (error) {
        if (retry === undefined || tries > retry.limit || !shouldRetry(error)) throw error;
        const wait = delayFor(tries, retry, error instanceof GraphApiError ? error.retryAfterMs : undefined, Math.random);
        if (wait === undefined) throw error;
        await sleep(wait);
      }
    }
  }

  return { version, fetch: fetchImpl, timeoutMs, redact, call };
}

/** The API's JSON, or the error it stands for; error text passes through `redact` first. */
function parse(
  response: ResponseLike,
  text: string,
  redact: (text: string) => string,
  answer: Answer,
  classify: (error: GraphErrorBody, status: number) => Classification,
): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UnexpectedResponseError(response.status, redact(response.statusText), redact(text));
  }
  const error = typeof json === "object" && json !== null ? (json as { error?: unknown }).error : undefined;
  if (typeof error === "object" && error !== null) {
    const graph = JSON.parse(redact(JSON.stringify(error))) as GraphErrorBody;
    const retryAfter =
      parseRetryAfter(response.headers.get("retry-after")) ?? parseBusinessUseCaseUsage(response.headers.get("x-business-use-case-usage"));
    throw new GraphApiError(response.status, graph, classify(graph, response.status), retryAfter);
  }
  if (response.status < 200 || response.status >= 300)
    throw new UnexpectedResponseError(response.status, redact(response.statusText), redact(text));
  if (!answer.holds(json)) throw new UnexpectedResponseError(response.status, redact(response.statusText), redact(text), answer.missing);
  return json;
}
