import { createServer, request as httpRequest } from "node:http";
import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { msg } from "@wacompose/builder";
import type { Emulator, EmulatorOptions } from "../src/index.js";
import { listenReleased, releasedAfterEach, startReleased } from "./support/released.js";

// A user's callback that throws must change nothing the client sees or the emulator keeps: an accepted message
// answered 500 (code 1, retryable) would be sent twice by the app; a 401 turned into a 500 hides the real mistake.
const open = releasedAfterEach();
const path = "/v23.0/106540352242922/messages";
const text = JSON.stringify(msg.to("16505551234").text("hi").build());
const post = (url: string, headers: Record<string, string> = { Authorization: "Bearer test-token" }, body = text) =>
  fetch(`${url}${path}`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
const thrower = (message: string) => () => {
  throw new Error(message);
};

/** What the emulator writes to stderr meanwhile (captured, not printed). */
let stderr: string[] = [];
beforeEach(() => {
  stderr = [];
  jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting: ${what}`);
}

describe("onRequest throws", () => {
  it("the client still gets the 200 and wamid, received keeps it, its bound holds; stderr says so", async () => {
    const emulator: Emulator = await startReleased(open, { maxReceived: 2, onRequest: thrower("the log is full") });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await post(emulator.url));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const ids = await Promise.all(answers.map(async (answer) => ((await answer.json()) as { messages: { id: string }[] }).messages[0]?.id));
    // The bound applied after each one (the third pushed the first out), and each entry is the answer given.
    expect(emulator.received.map((entry) => [entry.outcome, entry.wamid])).toEqual([
      ["accepted", ids[1]],
      ["accepted", ids[2]],
    ]);
    expect(stderr).toHaveLength(3);
    expect(stderr[0]).toBe(
      "wacompose emulator: onRequest threw, ignored (the answer and the records are as if it had not): Error: the log is full\n",
    );
  });

  it("a rejected or a scripted answer stays what it was: 400 with its code, a dropped connection", async () => {
    const emulator = await startReleased(open, { script: ["drop"], onRequest: thrower("no") });
    await expect(post(emulator.url)).rejects.toThrow(); // dropped: no answer at all, not a 500
    const rejected = await post(emulator.url, undefined, "{nope");
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as { error: { code: number } }).error.code).toBe(100);
    expect(emulator.received.map((entry) => entry.outcome)).toEqual(["dropped", "rejected"]);
    expect(stderr).toHaveLength(2);
  });

  it("an async callback that rejects is reported, not an unhandled rejection", async () => {
    const emulator = await startReleased(open, { onRequest: async () => Promise.reject(new Error("db down")) });
    expect((await post(emulator.url)).status).toBe(200);
    await until(() => stderr.length > 0, "the report");
    expect(stderr).toEqual([expect.stringMatching(/onRequest threw.*: Error: db down\n$/)]);
  });

  it("what it threw is one line, whatever it is: a line break escaped, an unprintable value named", async () => {
    const unprintable = Object.create(null) as object;
    const thrown: unknown[] = ["two\nlines", unprintable, Symbol("s"), { name: 5, message: "odd" }];
    let n = 0;
    const emulator = await startReleased(open, {
      onRequest: () => {
        throw thrown[n++];
      },
    });
    for (let i = 0; i < thrown.length; i++) expect((await post(emulator.url)).status).toBe(200);
    expect(stderr.map((line) => line.slice(line.lastIndexOf("): ") + 3))).toEqual([
      "two\\u000Alines\n",
      "a value that cannot be printed\n",
      "Symbol(s)\n",
      "Error: odd\n",
    ]);
  });
});

describe("a callback given as null (JavaScript: `onRequest: verbose ? log : null`)", () => {
  it("is skipped, as `?.` skipped it before: no 'threw' line on stderr per request", async () => {
    const emulator = await startReleased(open, { onRequest: null, onRefused: null } as never);
    expect((await post(emulator.url)).status).toBe(200);
    expect((await post(emulator.url, { Authorization: "Bearer wrong" })).status).toBe(401);
    expect(emulator.received).toHaveLength(1);
    expect(stderr).toEqual([]);
  });
});

describe("onRefused throws", () => {
  it("a wrong token is still a 401 with code 190, a Host not served still a 403; nothing kept; stderr says so", async () => {
    const emulator = await startReleased(open, { onRefused: thrower("no") });
    const unauthorized = await post(emulator.url, { Authorization: "Bearer wrong" });
    expect(unauthorized.status).toBe(401);
    expect(((await unauthorized.json()) as { error: { code: number } }).error.code).toBe(190);
    const media = await fetch(`${emulator.url}/v23.0/106540352242922/media`, { method: "POST" });
    expect(media.status).toBe(401);
    await media.body?.cancel();
    const templates = await fetch(`${emulator.url}/v23.0/102290129340398/message_templates`);
    expect(templates.status).toBe(401);
    await templates.body?.cancel();
    const large = await post(emulator.url, undefined, JSON.stringify({ padding: "x".repeat(2 << 20) }));
    expect(large.status).toBe(413);
    // fetch sets Host itself: node:http sends the one given.
    const hostStatus = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(`${emulator.url}/__received`, { headers: { Host: "evil.example" } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on("error", reject).end();
    });
    expect(hostStatus).toBe(403);
    expect(emulator.received).toEqual([]);
    expect(stderr).toHaveLength(5);
    expect(new Set(stderr)).toEqual(
      new Set(["wacompose emulator: onRefused threw, ignored (the answer and the records are as if it had not): Error: no\n"]),
    );
  });
});

describe("webhook.onAttempt throws", () => {
  it("a webhook the receiver took counts as delivered, once: no second POST, no extra attempt", async () => {
    let posts = 0;
    const server = createServer((request, response) => {
      posts++;
      request.resume();
      request.on("end", () => response.writeHead(200).end());
    });
    const url = await listenReleased(open, server);
    const options: EmulatorOptions = {
      webhook: { url, appSecret: "secret", window: false, retryDelaysMs: [0, 0], onAttempt: thrower("no") },
    };
    const emulator = await startReleased(open, options);
    const { delivery } = emulator.user("16505551234").says("hello");
    await until(() => delivery.state !== "pending", "the delivery");
    expect(delivery.state).toBe("delivered");
    expect(delivery.attempts).toEqual([{ at: expect.any(String), status: 200 }]);
    expect(posts).toBe(1);
    expect(stderr).toEqual([
      "wacompose emulator: webhook.onAttempt threw, ignored (the answer and the records are as if it had not): Error: no\n",
    ]);
  });
});
