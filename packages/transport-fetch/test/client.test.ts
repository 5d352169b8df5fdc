import { createServer } from "node:net";
import { inspect } from "node:util";
import { describe, expect, it } from "@jest/globals";
import { msg, PayloadError } from "@wacompose/builder";
import type { EmulatorOptions } from "@wacompose/emulator";
import {
  type ClientOptions,
  createClient,
  type FetchLike,
  GraphApiError,
  NetworkError,
  TimeoutError,
  UnexpectedResponseError,
} from "../src/index.js";
import { emulatorsClosedAfterEach } from "./support/emulators.js";

const token = "EAAG-very-secret-token";
const phoneNumberId = "106540352242922";
const text = msg.to("16505551234").text("Your order shipped");
const startEmulator = emulatorsClosedAfterEach({ accessToken: token, seed: 7 });

async function setup(options: EmulatorOptions = {}, client: Partial<ClientOptions> = {}) {
  const emulator = await startEmulator(options);
  const wa = createClient({
    phoneNumberId,
    accessToken: token,
    version: "v23.0",
    baseUrl: emulator.url,
    retry: { baseDelayMs: 1, maxDelayMs: 50 },
    ...client,
  });
  return { emulator, wa };
}

/** A loopback port with nothing listening: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const failure = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("send", () => {
  it("sends a builder and returns the typed answer", async () => {
    const { emulator, wa } = await setup();
    const result = await wa.send(text);
    expect(result.messages[0]?.id).toMatch(/^wamid\./);
    expect(result.contacts[0]).toEqual({ input: "16505551234", wa_id: "16505551234" });
    expect(emulator.received).toHaveLength(1);
    expect(emulator.received[0]?.body).toEqual(text.build());
  });

  it("sends built bodies and marks messages as read", async () => {
    const { emulator, wa } = await setup();
    await wa.send(text.build());
    expect(await wa.markRead("wamid.1", { typing: true })).toEqual({ success: true });
    expect(emulator.received[1]?.body).toEqual({
      messaging_product: "whatsapp",
      status: "read",
      message_id: "wamid.1",
      typing_indicator: { type: "text" },
    });
  });

  it("validates builders before sending anything", async () => {
    const { emulator, wa } = await setup();
    expect(await failure(wa.send(msg.to("16505551234").text("")))).toBeInstanceOf(PayloadError);
    expect(emulator.received).toHaveLength(0);
  });

  it.each([
    [429, 4],
    [429, 80007],
    [429, 130429],
    [400, 131056],
  ])("retries HTTP %i with throttling code %i, then succeeds", async (status, code) => {
    const { emulator, wa } = await setup({ script: [{ status, code }, "accept"] });
    const result = await wa.send(text);
    expect(result.messages[0]?.id).toMatch(/^wamid\./);
    expect(emulator.received.map((r) => r.status)).toEqual([status, 200]);
  });

  it("retries transient 5xx Graph errors", async () => {
    const { emulator, wa } = await setup({ script: [{ status: 503, code: 131016 }, { status: 500, code: 2 }, "accept"] });
    await wa.send(text);
    expect(emulator.received.map((r) => r.status)).toEqual([503, 500, 200]);
  });

  it("does not retry a 4xx that will fail again", async () => {
    const { emulator, wa } = await setup({ script: [{ status: 400, code: 131047 }, "accept"] });
    const error = await failure(wa.send(text));
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ name: "GraphApiError", status: 400, code: 131047, retryable: false, mayHaveBeenDelivered: false });
    expect(emulator.received).toHaveLength(1);
  });

  it("gives up after the retry limit with the last error", async () => {
    const { emulator, wa } = await setup({ script: Array(5).fill({ status: 429, code: 130429 }) }, { retry: { limit: 2, baseDelayMs: 1 } });
    expect(await failure(wa.send(text))).toMatchObject({ name: "GraphApiError", code: 130429, retryable: true });
    expect(emulator.received).toHaveLength(3);
  });

  it("honours Retry-After, and gives up when it is longer than maxDelayMs", async () => {
    const { emulator, wa } = await setup(
      { script: [{ status: 429, code: 130429, retryAfterSeconds: 0.3 }, "accept"] },
      { retry: { maxDelayMs: 1000 } },
    );
    const started = Date.now();
    await wa.send(text);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(emulator.received).toHaveLength(2);
    const { wa: impatient } = await setup({ script: [{ status: 429, code: 130429, retryAfterSeconds: 60 }, "accept"] });
    expect(await failure(impatient.send(text))).toMatchObject({ code: 130429, retryAfterMs: 60_000 });
  });

  it("never retries a timeout after the request was sent", async () => {
    const { emulator, wa } = await setup({ script: ["hang", "accept"] }, { timeoutMs: 200 });
    const error = await failure(wa.send(text));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: "TimeoutError", mayHaveBeenDelivered: true });
    expect((error as Error).message).toContain("may have been delivered");
    expect(emulator.received).toHaveLength(1);
  });

  it("never retries a connection dropped after the request was sent", async () => {
    const { emulator, wa } = await setup({ script: ["drop", "accept"] });
    const error = await failure(wa.send(text));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ name: "NetworkError", mayHaveBeenDelivered: true });
    expect(emulator.received).toHaveLength(1);
  });

  it("retries a refused connection (nothing was sent), then succeeds", async () => {
    const { emulator } = await setup();
    const refused = `http://127.0.0.1:${await closedPort()}`;
    let attempts = 0;
    const flaky: FetchLike = (url, init) => {
      attempts++;
      return fetch(attempts === 1 ? url.replace(emulator.url, refused) : url, init);
    };
    const wa = createClient({
      phoneNumberId,
      accessToken: token,
      version: "v23.0",
      baseUrl: emulator.url,
      fetch: flaky,
      retry: { baseDelayMs: 1 },
    });
    await wa.send(text);
    expect(attempts).toBe(2);
    expect(emulator.received).toHaveLength(1);

    const down = createClient({
      phoneNumberId,
      accessToken: token,
      version: "v23.0",
      baseUrl: refused,
      retry: { limit: 1, baseDelayMs: 1 },
    });
    expect(await failure(down.send(text))).toMatchObject({ name: "NetworkError", reason: "ECONNREFUSED", mayHaveBeenDelivered: false });
  });

  it("turns HTML error pages and malformed JSON into clear errors", async () => {
    const { emulator, wa } = await setup({
      script: [
        { status: 502, body: "<html><body><h1>502 Bad Gateway</h1></body></html>" },
        { status: 200, body: '{"messaging_product":"whatsapp","messages":[{"id":', contentType: "application/json" },
      ],
    });
    const html = await failure(wa.send(text));
    expect(html).toBeInstanceOf(UnexpectedResponseError);
    expect((html as Error).message).toBe(
      "HTTP 502 Bad Gateway with a body that is not the Graph API's JSON: <html><body><h1>502 Bad Gateway</h1></body></html>" +
        "; the message may have been accepted, so it was not resent — check before sending it again",
    );
    const truncated = await failure(wa.send(text));
    expect(truncated).toMatchObject({ name: "UnexpectedResponseError", status: 200, mayHaveBeenDelivered: true });
    expect((truncated as Error).message).toContain("the message may have been accepted (the status says so)");
    expect(emulator.received).toHaveLength(2); // neither was retried
  });

  it("never shows the access token: messages, toString, JSON, inspect, stacks", async () => {
    const { emulator, wa } = await setup({
      script: [{ status: 400, code: 190, message: `token ${token} is invalid` }, { status: 500, body: `echo ${token}` }, "drop", "hang"],
    });
    // Only the hanging request meets the short timeout: on a busy host an answer can take longer than 200 ms.
    const impatient = createClient({ phoneNumberId, accessToken: token, version: "v23.0", baseUrl: emulator.url, timeoutMs: 200 });
    const errors = [
      await failure(wa.send(text)),
      await failure(wa.send(text)),
      await failure(wa.send(text)),
      await failure(impatient.send(text)),
    ];
    errors.push(await failure(Promise.resolve().then(() => createClient({ phoneNumberId, accessToken: token, version: "23" }))));
    expect(errors.map((e) => (e as Error).name)).toEqual([
      "GraphApiError",
      "UnexpectedResponseError",
      "NetworkError",
      "TimeoutError",
      "TypeError",
    ]);
    for (const error of errors) {
      for (const view of [
        String(error),
        JSON.stringify(error),
        inspect(error, { showHidden: true, depth: 10 }),
        (error as Error).stack ?? "",
      ]) {
        expect(view).not.toContain(token);
      }
    }
    for (const client of [wa, impatient])
      expect(inspect(client, { showHidden: true, depth: 10 }) + JSON.stringify(client)).not.toContain(token);
  });
});

describe("sendMany", () => {
  // 1,000 loopback round trips: on a busy shared host they take longer than jest's default 5 s, so the time limit is generous (the assertions are about counts, not time).
  it("accounts for every one of 1,000 messages exactly once with 10% injected failures", async () => {
    const { emulator, wa } = await setup({ serverErrorRate: 0.1, seed: 42 }, { retry: false });
    const messages = Array.from({ length: 1000 }, (_, i) => msg.to("16505551234").text(`message ${i}`));
    const results = await wa.sendMany(messages, { concurrency: 16, perSecond: 100_000 });
    expect(results).toHaveLength(1000);
    expect(results.map((r) => r.index)).toEqual(messages.map((_, i) => i));
    const sent = results.filter((r) => r.status === "sent");
    const failed = results.filter((r) => r.status === "failed");
    expect(sent.length + failed.length).toBe(1000);
    expect(failed.length).toBeGreaterThan(50);
    expect(failed.length).toBeLessThan(150);
    expect(failed.every((r) => r.status === "failed" && r.error instanceof GraphApiError && r.error.code === 131016)).toBe(true);
    // The emulator saw each message once, and accepted exactly the ones reported sent.
    expect(emulator.received).toHaveLength(1000);
    const accepted = emulator.received.filter((r) => r.outcome === "accepted").map((r) => r.wamid);
    const ids = sent.map((r) => (r.status === "sent" ? r.result.messages[0]?.id : undefined));
    expect(new Set(ids)).toEqual(new Set(accepted));
    expect(new Set(ids).size).toBe(sent.length);
    const bodies = emulator.received.map((r) => (r.body as { text: { body: string } }).text.body);
    expect(new Set(bodies).size).toBe(1000);
  }, 60_000); // 1,000 round trips: 5 s is too short on a busy host (it timed out at 2 cores shared by 7)

  it("paces starts to perSecond", async () => {
    const { emulator, wa } = await setup();
    const started = Date.now();
    await wa.sendMany(
      Array.from({ length: 11 }, () => text),
      { perSecond: 50, concurrency: 4 },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190); // 10 intervals of 20 ms
    expect(emulator.received).toHaveLength(11);
  });
});
