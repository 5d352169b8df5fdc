import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "@jest/globals";
import { metaJson, nodeWebhookHandler, signatureOf, type WebhookEvent, type WebhookHandlerOptions, webhookHandler } from "../src/index.js";
import { batch } from "./fixtures.js";

const appSecret = "handler-secret";
const body = metaJson(batch);
const options = (into: WebhookEvent[], extra: Partial<WebhookHandlerOptions> = {}): WebhookHandlerOptions => ({
  appSecret,
  verifyToken: "vt",
  onEvents: (events) => void into.push(...events),
  onError: () => {},
  onRejected: () => {},
  ...extra,
});

describe("webhookHandler (web Request → Response)", () => {
  const post = async (handle: (r: Request) => Promise<Response>, payload: string, signature?: string) =>
    handle(
      new Request("https://bot.test/webhook", {
        method: "POST",
        body: payload,
        headers: signature === undefined ? {} : { "X-Hub-Signature-256": signature },
      }),
    );

  it("takes a signed batch: 200, and every event to onEvents", async () => {
    const events: WebhookEvent[] = [];
    const response = await post(webhookHandler(options(events)), body, await signatureOf(body, appSecret));
    expect(response.status).toBe(200);
    expect(events).toHaveLength(9);
  });

  it("refuses a missing (401) or wrong (403) signature, a body that is not JSON (400), a large body (413), other methods (405)", async () => {
    const events: WebhookEvent[] = [];
    const handle = webhookHandler(options(events, { maxBytes: 10_000 }));
    expect((await post(handle, body)).status).toBe(401);
    expect((await post(handle, body, await signatureOf(`${body} `, appSecret))).status).toBe(403);
    expect((await post(handle, "{nope", await signatureOf("{nope", appSecret))).status).toBe(400);
    const large = metaJson({ pad: "x".repeat(20_000) });
    expect((await post(handle, large, await signatureOf(large, appSecret))).status).toBe(413);
    expect((await handle(new Request("https://bot.test/webhook", { method: "PUT" }))).status).toBe(405);
    // A streamed body without Content-Length is read only up to the limit: the rest is never pulled.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4096));
      },
    });
    const streamed = new Request("https://bot.test/webhook", {
      method: "POST",
      body: endless,
      headers: { "X-Hub-Signature-256": await signatureOf(body, appSecret) },
      duplex: "half",
    } as RequestInit);
    expect((await handle(streamed)).status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(events).toEqual([]);
  });

  it("says why a POST was refused: onRejected gets the status and reason, never the secret or the body", async () => {
    const rejections: unknown[] = [];
    const handle = webhookHandler(options([], { onRejected: (rejection) => void rejections.push(rejection) }));
    await post(handle, body);
    await post(handle, body, await signatureOf(body, "another-apps-secret"));
    await post(handle, "{nope", await signatureOf("{nope", appSecret));
    expect(rejections).toEqual([
      { status: 401, reason: "no X-Hub-Signature-256 header" },
      { status: 403, reason: "the signature does not match the body" },
      { status: 400, reason: "the body is not JSON" },
    ]);
  });

  it("by default warns on the console unless NODE_ENV is production; the line names no secret", async () => {
    const { onRejected: _, ...quietless } = options([]);
    const handle = webhookHandler(quietless);
    const warn = console.warn;
    const lines: string[] = [];
    const nodeEnv = process.env.NODE_ENV;
    console.warn = (line: string) => void lines.push(line);
    try {
      process.env.NODE_ENV = "development";
      await post(handle, body, await signatureOf(body, "another-apps-secret"));
      process.env.NODE_ENV = "production";
      await post(handle, body, await signatureOf(body, "another-apps-secret"));
    } finally {
      console.warn = warn;
      process.env.NODE_ENV = nodeEnv;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^webhooks: refused a POST, 403: the signature does not match the body \(is appSecret this app's secret/);
    expect(lines[0]).not.toContain(appSecret);
    expect(lines[0]).not.toContain("another-apps-secret");
  });

  it("answers the handshake, and 500 when onEvents throws (so Meta delivers again)", async () => {
    const handle = webhookHandler(options([], { onEvents: () => Promise.reject(new Error("queue down")) }));
    const ok = await handle(new Request("https://bot.test/webhook?hub.mode=subscribe&hub.verify_token=vt&hub.challenge=42"));
    expect([ok.status, await ok.text()]).toEqual([200, "42"]);
    const wrong = await handle(new Request("https://bot.test/webhook?hub.mode=subscribe&hub.verify_token=no&hub.challenge=42"));
    expect(wrong.status).toBe(403);
    expect((await post(handle, body, await signatureOf(body, appSecret))).status).toBe(500);
  });

  it("needs an app secret and onEvents", () => {
    expect(() => webhookHandler({ appSecret: "", onEvents: () => {} })).toThrow("appSecret is required");
  });
});

describe("nodeWebhookHandler ((req, res) for node:http and Express)", () => {
  // Closed after each test, passed or failed: a failed assertion must not leave a server listening.
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  async function serve(handler: ReturnType<typeof nodeWebhookHandler>, parsedBody?: unknown) {
    const server = createServer((req, res) => {
      if (parsedBody !== undefined) {
        // What a body parser mounted earlier leaves: the stream read, `body` set.
        req.resume();
        req.on("end", () => handler(Object.assign(req, { body: parsedBody }), res));
      } else handler(req, res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const send = (method: string, path: string, payload?: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (response) => {
          let text = "";
          response.on("data", (chunk) => {
            text += chunk;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        });
        request.on("error", reject);
        request.end(payload);
      });
    return { send, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }; // close() again in afterEach is harmless
  }

  it("reads the raw body itself: a signed batch is taken; a flipped byte is refused", async () => {
    const events: WebhookEvent[] = [];
    const { send, close } = await serve(nodeWebhookHandler(options(events)));
    const signature = await signatureOf(body, appSecret);
    expect(await send("POST", "/webhook", body, { "X-Hub-Signature-256": signature })).toEqual({ status: 200, text: "OK" });
    expect(events).toHaveLength(9);
    const flipped = body.replace("Rate limit hit", "Rate limit hiT");
    expect((await send("POST", "/webhook", flipped, { "X-Hub-Signature-256": signature })).status).toBe(403);
    expect(await send("GET", "/webhook?hub.mode=subscribe&hub.verify_token=vt&hub.challenge=abc")).toEqual({ status: 200, text: "abc" });
    await close();
  });

  it("uses express.raw()'s Buffer, and says what to do when express.json() ran first", async () => {
    const events: WebhookEvent[] = [];
    const raw = await serve(nodeWebhookHandler(options(events)), Buffer.from(body));
    expect((await raw.send("POST", "/webhook", body, { "X-Hub-Signature-256": await signatureOf(body, appSecret) })).status).toBe(200);
    await raw.close();
    const parsed = await serve(nodeWebhookHandler(options(events)), JSON.parse(body));
    const answer = await parsed.send("POST", "/webhook", body, { "X-Hub-Signature-256": await signatureOf(body, appSecret) });
    expect(answer.status).toBe(500);
    expect(answer.text).toContain("the body was parsed before the handler (express.json()?)");
    await parsed.close();
    expect(events).toHaveLength(9);
  });
});
