import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "@jest/globals";
import { graphErrorCodes } from "@wacompose/builder";
import { nodeWebhookHandler, type WebhookEvent } from "@wacompose/webhooks";
import type { Emulator } from "../src/index.js";
import { listenReleased, releasedAfterEach, startReleased } from "./support/released.js";

const appSecret = "control-test-secret";
const user = "16505551234";
const open = releasedAfterEach();

async function receiver(): Promise<{ url: string; events: WebhookEvent[] }> {
  const events: WebhookEvent[] = [];
  const handle = nodeWebhookHandler({ appSecret, onEvents: (batch) => void events.push(...batch), onRejected: () => undefined });
  return { url: `${await listenReleased(open, createServer(handle))}/webhook`, events };
}

async function setup(withWebhook = true): Promise<{ emulator: Emulator; events: WebhookEvent[] }> {
  const hook = withWebhook ? await receiver() : undefined;
  const emulator = await startReleased(open, {
    ...(hook === undefined ? {} : { webhook: { url: hook.url, appSecret, statuses: { delaysMs: { sent: 1, delivered: 2, read: 3 } } } }),
  });
  return { emulator, events: hook?.events ?? [] };
}

const post = async (emulator: Emulator, path: string, body?: unknown, type = "application/json") => {
  const response = await fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": type },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const send = (emulator: Emulator, body: unknown) =>
  fetch(`${emulator.url}/v23.0/106540352242922/messages`, {
    method: "POST",
    headers: { Authorization: "Bearer test-token", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
const text = (to: string, body: string) => ({ messaging_product: "whatsapp", to, type: "text", text: { body } });

describe("the control API: what a Node test does in process, over HTTP", () => {
  it("POST /__clock/advance moves the emulator's clock: the 24-hour window closes", async () => {
    const { emulator, events } = await setup();
    expect((await post(emulator, "/__user", { action: "says", to: user, text: "hi", name: "Ana" })).status).toBe(200);
    const before = emulator.clock.now();
    const advanced = await post(emulator, "/__clock/advance", { by: "25h" });
    expect(advanced.status).toBe(200);
    expect(Date.parse(String(advanced.body.now)) - before).toBeGreaterThanOrEqual(25 * 3_600_000);
    await send(emulator, text(user, "too late"));
    await post(emulator, "/__idle");
    const statuses = events.filter((event) => event.kind === "status");
    expect(statuses.map((event) => (event.kind === "status" ? [event.status, event.errors?.[0]?.code] : []))).toEqual([
      ["failed", graphErrorCodes.reengagementWindow],
    ]);
    const names = events.flatMap((event) => (event.kind === "message" ? [event.contact?.profile?.name] : []));
    expect(names).toEqual(["Ana"]);
  });

  it("POST /__clock/advance refuses a jump past 10 years (which once broke every later call), and POST /__reset sets the clock back", async () => {
    const { emulator } = await setup();
    const huge = await post(emulator, "/__clock/advance", { by: 1e308 });
    expect(huge.status).toBe(400);
    expect(huge.body.error).toMatch(
      /^\/__clock\/advance: clock\.advance: 1e\+308 would put the clock .* days ahead, over the limit of 10 years/,
    );
    expect((await post(emulator, "/__clock/advance", { by: "99999999999999999999d" })).status).toBe(400);
    expect((await post(emulator, "/__clock/advance", { by: "3000d" })).status).toBe(200);
    const over = await post(emulator, "/__clock/advance", { by: "700d" }); // 3,700 days in all
    expect([over.status, over.body.error]).toEqual([400, expect.stringMatching(/700d would put the clock 3700 days ahead/)]);
    expect((await post(emulator, "/__user", { action: "says", to: user, text: "still works" })).status).toBe(200);
    expect((await send(emulator, text(user, "reply"))).status).toBe(200);
    expect(emulator.clock.now() - Date.now()).toBeGreaterThanOrEqual(3000 * 86_400_000 - 60_000);
    await post(emulator, "/__reset");
    expect(Math.abs(emulator.clock.now() - Date.now())).toBeLessThan(3_600_000); // real time again, whatever the load
    expect((await post(emulator, "/__clock/advance", { by: "3649d" })).status).toBe(200);
  });

  it("POST /__fail-next fails the next accepted message with that code, once", async () => {
    const { emulator, events } = await setup();
    await post(emulator, "/__user", { action: "says", to: user, text: "hi" });
    expect((await post(emulator, "/__fail-next", { code: 131026 })).body).toEqual({ code: 131026, count: 1 });
    await send(emulator, text(user, "one"));
    await send(emulator, text(user, "two"));
    await post(emulator, "/__idle");
    const failed = events.filter((event) => event.kind === "status" && event.status === "failed");
    expect(failed).toHaveLength(1);
    expect(events.filter((event) => event.kind === "status" && event.status === "read")).toHaveLength(1);
  });

  it("POST /__reset forgets what was received; POST /__idle answers once deliveries are done", async () => {
    const { emulator } = await setup();
    await post(emulator, "/__user", { action: "says", to: user, text: "hi" });
    await send(emulator, text(user, "hello"));
    expect(emulator.received).toHaveLength(1);
    expect((await post(emulator, "/__reset")).body).toEqual({ received: 0 });
    expect(await (await fetch(`${emulator.url}/__received`)).json()).toEqual([]);
    const idle = await post(emulator, "/__idle");
    expect(idle.body.deliveries).toBe(4); // the user's message, then sent, delivered, read
    const log = (await (await fetch(`${emulator.url}/__deliveries`)).json()) as { state: string }[];
    expect(log.map((delivery) => delivery.state)).toEqual(["delivered", "delivered", "delivered", "delivered"]);
  });

  it("refuses what is not a control request: wrong method, not JSON, too large, bad fields, no webhook", async () => {
    const { emulator } = await setup();
    const get = await fetch(`${emulator.url}/__reset`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect(await post(emulator, "/__reset", "x=1", "application/x-www-form-urlencoded")).toEqual({
      status: 415,
      body: { error: "/__reset: Content-Type must be application/json" },
    });
    expect((await post(emulator, "/__clock/advance", { by: "x".repeat(70_000) })).status).toBe(413);
    expect((await post(emulator, "/__clock/advance", "[1]")).body.error).toMatch(/must be a JSON object/);
    expect((await post(emulator, "/__clock/advance", { by: "soon" })).body.error).toMatch(/clock\.advance: a duration like 25h/);
    expect((await post(emulator, "/__clock/advance", { by: -5 })).status).toBe(400);
    expect((await post(emulator, "/__fail-next", { code: "131026" })).body.error).toMatch(/"code" is a Graph error code/);
    expect((await post(emulator, "/__fail-next", { code: 131026, count: 0 })).body.error).toMatch(/"count" is a whole number/);
    expect((await post(emulator, "/__fail-next", { code: 131026, count: 1e9 })).status).toBe(400);
    const bare = (await setup(false)).emulator;
    expect(await post(bare, "/__fail-next", { code: 131026 })).toEqual({
      status: 404,
      body: { error: "/__fail-next: start the emulator with a webhook (--webhook-url and --app-secret) to play the user's side" },
    });
    // The command-line user is told which flags, as for /__fail-next.
    expect(await post(bare, "/__user", { action: "says", to: user, text: "hi" })).toEqual({
      status: 404,
      body: { error: "/__user: start the emulator with a webhook (--webhook-url and --app-secret) to act as the user" },
    });
  });

  it("the delivery log keeps the receiver's answer (at most 500 characters) and why a POST got none", async () => {
    const refusing = createServer(
      (_request, response) => void response.writeHead(403).end(`the signature does not match${"!".repeat(2000)}`),
    );
    const refusingUrl = await listenReleased(open, refusing);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    for (const [url, expected] of [
      [`${refusingUrl}/`, { status: 403, answer: `the signature does not match${"!".repeat(472)}…` }],
      [`http://127.0.0.1:${closedPort}/`, { error: expect.stringMatching(/^connect ECONNREFUSED/) }],
    ] as const) {
      const emulator = await startReleased(open, { webhook: { url, appSecret, retryDelaysMs: [] } });
      emulator.user(user).says("hi");
      await emulator.webhooks.idle();
      const [attempt] = emulator.webhooks.log[0]?.attempts ?? [];
      expect(attempt).toMatchObject(expected);
      expect(emulator.webhooks.log[0]?.state).toBe("failed");
    }
  });

  it("checks the Host header on control routes too (a DNS-rebound page cannot drive the emulator)", async () => {
    const { emulator } = await setup();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${emulator.url}/__reset`,
        { method: "POST", headers: { Host: "evil.example:80", "Content-Type": "application/json" } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end("{}");
    });
    expect(status).toBe(403);
  });
});
