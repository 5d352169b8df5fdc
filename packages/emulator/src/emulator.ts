import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { validate } from "@wacompose/builder";
import { codeFor, graphError, wamid } from "./graph.js";
import { inboxFragment, inboxPage } from "./inbox.js";
import { seededRandom, Throughput } from "./throughput.js";

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
  /** Seed for the random knobs, for reproducible tests. */
  readonly seed?: number;
}

/** What the emulator got, and what it did with it. The access token is never recorded. */
export interface ReceivedRequest {
  readonly at: string;
  readonly path: string;
  readonly phoneNumberId: string | undefined;
  readonly body: unknown;
  readonly status: number;
  readonly outcome: "accepted" | "rejected" | "unauthorized" | "throttled" | "server_error" | "dropped" | "hung";
  readonly wamid?: string;
}

export interface Emulator {
  /** Base URL to give the transport, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  readonly port: number;
  /** Everything received so far, in order. */
  readonly received: readonly ReceivedRequest[];
  /** Forgets what was received and the throughput window. */
  reset(): void;
  close(): Promise<void>;
}

const route = /^\/(v\d+\.\d+)\/(\d+)\/messages\/?$/;
const maxBodyBytes = 1 << 20;

/**
 * Starts a local stand-in for `POST /{version}/{phone-number-id}/messages`: it checks the
 * bearer token, validates bodies with the builder's rules and answers like the API, or
 * as scripted. `GET /__received` lists what it got; `GET /` is a live inbox page.
 *
 * @example
 * const emulator = await startEmulator();
 * const wa = createClient({ baseUrl: emulator.url, accessToken: "test-token", phoneNumberId: "1065", version: "v23.0" });
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const accessToken = options.accessToken ?? "test-token";
  const random = seededRandom(options.seed ?? Date.now());
  const script = [...(options.script ?? [])];
  let throughput = options.throughput === undefined ? undefined : new Throughput(options.throughput);
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();

  const record = (entry: Omit<ReceivedRequest, "at">): void => {
    received.push({ at: new Date().toISOString(), ...entry });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (request.method === "GET" && path === "/__received") return json(response, 200, received);
    if (request.method === "GET" && path === "/") return html(response, inboxPage(received));
    if (request.method === "GET" && path === "/__inbox") return html(response, inboxFragment(received));
    const match = route.exec(path);
    if (request.method !== "POST" || match === null) {
      return json(
        response,
        404,
        graphError(100, `no such endpoint: ${request.method} ${path}; the emulator serves POST /{version}/{phone-number-id}/messages`),
      );
    }
    const phoneNumberId = match[2];
    const text = await readBody(request);
    if (text === undefined) return json(response, 413, graphError(100, `request body over ${maxBodyBytes} bytes`));
    const body = parseJson(text);

    if (request.headers.authorization !== `Bearer ${accessToken}`) {
      record({ path, phoneNumberId, body, status: 401, outcome: "unauthorized" });
      return json(response, 401, graphError(190));
    }

    const scripted = script.shift();
    const latency = options.latencyMs;
    const delay = typeof latency === "number" ? latency : latency === undefined ? 0 : latency[0] + random() * (latency[1] - latency[0]);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    if (scripted === "drop" || (scripted === undefined && random() < (options.dropRate ?? 0))) {
      record({ path, phoneNumberId, body, status: 0, outcome: "dropped" });
      request.socket.destroy();
      return;
    }
    if (scripted === "hang") {
      record({ path, phoneNumberId, body, status: 0, outcome: "hung" });
      return; // never answers; the connection closes with the emulator
    }
    if (typeof scripted === "object" && "body" in scripted) {
      record({ path, phoneNumberId, body, status: scripted.status, outcome: "rejected" });
      response.writeHead(scripted.status, { "Content-Type": scripted.contentType ?? "text/html" });
      response.end(scripted.body);
      return;
    }
    if (typeof scripted === "object") {
      record({ path, phoneNumberId, body, status: scripted.status, outcome: scripted.status === 429 ? "throttled" : "rejected" });
      if (scripted.retryAfterSeconds !== undefined) response.setHeader("Retry-After", String(scripted.retryAfterSeconds));
      return json(response, scripted.status, graphError(scripted.code, undefined, scripted.message));
    }
    if (scripted === undefined && random() < (options.serverErrorRate ?? 0)) {
      record({ path, phoneNumberId, body, status: 503, outcome: "server_error" });
      return json(response, 503, graphError(131016));
    }
    if (body === undefined) {
      record({ path, phoneNumberId, body: text, status: 400, outcome: "rejected" });
      return json(response, 400, graphError(100, "the request body is not valid JSON"));
    }
    if (scripted === undefined && throughput !== undefined && !throughput.admit(phoneNumberId ?? "", Date.now())) {
      record({ path, phoneNumberId, body, status: 429, outcome: "throttled" });
      return json(response, 429, graphError(130429, `more than ${options.throughput} messages per second for this number`));
    }
    const issues = validate(body);
    if (issues.length > 0) {
      record({ path, phoneNumberId, body, status: 400, outcome: "rejected" });
      const details = issues.map((issue) => `${issue.path || "(body)"}: ${issue.message}`).join("; ");
      return json(response, 400, graphError(codeFor(issues), details));
    }
    const message = body as { readonly status?: unknown; readonly to?: unknown; readonly recipient_type?: unknown };
    if (message.status === "read") {
      record({ path, phoneNumberId, body, status: 200, outcome: "accepted" });
      return json(response, 200, { success: true });
    }
    const id = wamid();
    const to = String(message.to);
    record({ path, phoneNumberId, body, status: 200, outcome: "accepted", wamid: id });
    const waId = message.recipient_type === "group" ? to : to.replace(/\D/g, "");
    return json(response, 200, {
      messaging_product: "whatsapp",
      contacts: [{ input: to, wa_id: waId }],
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

  return {
    url: `http://${address}:${port}`,
    port,
    received,
    reset() {
      received.length = 0;
      if (options.throughput !== undefined) throughput = new Throughput(options.throughput);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function html(response: ServerResponse, text: string): void {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  response.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
