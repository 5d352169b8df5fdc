import { request } from "node:http";
import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import { type Emulator, type EmulatorOptions, startEmulator } from "../src/index.js";
import { releasedAfterEach, startReleased } from "./support/released.js";

// What the emulator does with requests that should never get far: each case once broke it.
const path = "/v23.0/106540352242922/messages";
const open = releasedAfterEach();
const start = (options: EmulatorOptions = {}): Promise<Emulator> => startReleased(open, { accessToken: "secret-token", ...options });
const post = (emulator: Emulator, body: string, headers: Record<string, string> = {}) =>
  fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { Authorization: "Bearer secret-token", "Content-Type": "application/json", ...headers },
    body,
  });
const text = JSON.stringify(msg.to("16505551234").text("hi").build());

/** A raw request with any Host header (fetch does not let a caller set it). */
function withHost(emulator: Emulator, host: string, method = "GET", target = "/"): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: emulator.port, method, path: target, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("emulator: at the door", () => {
  it("answers unauthenticated requests 401 and keeps nothing of them, before reading the body", async () => {
    const emulator = await start();
    const response = await post(emulator, JSON.stringify({ type: { odd: true }, to: "1" }), { Authorization: "Bearer wrong" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 190 } });
    expect(emulator.received).toHaveLength(0);
    expect((await fetch(`${emulator.url}/`)).status).toBe(200);
  });

  it("a body whose type is an object shows as an error bubble; the inbox page keeps answering", async () => {
    const emulator = await start();
    expect((await post(emulator, JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: { x: 1 } }))).status).toBe(400);
    expect((await post(emulator, JSON.stringify({ messaging_product: "whatsapp", to: { x: 1 }, type: "text", text: 5 }))).status).toBe(400);
    const page = await fetch(`${emulator.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("wa-invalid");
  });

  it("requires Content-Type: application/json (a web page's text/plain POST is not processed)", async () => {
    const emulator = await start();
    const response = await post(emulator, text, { "Content-Type": "text/plain" });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      error: { code: 100, error_data: { details: 'Content-Type must be application/json, got "text/plain"' } },
    });
    expect(emulator.received).toHaveLength(0);
    expect((await post(emulator, text, { "Content-Type": "application/json; charset=utf-8" })).status).toBe(200);
  });

  it("refuses a Host that is not its own (DNS rebinding), serves loopback names", async () => {
    const emulator = await start({ allowedHosts: ["wa.test"] });
    expect(await withHost(emulator, "attacker.example")).toBe(403);
    expect(await withHost(emulator, `attacker.example:${emulator.port}`, "POST", path)).toBe(403);
    expect(await withHost(emulator, `localhost:${emulator.port}`)).toBe(200);
    expect(await withHost(emulator, `127.0.0.1:${emulator.port}`)).toBe(200);
    expect(await withHost(emulator, "wa.test")).toBe(200);
  });

  it("caps bodies and keeps only the newest maxReceived requests", async () => {
    const emulator = await start({ maxReceived: 3 });
    const big = await post(emulator, JSON.stringify({ padding: "x".repeat(2 << 20) }));
    expect(big.status).toBe(413);
    for (let i = 0; i < 5; i++) await post(emulator, JSON.stringify(msg.to("16505551234").text(`m${i}`).build()));
    expect(emulator.received.map((r) => (r.body as { text: { body: string } }).text.body)).toEqual(["m2", "m3", "m4"]);
    await expect(startEmulator({ maxReceived: 0 })).rejects.toThrow("maxReceived must be a whole number ≥ 1");
  });

  it("listens on IPv6 loopback with a URL that works", async () => {
    const emulator = await start({ host: "::1" });
    expect(emulator.url).toBe(`http://[::1]:${emulator.port}`);
    expect((await post(emulator, text)).status).toBe(200);
  });
});

describe("emulator: what the API checks, and an inbox that shows it", () => {
  it("answers error 100 for a phone-number id it does not serve (a display number used as an id)", async () => {
    const emulator = await start({ phoneNumberIds: ["106540352242922"] });
    const response = await fetch(`${emulator.url}/v23.0/16505550000/messages`, {
      method: "POST",
      headers: { Authorization: "Bearer secret-token", "Content-Type": "application/json" },
      body: text,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 100,
        error_subcode: 33,
        message: expect.stringMatching(/^\(#100\) Unsupported post request\. Object with ID '16505550000' does not exist/),
      },
    });
    expect((await post(emulator, text)).status).toBe(200);
  });

  it("scripted codes come back with Meta's titles", async () => {
    const emulator = await start({
      script: [
        { status: 400, code: 131047 },
        { status: 400, code: 132001 },
      ],
    });
    expect(await (await post(emulator, text)).json()).toMatchObject({ error: { message: "(#131047) Re-engagement message" } });
    expect(await (await post(emulator, text)).json()).toMatchObject({
      error: { message: "(#132001) Template name does not exist in the translation" },
    });
  });

  it("shows failed sends as failed, with the error, and one conversation per person however the number was written", async () => {
    const emulator = await start({ script: [{ status: 400, code: 131047 }] });
    await post(emulator, JSON.stringify(msg.to("+1 (650) 555-1234").text("first").build()));
    await post(emulator, JSON.stringify(msg.to("16505551234").text("second").build()));
    const page = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(page.match(/class="wa-conversation"/g)).toHaveLength(1);
    expect(page).toContain("+16505551234");
    expect(page).toMatch(/class="wa-entry wa-failed" data-outcome="rejected">.*✗ rejected · HTTP 400 · \(#131047\) Re-engagement message/);
    expect(page).toMatch(/✓ accepted · HTTP 200/);
  });
});
