import { defaultApiVersion, graphBaseUrl, limits, type Message, markRead, type RequestBody, toRequest } from "@wacompose/builder";
import { GraphApiError, type GraphErrorBody, TimeoutError, UnexpectedResponseError } from "./errors.js";
import { type Media, mediaClient } from "./media.js";
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
import { type SendManyOptions, type SendManyResult, sendMany } from "./send-many.js";

export type { ResponseLike } from "./read-answer.js";

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

export interface ClientOptions {
  readonly phoneNumberId: string;
  readonly accessToken: string;
  /** Graph API version, e.g. "v26.0"; default the builder's `defaultApiVersion` (see docs/setup.md). */
  readonly version?: string | undefined;
  /** Default `https://graph.facebook.com`; point it at `@wacompose/emulator` in tests. */
  readonly baseUrl?: string;
  /** Default: the platform's global `fetch`. */
  readonly fetch?: FetchLike;
  /** Per attempt, the answer's body included; 1 to 2³¹−1 ms, default 30 s. */
  readonly timeoutMs?: number | undefined;
  readonly retry?: RetryOptions | false;
  /** Default pacing for `sendMany`; the reference's default throughput is 80 messages/s per number. */
  readonly perSecond?: number | undefined;
  /** The largest answer read (after decompression); larger ones are an UnexpectedResponseError. Default 256 KiB. */
  readonly maxResponseBytes?: number | undefined;
  /** Origins besides `baseUrl`'s that media downloads may send the token to; default Meta's (`metaMediaOrigins`). */
  readonly mediaOrigins?: readonly string[] | undefined;
}

/** The API's answer to a sent message [cloud-api.md §10.1]. Not a delivery receipt. */
export interface SendResult {
  readonly messaging_product: "whatsapp";
  readonly contacts: readonly { readonly input: string; readonly wa_id: string }[];
  readonly messages: readonly { readonly id: string; readonly message_status?: "accepted" | "held_for_quality_assessment" | "paused" }[];
}

/** The API's answer to mark-as-read. */
export interface MarkReadResult {
  readonly success: boolean;
}

/** A built body, or a builder (anything with `build()`, which validates it first). */
export type Sendable<Body extends RequestBody = RequestBody> = Body | { build(): Body };

export interface Client {
  /** Sends one message; retries only when the API certainly did not accept it. */
  send(message: Sendable<Message>): Promise<SendResult>;
  /** Marks an incoming message as read, optionally showing a typing indicator. */
  markRead(messageId: string, options?: { readonly typing?: boolean }): Promise<MarkReadResult>;
  /** Sends many messages, paced; one result per message, in order, none lost. */
  sendMany(messages: readonly Sendable<Message>[], options?: SendManyOptions): Promise<SendManyResult<SendResult>[]>;
  /** Media: upload (checked before any request), look up, download, delete. See docs/media.md. */
  readonly media: Media;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What a successful answer must hold, and what to say when it does not. */
export interface Answer {
  readonly holds: (json: unknown) => boolean;
  readonly missing: string;
}

/** A request of this client: the builder's `HttpRequest` shape, any method, a JSON or multipart body. */
export interface ApiRequest {
  readonly url: string;
  readonly method: "POST" | "GET" | "DELETE";
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | FormData;
}

/** A successful send's message id, or mark-as-read's `success`. */
const answers = {
  send: {
    holds: (json: unknown): boolean => typeof (json as SendResult | null)?.messages?.[0]?.id === "string",
    missing: "JSON that is not the API's answer to a message (no messages[0].id)",
  },
  markRead: {
    holds: (json: unknown): boolean => typeof (json as MarkReadResult | null)?.success === "boolean",
    missing: "JSON that is not the API's answer to mark-as-read (no success)",
  },
} as const satisfies Record<string, Answer>;

/**
 * A client for `POST /{version}/{phone-number-id}/messages`.
 *
 * @example
 * const wa = createClient({ phoneNumberId: "1065…", accessToken: process.env.WHATSAPP_ACCESS_TOKEN!, version: "v23.0" });
 * const { messages } = await wa.send(msg.to("+16505551234").text("Hello"));
 */
export function createClient(options: ClientOptions): Client {
  const { phoneNumberId, accessToken, version = defaultApiVersion } = options;
  // Messages name the option, never the token's value.
  if (typeof accessToken !== "string" || accessToken.trim() === "") throw new TypeError("createClient: accessToken is required");
  if (typeof phoneNumberId !== "string" || !/^\d+$/.test(phoneNumberId))
    throw new TypeError("createClient: phoneNumberId must be the numeric id of the sending number");
  if (typeof version !== "string" || !/^v\d+\.\d+$/.test(version))
    throw new TypeError(`createClient: version must look like "v26.0", got ${JSON.stringify(version)}`);
  const globalFetch = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
  if (globalFetch === undefined) throw new TypeError("createClient: no global fetch here; pass one as options.fetch");
  const fetchImpl: FetchLike = globalFetch;
  const target = { phoneNumberId, accessToken, version, ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }) };
  const timeoutMs = numberOption("createClient", options, "timeoutMs", 30_000, 1, maxTimerMs);
  const perSecond = numberOption(
    "createClient",
    options,
    "perSecond",
    limits.throughput.perSecond,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
  );
  const maxResponseBytes = numberOption("createClient", options, "maxResponseBytes", 256 * 1024, 1, 2 ** 30, true);
  const retry = options.retry === false ? undefined : retryOptions(options.retry);
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
          `a redirect to ${location === null ? "nowhere" : redact(location)}, not followed (a message is posted to the configured URL only)`,
        );
      }
      const text = await readAnswer(response, maxResponseBytes, redact).catch(failed);
      return parse(response, text, redact, answer);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends what the builder's `toRequest()` compiled: its URL, headers and body, once serialised. */
  const post = (body: RequestBody, answer: Answer): Promise<unknown> => call(toRequest(body, target), answer);

  /** One request, retried only when the API certainly did not take it. */
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

  const client: Client = {
    async send(message) {
      return (await post(bodyOf(message), answers.send)) as SendResult;
    },
    async markRead(messageId, markOptions = {}) {
      // Built by the builder, so its checks apply (a JavaScript caller's `undefined` or a 200-character id fails here).
      const read = markRead(messageId);
      return (await post(bodyOf(markOptions.typing ? read.typing() : read), answers.markRead)) as MarkReadResult;
    },
    sendMany(messages, manyOptions = {}) {
      return sendMany(client.send, messages, { ...manyOptions, perSecond: manyOptions.perSecond ?? perSecond });
    },
    media: mediaClient({
      ...target,
      baseUrl: options.baseUrl ?? graphBaseUrl,
      call,
      fetch: fetchImpl,
      timeoutMs,
      redact,
      mediaOrigins: options.mediaOrigins,
    }),
  };
  return Object.freeze(client);
}

/** The body of a message given either as a builder (built here, so it throws `PayloadError` when invalid) or as a body. */
export function bodyOf<Body extends RequestBody>(message: Sendable<Body>): Body {
  return typeof (message as { build?: unknown }).build === "function" ? (message as { build(): Body }).build() : (message as Body);
}

/** The API's JSON, or the error it stands for; error text passes through `redact` first. */
function parse(response: ResponseLike, text: string, redact: (text: string) => string, answer: Answer): unknown {
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
    throw new GraphApiError(response.status, graph, retryAfter);
  }
  if (response.status < 200 || response.status >= 300)
    throw new UnexpectedResponseError(response.status, redact(response.statusText), redact(text));
  if (!answer.holds(json)) throw new UnexpectedResponseError(response.status, redact(response.statusText), redact(text), answer.missing);
  return json;
}
