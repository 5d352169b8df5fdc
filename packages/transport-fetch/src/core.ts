import { checkAccessToken, defaultApiVersion, type RequestBody, requestsTo } from "@wacompose/builder";
import type { Classification } from "./classify-briefly.js";
import { startDeadline } from "./deadline.js";
import { GraphApiError, type GraphErrorBody, TransportError, UnexpectedResponseError } from "./errors.js";
import { networkError } from "./network-error.js";
import { maxTimerMs, numberOption } from "./options.js";
import { own } from "./own.js";
import { type ResponseLike, readAnswer } from "./read-answer.js";
import { redactor } from "./redact.js";
import { type RetryOptions, type RetryPolicy, retryPolicy } from "./retry.js";
import type { WaitReader } from "./retry-after.js";

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
export interface RequestPathOptions {
  readonly accessToken: string;
  /** Graph API version, e.g. "v26.0"; default the builder's `defaultApiVersion` (see docs/setup.md). */
  readonly version?: string | undefined;
  /** Default `https://graph.facebook.com`; point it at `@wacompose/emulator` in tests. */
  readonly baseUrl?: string;
  /** Default: the platform's global `fetch`. */
  readonly fetch?: FetchLike;
  /** Per attempt, the answer's body included; 1 to 2³¹−1 ms, default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** The largest answer read (after decompression); larger ones are an UnexpectedResponseError. Default 256 KiB. */
  readonly maxResponseBytes?: number | undefined;
}

/** A client's or the template manager's options: the request path, with retries on by default. */
export interface ConnectionOptions extends RequestPathOptions {
  /**
   * Retries when the API certainly did not accept the message (`retryWhenNotAccepted`'s rule): on by default; its
   * options, a policy of one's own, or `false` to turn them off.
   */
  readonly retry?: RetryOptions | RetryPolicy | false;
}

/** What a sender is given: the sending number, and the request path. */
export interface SenderOptions extends RequestPathOptions {
  readonly phoneNumberId: string;
  /** Off by default; `retryWhenNotAccepted()` retries only when the API certainly did not accept the message. */
  readonly retry?: RetryPolicy | false;
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
  /** One request, retried only as the retry policy says (none: one attempt). */
  readonly call: (request: ApiRequest, answer: Answer) => Promise<unknown>;
}

/** A connection for one sending number: what `createSender`, `createMedia` and `createClient` share. */
export interface Core extends Connection {
  /** The options as read once (the number and the token, for media's requests). */
  readonly target: Target;
  /** Sends what the builder's `requestsTo()` (`toRequest()` with its options checked once) compiled. */
  readonly post: (body: RequestBody, answer: Answer) => Promise<unknown>;
}

/** What `openCore` reads: a sender's or a client's options, of which it takes the request path's and the number. */
type Target = RequestPathOptions & { readonly phoneNumberId: string };

type Classify = (error: GraphErrorBody, status: number) => Classification;

/**
 * The request path for one sending number. The builder's `requestsTo` checks the number, the token,
 * the version and the base URL (naming `where`, never the token's value) and compiles the URL and
 * headers once; each send then only serialises its body.
 */
export function openCore(where: string, options: Target, classify: Classify, retry: RetryPolicy | undefined, wait: WaitReader): Core {
  // Each option read once (a copy): a getter must not show the check one value and the request another.
  const target = { ...options };
  const request = requestsTo(target, where);
  const connection = openPath(where, target, target.version ?? defaultApiVersion, classify, retry, wait);
  return { ...connection, target, post: (body, answer) => connection.call(request(body), answer) };
}

/**
 * The request path without a sending number (the template manager's): the token and version
 * checked here, retries as `options.retry` says (on by default).
 */
export function openConnection(where: string, options: ConnectionOptions, classify: Classify, wait: WaitReader): Connection {
  const given = { ...options };
  const { accessToken, version = defaultApiVersion } = given;
  checkAccessToken(where, accessToken);
  if (typeof version !== "string" || !/^v\d+\.\d+$/.test(version))
    throw new TypeError(`${where}: version must look like "v26.0", got ${JSON.stringify(version)}`);
  return openPath(where, given, version, classify, retryPolicy(given.retry, where), wait);
}

/**
 * Checks what is left of the options and makes the one path every request takes: a timeout per
 * attempt (the answer's body included), no redirect followed, the answer capped and shape-checked,
 * every error text redacted, typed errors classified by `classify`, attempts run by `retry` if any.
 */
function openPath(
  where: string,
  options: RequestPathOptions,
  version: string,
  classify: Classify,
  retry: RetryPolicy | undefined,
  wait: WaitReader,
): Connection {
  // Checked below: a JavaScript caller's options (or a runtime) may hold anything.
  const fetchImpl = (options.fetch ?? (globalThis as { fetch?: unknown }).fetch) as FetchLike;
  if (typeof fetchImpl !== "function")
    throw new TypeError(`${where}: options.fetch must be a fetch function (the global one by default), got ${typeof fetchImpl}`);
  const timeoutMs = numberOption(where, options, "timeoutMs", 30_000, 1, maxTimerMs);
  const maxResponseBytes = numberOption(where, options, "maxResponseBytes", 256 * 1024, 1, 2 ** 30, true);
  const redact = redactor(options.accessToken);

  /**
   * One attempt: fetch and the answer's body raced against the timer, so a fetch (or a body stream) that ignores the
   * signal still ends at `timeoutMs` with a TimeoutError. Whichever settles the attempt first wins; the exchange clears
   * the timer when it ends, and a timer that fired is gone: nothing is left behind either way. One promise per attempt
   * (this one): the exchange settles it directly rather than through a `.then` of its own. The exchange is a function of
   * the path, not a closure made per attempt: that costs a send about 5% more CPU (a stub fetch, sz14).
   */
  function attempt(request: ApiRequest, answer: Answer): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const controller = new AbortController();
      void exchange(request, answer, controller.signal, startDeadline(timeoutMs, controller, reject, redact, request.url), resolve, reject);
    });
  }

  /** The request and its answer, settling the attempt with `resolve` or `reject`: it never throws (nobody awaits it). */
  async function exchange(
    { url, method, headers, body }: ApiRequest,
    answer: Answer,
    signal: AbortSignal,
    timer: ReturnType<typeof setTimeout>,
    resolve: (json: unknown) => void,
    reject: (error: TransportError) => void,
  ): Promise<void> {
    try {
      // A copy of the headers: a fetch that changes them must not change the next request's.
      const response = await fetchImpl(
        url,
        body === undefined
          ? { method, headers: { ...headers }, signal, redirect: "manual" }
          : { method, headers: { ...headers }, body, signal, redirect: "manual" },
      );
      const { status } = response;
      if (status >= 300 && status < 400)
        throw unexpected(
          response,
          redact,
          `a redirect to ${redact(response.headers.get("location") ?? "nowhere")}, not followed (a request goes to the configured URL only)`,
        );
      const text = await readAnswer(response, maxResponseBytes);
      if (text === undefined) throw unexpected(response, redact, `an answer over ${maxResponseBytes} bytes (not read further)`);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw unexpected(response, redact, undefined, text);
      }
      const success = status >= 200 && status < 300;
      // An accepted answer (2xx that holds what a success holds) wins over a stray `error` beside it: calling it an
      // error would let a retry send an accepted message again.
      if (success && answer.holds(json)) return resolve(json);
      // Its own field only: an inherited `error` (a polluted prototype) is not the API's.
      const error = own(json, "error");
      // A 2xx may mean the API accepted the message whatever the body says: an odd answer (mayHaveBeenDelivered,
      // never retried), not a Graph error whose code a retry policy would send again on.
      if (!success && typeof error === "object" && error !== null) {
        // Redacted as JSON (keys too): the redactor also finds a token with `"` or `\\` as JSON escapes it.
        const graph = JSON.parse(redact(JSON.stringify(error)), withoutPrototype) as GraphErrorBody;
        throw new GraphApiError(status, graph, classify(graph, status), wait(response.headers));
      }
      throw unexpected(response, redact, success ? answer.missing : undefined, text);
    } catch (error) {
      // This path's own errors as they are; anything else failed in fetch or while reading the answer (after a
      // timeout nobody hears of it: the attempt has settled with a TimeoutError). A value that cannot even be asked
      // (instanceof throws on a revoked proxy) is a failure of unknown reason, as networkError makes one it cannot read.
      try {
        reject(error instanceof TransportError ? error : networkError(error, redact, url));
      } catch {
        reject(networkError(undefined, redact, url));
      }
    } finally {
      clearTimeout(timer);
    }
  }

  const call = retry === undefined ? attempt : (request: ApiRequest, answer: Answer) => retry(() => attempt(request, answer));
  return { version, fetch: fetchImpl, timeoutMs, redact, call };
}

/**
 * A Graph error body's objects whose fields are read (the error, its `error_data`) without a prototype: a field the API
 * did not send reads `undefined`, never a polluted one. An object or array where a value goes (`code: [4]`, `message:
 * {}`) keeps its own: a prototype-less one cannot be made a string, and the error would be misread as a network failure.
 */
const withoutPrototype = (key: string, value: unknown): unknown =>
  // A primitive comes back as it is (setPrototypeOf leaves it alone); only null would throw.
  value !== null && (key === "" || key === "error_data") ? Object.setPrototypeOf(value, null) : value;

/** An answer that is not the API's: `problem` says what is wrong with it (by default, that it is not the API's JSON). */
const unexpected = (response: ResponseLike, redact: (text: string) => string, problem?: string, text = ""): UnexpectedResponseError =>
  new UnexpectedResponseError(response.status, redact(response.statusText), redact(text), problem);
