import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import {
  createMedia,
  createSender,
  type FetchLike,
  GraphApiError,
  NetworkError,
  retryWhenNotAccepted,
  sendMany,
  TimeoutError,
} from "../src/index.js";
import { emulatorsClosedAfterEach } from "./support/emulators.js";

// What the small path imports beside createSender, where used: sendMany over any sender, and the media endpoints.
const phoneNumberId = "106540352242922";
const token = "EAAG-very-secret-token";
const emulator = emulatorsClosedAfterEach({ accessToken: token, phoneNumberIds: [phoneNumberId] });
const text = (i: number) => msg.to("16505551234").text(`message ${i}`);

describe("sendMany (its own import)", () => {
  it("sends each message once through a sender, in order, a failure in its slot", async () => {
    const server = await emulator({ serverErrorRate: 0.2, seed: 7 });
    const wa = createSender({ phoneNumberId, accessToken: token, baseUrl: server.url });
    const results = await sendMany(
      wa,
      Array.from({ length: 40 }, (_, i) => text(i)),
      { concurrency: 4, perSecond: 100_000 },
    );
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    const failed = results.filter((r) => r.status === "failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.status === "failed" && r.error instanceof GraphApiError)).toBe(true);
    expect(server.received).toHaveLength(40); // no retry policy given: each once
  });

  it("refuses what is not a sender, not a list, or bad pacing, before any send", async () => {
    let sends = 0;
    const counting = { send: async (message: number) => ++sends + message };
    for (const sender of [null, undefined, {}, { send: "yes" }, () => {}])
      await expect(sendMany(sender as never, [1])).rejects.toThrow(
        "sendMany: sender must have a send(message) method, such as createSender(…) or createClient(…)",
      );
    for (const [messages, shown] of [
      [null, "null"],
      ["abc", "string"],
      [{ length: 2 }, "object"],
    ] as const)
      await expect(sendMany(counting, messages as never)).rejects.toThrow(`sendMany: messages must be an array, got ${shown}`);
    await expect(sendMany(counting, [1], { perSecond: 0 })).rejects.toThrow("sendMany: perSecond must be a number");
    await expect(sendMany(counting, [1], { concurrency: 1001 })).rejects.toThrow("sendMany: concurrency must be a whole number");
    expect(sends).toBe(0);
    await expect(sendMany(counting, [10, 20], { perSecond: 100_000 })).resolves.toEqual([
      { index: 0, status: "sent", result: 11 },
      { index: 1, status: "sent", result: 22 },
    ]);
  });
});

describe("createMedia (its own import)", () => {
  it("uploads, looks up and downloads with the sender's request path", async () => {
    const server = await emulator();
    const media = createMedia({ phoneNumberId, accessToken: token, baseUrl: server.url });
    const data = new Uint8Array(2048).map((_, i) => i % 251);
    data.set([0xff, 0xd8, 0xff, 0xe0]);
    const { id } = await media.upload(data, { type: "image/jpeg" });
    expect(await media.get(id)).toMatchObject({ id, mimeType: "image/jpeg", fileSize: 2048 });
    const download = await media.download(id);
    expect(new Uint8Array(await new Response(download.body).arrayBuffer())).toEqual(data);
  });

  it("checks its options and arguments naming itself, never echoing the token, before any request", async () => {
    const calls: string[] = [];
    const fetch: FetchLike = async (url) => {
      calls.push(url);
      return new Response("{}");
    };
    expect(() => createMedia({ phoneNumberId, accessToken: "", fetch })).toThrow("createMedia: accessToken is required");
    expect(() => createMedia({ phoneNumberId: token, accessToken: token, fetch })).toThrow(
      "createMedia: phoneNumberId must be the numeric id of the sending number",
    );
    expect(() => createMedia({ phoneNumberId, accessToken: token, fetch, mediaOrigins: ["http://evil.example"] })).toThrow(
      /^createMedia: mediaOrigins/,
    );
    expect(() => createMedia({ phoneNumberId, accessToken: token, fetch, retry: { limit: 3 } as never })).toThrow(
      "createMedia: retry must be a policy such as retryWhenNotAccepted({ limit: 3 }), or false; got object",
    );
    const media = createMedia({ phoneNumberId, accessToken: token, fetch });
    await expect(media.download("https://evil.example/file")).rejects.toThrow(/^media\.download/);
    await expect(media.get("../../me")).rejects.toThrow("media: a media id is digits");
    expect(calls).toEqual([]);
  });

  it("retries only with a policy, and only what certainly was not taken; times out per attempt", async () => {
    let calls = 0;
    const refusedThenHanging: FetchLike = (_url, init) => {
      calls++;
      if (calls === 1) return Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }));
      return new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    };
    const once = createMedia({ phoneNumberId, accessToken: token, fetch: refusedThenHanging });
    await expect(once.get("123")).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toBe(1);
    calls = 0;
    const retried = createMedia({
      phoneNumberId,
      accessToken: token,
      fetch: refusedThenHanging,
      timeoutMs: 20,
      retry: retryWhenNotAccepted({ baseDelayMs: 1, maxDelayMs: 5 }),
    });
    await expect(retried.get("123")).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toBe(2); // the refusal retried; the timeout (the request was sent) not
  });
});
