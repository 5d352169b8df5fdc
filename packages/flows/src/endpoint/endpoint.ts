import { createHmac, type KeyObject, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBounded } from "@wacompose/builder";
import type { FlowJson } from "../flow-json.js";
import { isRecord } from "../validate/walk.js";
import { decryptFlowRequest, encryptFlowResponse, FlowDecryptionError, loadPrivateKey } from "./crypto.js";
import type { FlowAnswer, FlowErrorNotification, FlowRequest, ScreenIdOf } from "./messages.js";
import { flowTokenSignatureProblem } from "./token-signature.js";

/** HTTP statuses WhatsApp reads (flows.md §5.4). */
export const flowEndpointStatus = { ok: 200, undecryptable: 421, invalidFlowToken: 427, badSignature: 432 } as const;

type Handler<Screen extends string> = (request: FlowRequest<Screen>) => FlowAnswer<Screen> | Promise<FlowAnswer<Screen>>;

export interface FlowEndpointOptions<F extends FlowJson = FlowJson> {
  /** Your private key (PEM or KeyObject), whose public half was uploaded with `whatsapp_business_encryption`. */
  readonly privateKey: string | KeyObject;
  readonly passphrase?: string;
  /**
   * The Meta app secret: when set, `X-Hub-Signature-256` must match the raw body (else 432) and
   * a `flow_token_signature` must match too.
   */
  readonly appSecret?: string;
  /** Refuse (432) requests without `flow_token_signature` (Flow JSON 7.3 with data API 4.0 sends one); needs appSecret. */
  readonly requireFlowTokenSignature?: boolean;
  /** The flow this endpoint serves: answers are checked against its screens and their data models. */
  readonly flow?: F;
  readonly handlers: {
    /** The flow opened with `flow_action: data_exchange`: answer its first screen. */
    readonly INIT?: Handler<ScreenIdOf<F>>;
    /** Back on a screen with `refresh_on_back`. */
    readonly BACK?: Handler<ScreenIdOf<F>>;
    /** A screen's `data_exchange`: one handler per screen, or one for all. */
    readonly data_exchange?: Handler<ScreenIdOf<F>> | { readonly [S in ScreenIdOf<F>]?: Handler<ScreenIdOf<F>> };
    /** The client reports that an earlier answer was invalid. */
    readonly error?: (notification: FlowErrorNotification) => void | Promise<void>;
    /** Checks a flow token before any handler; false answers 427. */
    readonly flowToken?: (token: string, request: FlowRequest<ScreenIdOf<F>>) => boolean | Promise<boolean>;
  };
  /** Called with what a handler threw and with answers that do not fit the flow (default console.error). */
  readonly onError?: (error: unknown) => void;
  /** The largest body read; default 1 MiB. */
  readonly maxBytes?: number;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

const defaultMaxBytes = 1 << 20;
const plain = (status: number, body: string): Answer => ({ status, body });

/** The reason an answer does not fit the flow, or undefined. */
function answerProblem(answer: unknown, flow: FlowJson | undefined): string | undefined {
  if (!isRecord(answer)) return "a handler must return { screen, data }, finishFlow() or rejectFlowToken()";
  if (typeof answer.invalidFlowToken === "string") return undefined;
  if (typeof answer.screen !== "string" || !isRecord(answer.data)) return "an answer is { screen, data }";
  if (answer.screen === "SUCCESS") {
    const params = isRecord(answer.data.extension_message_response) ? answer.data.extension_message_response.params : undefined;
    return isRecord(params) && typeof params.flow_token === "string"
      ? undefined
      : "SUCCESS needs data.extension_message_response.params.flow_token";
  }
  if (!flow) return undefined;
  const screen = flow.screens.find((s) => s.id === answer.screen);
  if (!screen) return `screen ${answer.screen} is not in the flow`;
  const model = Object.keys(screen.data ?? {});
  const given = Object.keys(answer.data).filter((key) => key !== "error_message");
  const extra = given.filter((key) => !model.includes(key));
  const missing = model.filter((key) => !given.includes(key));
  if (extra.length > 0) return `screen ${answer.screen} declares no data ${extra.join(", ")}`;
  if (missing.length > 0) return `screen ${answer.screen} needs data ${missing.join(", ")}`;
  return undefined;
}

const validSignature = (raw: Uint8Array, header: string | null | undefined, secret: string): boolean => {
  if (typeof header !== "string" || !header.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", secret).update(raw).digest();
  const given = Buffer.from(header.slice(7), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** What both handlers do with the raw bytes of a POST. */
async function answer<F extends FlowJson>(
  options: FlowEndpointOptions<F>,
  key: KeyObject,
  raw: Uint8Array,
  signature: string | null | undefined,
): Promise<Answer> {
  const { appSecret, handlers } = options;
  const onError = options.onError ?? console.error;
  // A logger that throws (its transport down) must not lose the answer, nor reject out of nodeFlowEndpoint (an unhandled rejection ends the process).
  const report = (error: unknown): void => {
    try {
      onError(error);
    } catch {
      // Nothing else to tell it to.
    }
  };
  if (appSecret !== undefined && !validSignature(raw, signature, appSecret))
    return plain(432, "X-Hub-Signature-256 does not match the body");
  let envelope: unknown;
  try {
    envelope = JSON.parse(Buffer.from(raw).toString("utf8"));
  } catch {
    return plain(421, "the body is not JSON");
  }
  let decrypted: ReturnType<typeof decryptFlowRequest>;
  try {
    decrypted = decryptFlowRequest(envelope, key);
  } catch (error) {
    if (error instanceof FlowDecryptionError) return plain(421, error.message);
    throw error;
  }
  const { aesKey, iv } = decrypted;
  const reply = (body: unknown, status = 200): Answer => ({ status, body: encryptFlowResponse(body, aesKey, iv) });
  const body = decrypted.body;
  if (!isRecord(body) || typeof body.action !== "string") return reply({ error_msg: "the request has no action" }, 400);
  if (body.action === "ping") return reply({ data: { status: "active" } });
  if (isErrorNotification(body.data)) {
    try {
      const notification: FlowErrorNotification = {
        version: typeof body.version === "string" ? body.version : "",
        action: body.action,
        ...(typeof body.screen === "string" ? { screen: body.screen } : {}),
        ...(typeof body.flow_token === "string" ? { flow_token: body.flow_token } : {}),
        data: {
          error: body.data.error,
          ...(typeof body.data.error_message === "string" ? { error_message: body.data.error_message } : {}),
        },
      };
      await handlers.error?.(notification);
    } catch (error) {
      report(error);
    }
    return reply({ data: { acknowledged: true } });
  }
  if (body.action !== "INIT" && body.action !== "BACK" && body.action !== "data_exchange")
    return reply({ error_msg: `unknown action ${body.action.slice(0, 40)}` }, 400);

  const flowToken = typeof body.flow_token === "string" ? body.flow_token : "";
  if (appSecret !== undefined && (body.flow_token_signature !== undefined || options.requireFlowTokenSignature)) {
    const problem = flowTokenSignatureProblem(body.flow_token_signature, flowToken, appSecret);
    if (problem) return reply({ error_msg: problem }, 432);
  }
  const request: FlowRequest<ScreenIdOf<F>> = {
    version: typeof body.version === "string" ? body.version : "",
    action: body.action,
    screen: typeof body.screen === "string" ? (body.screen as ScreenIdOf<F>) : "",
    data: isRecord(body.data) ? (body.data as FlowRequest["data"]) : {},
    flow_token: flowToken,
  };
  try {
    if (handlers.flowToken && !(await handlers.flowToken(flowToken, request))) return reply({ error_msg: "This form has expired." }, 427);
    const exchange = handlers.data_exchange;
    const handler =
      request.action === "data_exchange"
        ? typeof exchange === "function"
          ? exchange
          : ownHandler(exchange as Record<string, Handler<ScreenIdOf<F>> | undefined> | undefined, request.screen)
        : ownHandler(handlers as Record<string, Handler<ScreenIdOf<F>> | undefined>, request.action);
    if (!handler) {
      report(new Error(`flowEndpoint: no ${request.action} handler${request.screen ? ` for screen ${request.screen}` : ""}`));
      return plain(500, `no handler for ${request.action}`);
    }
    const result = await handler(request);
    const problem = answerProblem(result, options.flow);
    if (problem) {
      report(new Error(`flowEndpoint: ${request.action}${request.screen ? ` on ${request.screen}` : ""}: ${problem}`));
      return plain(500, problem);
    }
    if ("invalidFlowToken" in result) return reply({ error_msg: result.invalidFlowToken }, 427);
    return reply(result);
  } catch (error) {
    report(error);
    return plain(500, "the handler failed");
  }
}

/**
 * Whether a request's data is the client's error notification, `{ error, error_message? }` (flows.md §5.2), and
 * nothing else: a screen's own payload may have a field named `error` beside others, and goes to its handler.
 */
function isErrorNotification(data: unknown): data is { readonly error: string; readonly error_message?: unknown } {
  if (!isRecord(data) || typeof data.error !== "string") return false;
  return Object.keys(data).every((key) => key === "error" || (key === "error_message" && typeof data.error_message === "string"));
}

/** A handler by name, from the object's own properties only: a screen called "constructor" or "toString" has none. */
function ownHandler<H>(handlers: Readonly<Record<string, H | undefined>> | undefined, name: string): H | undefined {
  return handlers !== undefined && Object.hasOwn(handlers, name) ? handlers[name] : undefined;
}

function prepare<F extends FlowJson>(options: FlowEndpointOptions<F>): { key: KeyObject; maxBytes: number } {
  if (!options || typeof options.handlers !== "object" || options.handlers === null)
    throw new TypeError("flowEndpoint: handlers are required");
  if (options.requireFlowTokenSignature && options.appSecret === undefined)
    throw new TypeError("flowEndpoint: requireFlowTokenSignature needs appSecret (the JWT is signed with it)");
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  // A cap that is NaN, text or Infinity would read any body whole: refused here, as the webhook handler does.
  if (typeof maxBytes !== "number" || !Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > 2 ** 30)
    throw new TypeError(`flowEndpoint: maxBytes must be a whole number of bytes from 1 to 2^30, got ${String(maxBytes)}`);
  return { key: loadPrivateKey(options.privateKey, options.passphrase), maxBytes };
}

/**
 * A flow's data endpoint for web-standard servers (Bun, Deno, Hono, Next route handlers): decrypts
 * each request, answers pings and error notifications, calls your INIT / BACK / data_exchange
 * handlers, and encrypts their answers; 421 for what does not decrypt, 427 for a refused flow
 * token, 432 for a bad signature.
 *
 * @example
 * const handle = flowEndpoint({ privateKey, passphrase, appSecret, handlers: { INIT: () => ({ screen: "START", data: {} }) } });
 * export default { fetch: handle };
 */
export function flowEndpoint<F extends FlowJson = FlowJson>(options: FlowEndpointOptions<F>): (request: Request) => Promise<Response> {
  const { key, maxBytes } = prepare(options);
  return async (request) => {
    const text = (status: number, body: string) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    if (request.method !== "POST") return text(405, "POST only");
    if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return text(413, `over ${maxBytes} bytes`);
    const raw = await readBounded(request.body, maxBytes);
    if (raw === undefined) return text(413, `over ${maxBytes} bytes`);
    const { status, body } = await answer(options, key, raw, request.headers.get("x-hub-signature-256"));
    return text(status, body);
  };
}

/**
 * The same endpoint for `node:http` and Express (mount it before any body parser).
 *
 * @example
 * createServer(nodeFlowEndpoint({ privateKey, handlers })).listen(3000);
 */
export function nodeFlowEndpoint<F extends FlowJson = FlowJson>(
  options: FlowEndpointOptions<F>,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { key, maxBytes } = prepare(options);
  return async (request, response) => {
    const send = (status: number, body: string) => {
      response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(body);
    };
    if (request.method !== "POST") return send(405, "POST only");
    if (Number(request.headers["content-length"] ?? 0) > maxBytes) {
      request.resume();
      return send(413, `over ${maxBytes} bytes`);
    }
    const raw = await readBounded(request, maxBytes).catch(() => undefined);
    if (raw === undefined) {
      request.resume();
      return send(413, `over ${maxBytes} bytes`);
    }
    const header = request.headers["x-hub-signature-256"];
    const { status, body } = await answer(options, key, raw, Array.isArray(header) ? header[0] : header);
    send(status, body);
  };
}
