import { describe, expect, it } from "@jest/globals";
import { msg, PayloadError } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { createClient, type FetchLike, NetworkError } from "../src/index.js";

// What a newcomer meets first: an emulator that is not running, and mark-as-read.
const text = msg.to("16505551234").text("hi");

describe("an emulator that is not running", () => {
  it("is 'nothing was sent', naming the URL, whether or not a connection was reused before", async () => {
    const emulator = await startEmulator({ accessToken: "t" });
    const url = `${emulator.url}/v23.0/106540352242922/messages`;
    const wa = createClient({ phoneNumberId: "106540352242922", accessToken: "t", version: "v23.0", baseUrl: emulator.url, retry: false });
    try {
      for (let i = 0; i < 3; i++) await wa.send(text); // kept-alive connections now exist
    } finally {
      await emulator.close(); // the subject of the test, and closed even when a send failed
    }
    const reused = await wa.send(text).catch((error: unknown) => error);
    const fresh = await createClient({
      phoneNumberId: "106540352242922",
      accessToken: "t",
      version: "v23.0",
      baseUrl: emulator.url,
      retry: false,
    })
      .send(text)
      .catch((error: unknown) => error);
    for (const error of [reused, fresh]) {
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ reason: "ECONNREFUSED", mayHaveBeenDelivered: false, url });
      expect((error as Error).message).toBe(
        `could not connect to ${url} (ECONNREFUSED); nothing was sent — is the server (or the emulator) running?`,
      );
    }
  });
});

describe("markRead goes through msg.markRead()", () => {
  it("checks the message id before any request, and sends the builder's body", async () => {
    const bodies: unknown[] = [];
    const fetch: FetchLike = async (_url, init) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response('{"success":true}', { status: 200 });
    };
    const wa = createClient({ phoneNumberId: "1", accessToken: "t", version: "v23.0", fetch });
    await expect(wa.markRead("w".repeat(200))).rejects.toThrow(PayloadError);
    await expect(wa.markRead(undefined as unknown as string)).rejects.toThrow("message_id");
    expect(bodies).toHaveLength(0);
    expect(await wa.markRead("wamid.1", { typing: true })).toEqual({ success: true });
    expect(bodies).toEqual([msg.markRead("wamid.1").typing().build()]);
  });
});
