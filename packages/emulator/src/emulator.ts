import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { graphErrorCodes, validate } from "@wacompose/builder";
import { AccountEvents, type AccountWebhooks, type BusinessAgent } from "./account-events.js";
import { controlRoute } from "./control.js";
import { type Clock, Conversation, createClock, durationMs, type StatusOptions } from "./conversation.js";
import { submitFlowForm } from "./flow-form.js";
import { type EmulatedFlows, FlowPlayer } from "./flows.js";
import { codeFor, graphError, wamid } from "./graph.js";
import { allowedHostProblem, hostChecker } from "./host-check.js";
import { html, json, parseJson, readBody, refuse } from "./http.js";
import { type InboxView, inboxFragment, inboxPage } from "./inbox.js";
import { nestingOf, object } from "./json.js";
import { MediaStore } from "./media.js";
import { type EmulatedTemplates, TemplateLifecycle } from "./template-lifecycle.js";
import { handleTemplateRequest, servesTemplates } from "./template-management.js";
import { type TemplateExport, TemplateStore } from "./templates.js";
import { seededRandom, Throughput } from "./throughput.js";
import { accessTokenProblem, defaultAccessToken, tokenCheck } from "./token-check.js";
import { type SimulatedUser, simulatedUser } from "./user.js";
import { UserCallbacks } from "./user-callback.js";
import { type Delivery, RedeliverError, type WebhookOptions, WebhookSender } from "./webhooks.js";

/** A scripted answer for the next request: accept it, drop the connection, never answer, or a Graph error. */
export type ScriptedAnswer =
  | "accept"
  | "drop"
  | "hang"
  | { readonly status: number; readonly code: number; readonly message?: string; readonly retryAfterSeconds?: number }
  /** A raw answer, e.g. an HTML error page from a proxy. */
  | { readonly status: number; readonly body: string; readonly contentType?: string };

export interface EmulatorOptions {
  /** Default 0: a free port. */
  readonly port?: number;
  /** Default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** The bearer token requests must carry; default "test-token". */
  readonly accessToken?: string;
  /** Messages per second per phone number id; above it, 429 with code 130429. Unlimited by default. */
  readonly throughput?: number;
  /** Added before answering: fixed, or a random [min, max]. */
  readonly latencyMs?: number | readonly [number, number];
  /** Share of requests answered 503 (code 131016, transient), 0 to 1. */
  readonly serverErrorRate?: number;
  /** Share of requests whose connection is dropped after the body was read, 0 to 1. */
  readonly dropRate?: number;
  /** Answers for the next requests, in order, before any other knob applies. */
  readonly script?: readonly ScriptedAnswer[];
  /**
   * The phone-number ids this emulator serves, as the API knows yours; a request to another
   * (a display number used as an id, a typo) gets error 100 as from the API. Any id by default.
   */
  readonly phoneNumberIds?: readonly string[];
  /** How long a media download URL from `GET /{media-id}` works, on the emulator's clock; default 5 minutes, as the API's. */
  readonly mediaUrlTtlMs?: number;
  /** Seed for the random knobs, for reproducible tests. */
  readonly seed?: number;
  /**
   * How many requests `received` keeps, newest last; older ones are forgotten (and so are the
   * oldest past 64 MB of bodies). Default 1,000. The webhook delivery log is bounded the same way.
   */
  readonly maxReceived?: number;
  /**
   * Host names (no port) served besides loopback names (`localhost`, `127.x.x.x`, `[::1]`) and
   * `host`, each on any port; bound to 0.0.0.0 or ::, the machine's own name (`os.hostname()`)
   * instead of `host`. Any other `Host` header is refused (403), so a page on another site that
   * points a DNS name at the emulator (DNS rebinding), or a stranger on the network, cannot read
   * the inbox, drive the control routes or send.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Templates, as the JSON of `GET /{waba-id}/message_templates` (the CLI's sample is
   * packages/cli/fixtures/message_templates.json), each keeping the status it has (none: APPROVED).
   * Template messages are held to the templates once the emulator has any, given here or created
   * through `POST /{waba-id}/message_templates` (until `reset()`): an unknown name or language, or
   * a template that is not APPROVED, is 132001, PAUSED 132015, DISABLED 132016, a parameter count
   * that does not match 132000, as from the API. Before that, any template message is accepted.
   */
  readonly templates?: TemplateExport;
  /**
   * How long the review of a created or edited template takes on the emulator's clock (ms, or
   * `"1m"`, `"2h"`, …): PENDING until then, APPROVED or REJECTED after. Default 1 minute; advance
   * the clock past it (`emulator.clock.advance("1m")`) instead of waiting.
   */
  readonly templateReviewDelay?: number | string;
  /** How many templates (each language counts) the account may hold: default 250, Meta's; up to 6,000 (a verified business). */
  readonly templateLimit?: number;
  /**
   * Called with each request as it is recorded in `received` (what `wacompose emulator --json` prints). Like
   * `onRefused` and `webhook.onAttempt`: it gets a copy (changing it changes nothing the emulator keeps); if it throws
   * or rejects, the answer and the records are as if it had not, and a line on stderr says what it threw (the first 5
   * of each callback; the rest are counted in `callbackFaults`).
   */
  readonly onRequest?: (request: ReceivedRequest) => void;
  /**
   * Called with each request turned away at the door, which `received` does not keep: a wrong or
   * missing token (401, on every endpoint that checks it), a `Host` not served (403), and on the
   * messages endpoint a wrong Content-Type (415) or a body too large (413). `wacompose emulator` prints a line for each.
   */
  readonly onRefused?: (request: RefusedRequest) => void;
  /**
   * Your flows by flow id (`{ json, endpoint?: { url, publicKey } }`): a flow message sent with one of
   * these ids is drawn in the inbox as a form a person can fill, and `user(…).completesFlow(…)` walks
   * it. Where the flow uses your data endpoint, the emulator calls it as Meta does: encrypted with
   * `publicKey`, and signed with `webhook.appSecret`. Each Flow JSON must pass `validateFlow`.
   */
  readonly flows?: EmulatedFlows;
  /**
   * Plays the user's side through your webhook endpoint: statuses for every accepted message,
   * and what simulated users send (`emulator.user(…)`), as signed, Meta-shaped POSTs. With a
   * `verifyToken`, the GET handshake is made at start.
   */
  readonly webhook?: WebhookOptions & {
    readonly statuses?: StatusOptions;
    /** The 24-hour customer-service window: a free-form message to a user who has not written in 24 h fails with 131047. Default on. */
    readonly window?: boolean;
  };
}

/** What the emulator got, and what it did with it. The access token is never recorded. */
/**
 * The answer's `contacts[0]` [api-2026.md §2.1]: `input` is what was sent; `wa_id` only for a phone number (it wins over
 * `recipient`), `user_id` only for a business-scoped user id; a group's id comes back as `input` alone.
 */
function contactOf(message: {
  readonly to?: unknown;
  readonly recipient?: unknown;
  readonly recipient_type?: unknown;
}): Record<string, string> {
  if (message.recipient_type === "group") return { input: String(message.to) };
  if (message.to != null) return { input: String(message.to), wa_id: String(message.to).replace(/\D/g, "") };
  return { input: String(message.recipient), user_id: String(message.recipient) };
}

export interface ReceivedRequest {
  readonly at: string;
  readonly path: string;
  readonly phoneNumberId: string | undefined;
  readonly body: unknown;
  readonly status: number;
  readonly outcome: "accepted" | "rejected" | "throttled" | "server_error" | "dropped" | "hung";
  readonly wamid?: string;
  /** The Graph error's message when the answer was one, e.g. `(#131047) Re-engagement message`. */
  readonly error?: string;
  /** An accepted body's warnings: forms the API accepts though they are not the documented ones (`to` as a number). */
  readonly warnings?: readonly string[];
  /** With `error`: the Graph error's `error_data.details`, e.g. `text.body: at most 4096 characters, got 4097`. */
  readonly details?: string;
}

/** A request turned away at the door, its body never kept: what `onRefused` gets. Never the token or header sent. */
export interface RefusedRequest {
  readonly at: string;
  readonly method: string;
  /** The path without its query, as received (the emulator does not check it before refusing a `Host`). */
  readonly path: string;
  readonly status: 401 | 403 | 413 | 415;
  /** Why, in a few words: `no Authorization header`, `Host "evil.example" is not served here`. */
  readonly reason: string;
}

export interface Emulator {
  /** Base URL to give the transport, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  readonly port: number;
  /**
   * What was received with the right token, in order: the newest `maxReceived`. Requests
   * refused at the door (wrong token, wrong host or Content-Type, too large) are not kept: `onRefused` hears them.
   */
  readonly received: readonly ReceivedRequest[];
  /** The emulator's clock (the 24-hour window, timestamps and media URLs' expiry read it): `emulator.clock.advance("25h")`. */
  readonly clock: Clock;
  /** The webhook deliveries (with `webhook`): every attempt logged; `idle()` waits for those under way. */
  readonly webhooks: {
    /** The newest `maxReceived` deliveries, oldest first. */
    readonly log: readonly Delivery[];
    idle(): Promise<void>;
    /** Sends a logged delivery again; throws when there is no such delivery, or while it is still pending. */
    redeliver(id: number): Delivery;
    /** The next `count` accepted messages (default 1) get a `failed` status with this code instead of the ladder. */
    failNext(code: number, count?: number): void;
  };
  /** A user writing to the business (needs `webhook`); `name` is their profile name. */
  user(phone: string, name?: string): SimulatedUser;
  /** The account, number, group and Business App webhooks, sent on demand (needs `webhook`): `emulator.send.accountUpdate({ event })`. */
  readonly send: AccountWebhooks;
  /** Meta Business Agent on the number (needs `webhook`): `takeOver(user)` routes their messages to `standby`, `handBack(user)` back. */
  readonly agent: BusinessAgent;
  /**
   * The platform's side of templates: `pause(name)`, `quality(name, score)`, `disable(name)`,
   * `archive(name)`, `status(name)`, `list()`, each with the webhooks Meta sends (with `webhook`).
   */
  readonly templates: EmulatedTemplates;
  /**
   * How many times each of your callbacks threw or rejected since start. stderr shows the first 5 of each, then says the
   * rest are counted here; `close()` writes the totals of those not all shown.
   */
  readonly callbackFaults: { readonly onRequest: number; readonly onRefused: number; readonly "webhook.onAttempt": number };
  /**
   * Forgets what was received and the throughput window, sets the clock back to real time, and
   * takes the templates back to those given at start.
   */
  reset(): void;
  close(): Promise<void>;
}

const route = /^\/(v\d+\.\d+)\/(\d+)\/messages\/?$/;
/** The largest valid body is far smaller (a 32,768-character template body); the API documents no cap of its own. */
const maxBodyBytes = 1 << 20;
/** The deepest valid body (a carousel card's media, a multi-product button's items) nests 11 levels; the API documents no cap of its own. */
const maxBodyDepth = 64;
/** What the inbox page posts to `/__user` is a few hundred bytes. */
const maxUserBytes = 64 * 1024;
/** `received` forgets its oldest entries past this many bytes of bodies. */
const maxReceivedBytes = 64 << 20;

/**
 * Starts a local stand-in for `POST /{version}/{phone-number-id}/messages` (and the media
 * endpoints: upload, look up, download, delete): it checks the
 * bearer token, validates bodies with the builder's rules and answers like the API, or
 * as scripted; and the template management endpoints (list, create, read, edit, delete, archive,
 * unarchive, unpause), reviewing templates on its clock. `GET /` is a live inbox page; `/__received`,
 * `/__deliveries`, `/__user`, `/__clock/advance`, `/__fail-next`, `/__reset`, `/__idle` and `/__templates…`
 * are the control API for tests in any language (docs/testing-from-any-language.md).
 *
 * @example
 * const emulator = await startEmulator();
 * const wa = createClient({ baseUrl: emulator.url, accessToken: "test-token", phoneNumberId: "1065", version: "v23.0" });
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const accessToken = options.accessToken ?? defaultAccessToken;
  const tokenProblem = accessTokenProblem(accessToken);
  // An empty token or one with a space or line break could never be sent: every request would be a 401.
  if (tokenProblem !== undefined) throw new TypeError(`startEmulator: accessToken ${tokenProblem}`);
  const random = seededRandom(options.seed ?? Date.now());
  const script = [...(options.script ?? [])];
  let throughput = options.throughput === undefined ? undefined : new Throughput(options.throughput);
  const maxReceived = options.maxReceived ?? 1000;
  if (!Number.isSafeInteger(maxReceived) || maxReceived < 1)
    throw new TypeError(`startEmulator: maxReceived must be a whole number ≥ 1, got ${String(maxReceived)}`);
  for (const name of options.allowedHosts ?? []) {
    const problem = allowedHostProblem(name);
    if (problem !== undefined) throw new TypeError(`startEmulator: allowedHosts: ${problem}`);
  }
  const phoneNumberIds = options.phoneNumberIds === undefined ? undefined : new Set(options.phoneNumberIds);
  const clock = createClock();
  const mediaUrlTtlMs = options.mediaUrlTtlMs ?? 5 * 60_000;
  if (!Number.isSafeInteger(mediaUrlTtlMs) || mediaUrlTtlMs < 1 || mediaUrlTtlMs > 2 ** 31 - 1)
    throw new RangeError(
      `startEmulator: mediaUrlTtlMs must be a whole number of ms from 1 to ${2 ** 31 - 1}, got ${String(mediaUrlTtlMs)}`,
    );
  const media = new MediaStore(mediaUrlTtlMs, clock.now);
  const templateLimit = options.templateLimit ?? 250;
  if (!Number.isSafeInteger(templateLimit) || templateLimit < 1 || templateLimit > 6000)
    throw new RangeError(`startEmulator: templateLimit must be a whole number from 1 to 6000, got ${String(templateLimit)}`);
  const reviewDelayMs = durationMs(options.templateReviewDelay ?? "1m");
  if (!Number.isFinite(reviewDelayMs) || reviewDelayMs < 0 || reviewDelayMs > 30 * 86_400_000)
    throw new RangeError(
      `startEmulator: templateReviewDelay is a duration like "1m", "2h" or milliseconds, from 0 to 30 days, got ${String(options.templateReviewDelay)}`,
    );
  const templates = new TemplateStore(options.templates, templateLimit);
  const flows = new FlowPlayer(options.flows ?? {}, options.webhook?.appSecret);
  let url = ""; // set once listening
  const callbacks = new UserCallbacks();
  const sender = options.webhook === undefined ? undefined : new WebhookSender(options.webhook, maxReceived, callbacks);
  const conversation =
    sender === undefined ? undefined : new Conversation(sender, clock, options.webhook?.statuses ?? {}, options.webhook?.window ?? true);
  await sender?.handshake();
  const defaultNumber = options.phoneNumberIds?.[0] ?? "106540352242922";
  const account =
    sender === undefined || conversation === undefined ? undefined : new AccountEvents(sender, clock, random, defaultNumber, conversation);
  // Template webhooks go where the others go, signed the same way; without a webhook, templates still move.
  const lifecycle = new TemplateLifecycle(templates, clock, reviewDelayMs, (field, value) => account?.send.change(field, value));
  clock.onAdvance(() => lifecycle.settle());
  const tokenRefusal = tokenCheck(accessToken);
  const received: ReceivedRequest[] = [];
  const sizes: number[] = [];
  let receivedBytes = 0;
  const sockets = new Set<Socket>();
  /** What the control routes act on (`POST /__clock/advance`, `/__fail-next`, `/__reset`, `/__idle`): set once listening. */
  let api: Emulator | undefined;
  let hostAllowed: (header: string | undefined) => boolean = () => false; // set once the address is known

  const record = (entry: Omit<ReceivedRequest, "at">, bytes = 0): void => {
    const recorded = { at: new Date().toISOString(), ...entry };
    received.push(recorded);
    sizes.push(bytes);
    receivedBytes += bytes;
    while (received.length > maxReceived || (receivedBytes > maxReceivedBytes && received.length > 1)) {
      received.shift();
      receivedBytes -= sizes.shift() ?? 0;
    }
    // Once the books are straight: a callback that throws changes neither them nor the answer, and gets a copy to change.
    callbacks.call("onRequest", options.onRequest, (): [ReceivedRequest] => [structuredClone(recorded)]);
  };

  /** Answers a request at the door (closing the connection: a body not read yet never is) and tells `onRefused`. */
  const turnAway = (
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    status: RefusedRequest["status"],
    reason: string,
    answer: unknown,
  ): void => {
    refuse(response, status, answer);
    // Made for the call alone: nothing the emulator keeps.
    callbacks.call("onRefused", options.onRefused, (): [RefusedRequest] => [
      { at: new Date().toISOString(), method: request.method ?? "", path, status, reason },
    ]);
  };
  /** True when the request was turned away for its token (401, code 190, saying what is expected). */
  const refusedForToken = (request: IncomingMessage, response: ServerResponse, path: string): boolean => {
    const refusal = tokenRefusal(request);
    if (refusal !== undefined) turnAway(request, response, path, 401, refusal.reason, refusal.answer);
    return refusal !== undefined;
  };

  const view: InboxView | undefined =
    conversation === undefined
      ? undefined
      : {
          inbound: conversation.inboundLog,
          statusOf: (id: string) => conversation.statusOf(id),
          deliveries: sender?.log ?? [],
          badgesOf: (user: string) => account?.badgesOf(user) ?? [],
          flowOf: (id: string, body: unknown) => flows.view(id, object(body)),
        };

  /**
   * The inbox page acting as the user: `{ action: "says" | "taps" | "picks", to, text?, wamid?, id?, forged? }`, or
   * sending a logged webhook again: `{ action: "redeliver", delivery }`.
   * JSON only, so a page on another site cannot post here without a CORS preflight (which is refused).
   */
  const actAsUser = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (conversation === undefined || account === undefined)
      return json(response, 404, {
        error: "/__user: start the emulator with a webhook (--webhook-url and --app-secret) to act as the user",
      });
    // Refused unread, so the connection closes: kept open, a client writing a large body would be stuck on it.
    if (!/^application\/json\s*(;|$)/i.test(request.headers["content-type"] ?? "")) return refuse(response, 415, { error: "JSON only" });
    const bytes = await readBody(request, maxUserBytes);
    if (bytes === undefined) return refuse(response, 413, { error: `request body over ${maxUserBytes} bytes` });
    const parsed = parseJson(bytes.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      return json(response, 400, { error: "the body is a JSON object: { action, … }" });
    const input = parsed as Readonly<Record<string, unknown>>;
    /** A field that must be a string when present; its type is never converted (a deep array would overflow `String()`). */
    const field = (name: string): string => {
      const value = input[name] ?? "";
      if (typeof value !== "string") throw new TypeError(`${name} is a string, got ${Array.isArray(value) ? "array" : typeof value}`);
      return value;
    };
    try {
      if (input.action === "redeliver") {
        const delivery = input.delivery;
        if (typeof delivery !== "number" || !Number.isSafeInteger(delivery))
          return json(response, 400, {
            error: `redeliver: delivery is a delivery id (a whole number), got ${typeof delivery === "number" ? delivery : typeof delivery}`,
          });
        return json(response, 200, { state: sender?.redeliver(delivery).state });
      }
      if (input.action !== "says" && input.action !== "taps" && input.action !== "picks")
        return json(response, 400, { error: "action is says, taps, picks or redeliver" });
      const user = simulatedUser(conversation, field("to"), field("name") || "Inbox user", defaultNumber, account, flows);
      // Never read loosely: `"forged": "true"` taken as false would turn the test of a forged id into a 400 about the id.
      const forged = input.forged ?? false;
      if (typeof forged !== "boolean")
        throw new TypeError(`forged is true or false, got ${Array.isArray(forged) ? "array" : typeof forged}`);
      const inbound =
        input.action === "says"
          ? user.says(field("text"))
          : input.action === "picks"
            ? user.picks(field("wamid"), field("id"), { forged })
            : user.taps(field("wamid"), field("id"), { forged });
      return json(response, 200, { id: inbound.id });
    } catch (error) {
      return json(response, error instanceof RedeliverError ? error.status : 400, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (!hostAllowed(request.headers.host)) {
      const why = `Host ${JSON.stringify(request.headers.host ?? "")} is not served here`;
      return turnAway(request, response, path, 403, why, graphError(graphErrorCodes.invalidParameter, why));
    }
    if (request.method === "GET" && path === "/__received") return json(response, 200, received);
    if (request.method === "GET" && path === "/__deliveries") return json(response, 200, sender?.log ?? []);
    if (request.method === "GET" && path === "/__templates") return json(response, 200, lifecycle.api.list());
    if (request.method === "GET" && path === "/") return html(response, inboxPage(received, view, lifecycle.api.list()));
    if (request.method === "GET" && path === "/__inbox") return html(response, inboxFragment(received, view, lifecycle.api.list()));
    if (request.method === "POST" && path === "/__user") return actAsUser(request, response);
    if (api !== undefined && (await controlRoute(request, response, path, api))) return;
    if (request.method === "POST" && path === "/__flow") return submitFlowForm(request, response, conversation, flows);
    // Before media: `GET /{id}` is a template's when the id is one.
    if (servesTemplates(request.method, path, templates)) {
      if (refusedForToken(request, response, path)) return;
      return handleTemplateRequest(request, response, path, url, templates, lifecycle);
    }
    if (MediaStore.serves(request.method, path)) {
      if (refusedForToken(request, response, path)) return;
      return media.handle(request, response, path, url, (id) => phoneNumberIds === undefined || phoneNumberIds.has(id));
    }
    const match = route.exec(path);
    if (request.method !== "POST" || match === null) {
      return json(
        response,
        404,
        graphError(
          graphErrorCodes.invalidParameter,
          `no such endpoint: ${request.method} ${path}; the emulator serves POST /{version}/{phone-number-id}/messages, the media endpoints and /{version}/{waba-id}/message_templates`,
        ),
      );
    }
    const phoneNumberId = match[2];
    // At the door, before reading a byte of the body: the token (compared in constant time), the type, the size.
    if (refusedForToken(request, response, path)) return;
    const contentType = request.headers["content-type"] ?? "";
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      const why = `Content-Type must be application/json, got ${JSON.stringify(contentType)}`;
      return turnAway(request, response, path, 415, why, graphError(graphErrorCodes.invalidParameter, why));
    }
    const text = (await readBody(request, maxBodyBytes))?.toString("utf8");
    if (text === undefined) {
      const why = `request body over ${maxBodyBytes} bytes`;
      return turnAway(request, response, path, 413, why, graphError(graphErrorCodes.invalidParameter, why));
    }
    // Parsed only when shallow: a 500,000-deep array would parse, then overflow every reader that recurses (JSON.stringify of /__received).
    const depth = nestingOf(text);
    const body = depth > maxBodyDepth ? undefined : parseJson(text);
    const bytes = text.length;

    const scripted = script.shift();
    const latency = options.latencyMs;
    const delay = typeof latency === "number" ? latency : latency === undefined ? 0 : latency[0] + random() * (latency[1] - latency[0]);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    if (scripted === "drop" || (scripted === undefined && random() < (options.dropRate ?? 0))) {
      record({ path, phoneNumberId, body, status: 0, outcome: "dropped" }, bytes);
      request.socket.destroy();
      return;
    }
    if (scripted === "hang") {
      record({ path, phoneNumberId, body, status: 0, outcome: "hung" }, bytes);
      return; // never answers; the connection closes with the emulator
    }
    if (typeof scripted === "object" && "body" in scripted) {
      record({ path, phoneNumberId, body, status: scripted.status, outcome: "rejected" }, bytes);
      response.writeHead(scripted.status, { "Content-Type": scripted.contentType ?? "text/html" });
      response.end(scripted.body);
      return;
    }
    /** Answers a Graph error and records it, with the error's message for the inbox. */
    const fail = (status: number, outcome: ReceivedRequest["outcome"], error: ReturnType<typeof graphError>, recorded = body) => {
      const details = error.error.error_data?.details;
      // Counted with the body: a body's issues can take more room than the body.
      const kept = details === undefined ? {} : { details };
      record({ path, phoneNumberId, body: recorded, status, outcome, error: error.error.message, ...kept }, bytes + (details?.length ?? 0));
      return json(response, status, error);
    };
    if (typeof scripted === "object") {
      if (scripted.retryAfterSeconds !== undefined) response.setHeader("Retry-After", String(scripted.retryAfterSeconds));
      return fail(
        scripted.status,
        scripted.status === 429 ? "throttled" : "rejected",
        graphError(scripted.code, undefined, scripted.message),
      );
    }
    if (phoneNumberIds !== undefined && !phoneNumberIds.has(phoneNumberId ?? "")) {
      // What the API answers for an id that is not one of your numbers (a display number, say).
      return fail(
        400,
        "rejected",
        graphError(
          graphErrorCodes.invalidParameter,
          `the emulator serves phone-number ids ${[...phoneNumberIds].join(", ")}; a display number is not an id`,
          `Unsupported post request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
          33,
        ),
      );
    }
    if (scripted === undefined && random() < (options.serverErrorRate ?? 0))
      return fail(503, "server_error", graphError(graphErrorCodes.serviceUnavailable));
    if (body === undefined) {
      const why =
        depth > maxBodyDepth ? `the request body nests ${depth} levels deep, over ${maxBodyDepth}` : "the request body is not valid JSON";
      return fail(400, "rejected", graphError(graphErrorCodes.invalidParameter, why), text);
    }
    if (scripted === undefined && throughput !== undefined && !throughput.admit(phoneNumberId ?? "", Date.now())) {
      return fail(
        429,
        "throttled",
        graphError(graphErrorCodes.throughput, `more than ${options.throughput} messages per second for this number`),
      );
    }
    const issues = validate(body);
    const errors = issues.filter((issue) => issue.severity === "error");
    if (errors.length > 0) {
      const details = errors.map((issue) => `${issue.path || "(body)"}: ${issue.message}`).join("; ");
      return fail(400, "rejected", graphError(codeFor(errors), details));
    }
    // Warnings alone: the API accepts the body, so the emulator does too, and keeps them for the inbox.
    const warnings = issues.length === 0 ? {} : { warnings: issues.map((issue) => `${issue.path || "(body)"}: ${issue.message}`) };
    if ((body as { type?: unknown }).type === "template") {
      lifecycle.settle(); // a review or pause that ended in real time ends before the send is judged
      const problem = templates.check(body as Readonly<Record<string, unknown>>);
      if (problem !== undefined) return fail(400, "rejected", graphError(problem.code, problem.details));
    }
    const message = body as {
      readonly status?: unknown;
      readonly to?: unknown;
      readonly recipient?: unknown;
      readonly recipient_type?: unknown;
    };
    if (message.status === "read") {
      record({ path, phoneNumberId, body, status: 200, outcome: "accepted", ...warnings }, bytes);
      return json(response, 200, { success: true });
    }
    const id = wamid();
    record({ path, phoneNumberId, body, status: 200, outcome: "accepted", wamid: id, ...warnings }, bytes);
    conversation?.accepted(phoneNumberId ?? "", id, body as Readonly<Record<string, unknown>>);
    return json(response, 200, {
      messaging_product: "whatsapp",
      contacts: [contactOf(message)],
      messages: [{ id, message_status: "accepted" }],
    });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) json(response, 500, graphError(1, `emulator fault: ${String(error)}`));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  hostAllowed = hostChecker(address, options.allowedHosts ?? []);

  url = `http://${host}:${port}`;
  const noWebhook = (what: string): never => {
    throw new Error(`emulator.${what}: start the emulator with a webhook ({ webhook: { url, appSecret } }) to play the user's side`);
  };
  api = {
    url,
    port,
    received,
    clock,
    webhooks: {
      log: sender?.log ?? [],
      idle: async () => conversation?.idle(),
      redeliver: (id) => (sender ?? noWebhook("webhooks.redeliver")).redeliver(id),
      failNext: (code, count) => (conversation ?? noWebhook("webhooks.failNext")).failNext(code, count),
    },
    user(phone, name = "Test User") {
      if (conversation === undefined || account === undefined) return noWebhook("user");
      return simulatedUser(conversation, phone, name, defaultNumber, account, flows);
    },
    get send() {
      return (account ?? noWebhook("send")).send;
    },
    get agent() {
      return (account ?? noWebhook("agent")).agent;
    },
    templates: lifecycle.api,
    get callbackFaults() {
      return { ...callbacks.faults };
    },
    reset() {
      received.length = 0;
      sizes.length = 0;
      receivedBytes = 0;
      if (options.throughput !== undefined) throughput = new Throughput(options.throughput);
      clock.reset();
      templates.reset();
      lifecycle.reset();
    },
    async close() {
      lifecycle.close();
      conversation?.close();
      await sender?.close(); // aborts the webhook POSTs under way, and waits until each has ended
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A few turns of the event loop (each one polls sockets and runs close callbacks), so a client
      // in this process sees its kept-alive connections closed before its next request: that request
      // then finds nobody listening ("nothing was sent") instead of writing into a dead connection
      // ("may have been delivered"). Turns, not a timer: a timer can fire before the poll on a busy host.
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
      callbacks.reportUnprinted();
    },
  };
  return api;
}
