import { createServer, request as httpRequest } from "node:http";
import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { msg } from "@wacompose/builder";
import type { Delivery, DeliveryAttempt, Emulator, EmulatorOptions } from "../src/index.js";
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

describe("a callback that fails on every call (under load)", () => {
  it("writes its first 5 faults, then one line saying the rest are counted; callbackFaults counts all; close() gives the total", async () => {
    const emulator = await startReleased(open, { onRequest: thrower("always"), onRefused: thrower("also") });
    for (let i = 0; i < 20; i++) expect((await post(emulator.url)).status).toBe(200);
    for (let i = 0; i < 7; i++) expect((await post(emulator.url, { Authorization: "Bearer wrong" })).status).toBe(401);
    expect(emulator.callbackFaults).toEqual({ onRequest: 20, onRefused: 7, "webhook.onAttempt": 0 });
    const lines = (name: string) => stderr.filter((line) => line.startsWith(`wacompose emulator: ${name} `));
    // Each callback has its own five: one that fails often does not silence another.
    expect(lines("onRequest")).toEqual([
      ...Array.from({ length: 5 }, () => expect.stringMatching(/onRequest threw, ignored .*: Error: always\n$/)),
      "wacompose emulator: onRequest threw again; further faults of onRequest are counted, not printed (emulator.callbackFaults; the total when the emulator closes)\n",
    ]);
    expect(lines("onRefused")).toHaveLength(6);
    expect(stderr).toHaveLength(12);
    await emulator.close();
    expect(stderr.slice(12)).toEqual([
      "wacompose emulator: onRequest threw 20 times in all (the first 5 shown above)\n",
      "wacompose emulator: onRefused threw 7 times in all (the first 5 shown above)\n",
    ]);
  });

  it("rejections are counted the same way; a callback within its five gets no total at close", async () => {
    const emulator = await startReleased(open, { onRequest: async () => Promise.reject(new Error("db down")), onRefused: thrower("x") });
    for (let i = 0; i < 8; i++) expect((await post(emulator.url)).status).toBe(200);
    expect((await post(emulator.url, { Authorization: "Bearer wrong" })).status).toBe(401);
    await until(() => emulator.callbackFaults.onRequest === 8, "the rejections");
    expect(stderr).toHaveLength(7); // 5 + the "counted" line + onRefused's one
    await emulator.close();
    expect(stderr.slice(7)).toEqual(["wacompose emulator: onRequest threw 8 times in all (the first 5 shown above)\n"]);
  });

  it("callbackFaults is a snapshot: changing it changes nothing", async () => {
    const emulator = await startReleased(open, { onRequest: thrower("x") });
    await post(emulator.url);
    (emulator.callbackFaults as { onRequest: number }).onRequest = 0;
    expect(emulator.callbackFaults.onRequest).toBe(1);
  });
});

describe("a callback that changes what it is given", () => {
  it("onRequest: received, the statuses and the taps keep what came, whether it throws or not", async () => {
    const bodies: string[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        bodies.push(body);
        response.writeHead(200).end();
      });
    });
    const url = await listenReleased(open, server);
    let calls = 0;
    const emulator = await startReleased(open, {
      webhook: { url, appSecret: "secret", window: false, statuses: { delaysMs: { sent: 0, delivered: 0, read: false } } },
      onRequest: (request) => {
        const body = request.body as { to: string; interactive: { action: { buttons: { reply: { id: string } }[] } } };
        body.to = "19990000000";
        const reply = body.interactive.action.buttons[0]?.reply;
        if (reply !== undefined) reply.id = "changed";
        (request as { outcome: string }).outcome = "rejected";
        if (++calls % 2 === 0) throw new Error("after changing it");
      },
    });
    const buttons = msg.to("16505551234").buttons("Pick").reply("yes", "Yes").build();
    for (let i = 0; i < 2; i++) {
      const answer = await post(emulator.url, undefined, JSON.stringify(buttons));
      expect(answer.status).toBe(200);
    }
    expect(emulator.received.map((entry) => entry.outcome)).toEqual(["accepted", "accepted"]);
    expect(emulator.received.map((entry) => entry.body)).toEqual([buttons, buttons]);
    // The id the message offered is still the one a tap may carry; the status went to the recipient that was sent to.
    const wamid = emulator.received[0]?.wamid as string;
    emulator.user("16505551234").taps(wamid, "yes");
    expect(() => emulator.user("16505551234").taps(wamid, "changed")).toThrow(/offered no button "changed"/);
    await emulator.webhooks.idle();
    expect(bodies.some((body) => body.includes('"recipient_id":"16505551234"'))).toBe(true);
    expect(bodies.some((body) => body.includes("19990000000"))).toBe(false);
  });

  it("webhook.onAttempt: the delivery's state, attempts, payload and bytes, and the inbox, stay the emulator's", async () => {
    let posts = 0;
    const server = createServer((request, response) => {
      posts++;
      request.resume();
      request.on("end", () => response.writeHead(503).end());
    });
    const url = await listenReleased(open, server);
    const emulator = await startReleased(open, {
      webhook: {
        url,
        appSecret: "secret",
        window: false,
        retryDelaysMs: [0, 0],
        onAttempt: (delivery, attempt) => {
          const changed = delivery as { -readonly [K in keyof Delivery]: Delivery[K] };
          changed.state = "delivered"; // were it the emulator's, the retries would stop and the log would lie
          changed.body = "{}";
          (changed.attempts as DeliveryAttempt[]).length = 0;
          const value = (changed.payload as { entry: { changes: { value: { messages: { text: { body: string } }[] } }[] }[] }).entry[0]
            ?.changes[0]?.value;
          const text = value?.messages[0]?.text;
          if (text !== undefined) text.body = "forged in a callback";
          (attempt as { status: number }).status = 200;
        },
      },
    });
    const { delivery } = emulator.user("16505551234").says("hello");
    const body = delivery.body;
    await emulator.webhooks.idle();
    expect(posts).toBe(3);
    expect(delivery.state).toBe("failed");
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([503, 503, 503]);
    expect(delivery.body).toBe(body);
    expect(JSON.stringify(delivery.payload)).toContain('"body":"hello"');
    const inbox = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(inbox).toContain("hello");
    expect(inbox).not.toContain("forged in a callback");
  });

  it("onRefused gets what it may change: the next refusal is told the same", async () => {
    const seen: string[] = [];
    const emulator = await startReleased(open, {
      onRefused: (request) => {
        seen.push(request.reason);
        (request as { reason: string }).reason = "changed";
      },
    });
    for (let i = 0; i < 2; i++) expect((await post(emulator.url, {})).status).toBe(401);
    expect(seen).toEqual(["no Authorization header", "no Authorization header"]);
  });
});
