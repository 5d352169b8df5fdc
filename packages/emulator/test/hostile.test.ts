import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import { unframeable } from "../src/http.js";
import { type Emulator, type EmulatorOptions, startEmulator } from "../src/index.js";
import { releasedAfterEach, startReleased } from "./support/released.js";

// Every surface of the emulator that meets the network or a user, attacked as a flaky host or an
// attacker would: unbounded growth, slow or absent receivers, huge or deep bodies, wrong types,
// forged replies, bad paging, framing. Each case once broke it.

const appSecret = "hostile-secret";
const user = "16505551234";
const messagesPath = "/v23.0/106540352242922/messages";

/** A webhook endpoint that answers every POST with `answer` (after `delayMs`), or never ("hang"); it counts the POSTs open at once. */
async function receiver(answer: number | "hang" = 200, delayMs = 0) {
  const state = { bodies: [] as string[], posts: 0, open: 0, maxOpen: 0 };
  const server = createServer((request, response) => {
    state.posts++;
    state.open++;
    state.maxOpen = Math.max(state.maxOpen, state.open);
    response.on("close", () => state.open--); // answered, or the connection closed
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      state.bodies.push(Buffer.concat(chunks).toString("utf8"));
      if (answer !== "hang") setTimeout(() => response.writeHead(answer).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

const open = releasedAfterEach();

const start = (options: EmulatorOptions = {}): Promise<Emulator> => startReleased(open, options);

/** An emulator that plays the user's side toward `hook`, statuses within a few ms, no retries unless asked. */
type Receiver = Awaited<ReturnType<typeof receiver>>;

async function withWebhook(hook: Receiver, webhook: Partial<NonNullable<EmulatorOptions["webhook"]>> = {}, options: EmulatorOptions = {}) {
  open.push(hook);
  return start({
    ...options,
    webhook: {
      url: hook.url,
      appSecret,
      window: false,
      retryDelaysMs: [],
      statuses: { delaysMs: { sent: 1, delivered: 2, read: 3 } },
      ...webhook,
    },
  });
}

/** Waits for a condition, polling a bounded number of times; fails saying what it waited for. */
async function until(condition: () => boolean, what: string, tries = 1000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting: ${what}`);
}

const send = (emulator: Emulator, body: unknown) =>
  fetch(`${emulator.url}${messagesPath}`, {
    method: "POST",
    headers: { Authorization: "Bearer test-token", "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const actAsUser = (emulator: Emulator, body: unknown) =>
  fetch(`${emulator.url}/__user`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("hostile: unbounded growth", () => {
  it("the delivery log and GET /__deliveries keep the newest maxReceived deliveries", async () => {
    const hook = await receiver();
    const emulator = await withWebhook(hook, {}, { maxReceived: 10 });
    for (let i = 0; i < 60; i++) emulator.user(user).says(`m${i}`);
    for (let i = 0; i < 20; i++) await send(emulator, msg.to(user).text(`t${i}`).build()); // 3 statuses each
    await emulator.webhooks.idle();
    expect(hook.posts).toBe(120);
    expect(emulator.webhooks.log).toHaveLength(10);
    expect(emulator.webhooks.log.map((d) => d.id)).toEqual([111, 112, 113, 114, 115, 116, 117, 118, 119, 120]);
    const listed = (await (await fetch(`${emulator.url}/__deliveries`)).json()) as { id: number }[];
    expect(listed.map((d) => d.id)).toEqual(emulator.webhooks.log.map((d) => d.id));
    expect(() => emulator.webhooks.redeliver(3)).toThrow("redeliver: no delivery 3 (the log keeps the newest 10)");
  });

  it("deliveries waiting for a receiver that stopped answering are bounded (10,000): the oldest give up", async () => {
    const hook = await receiver("hang");
    const reported: string[] = [];
    const emulator = await withWebhook(
      hook,
      { timeoutMs: 60_000, concurrency: 1, onAttempt: (delivery, attempt) => void reported.push(`#${delivery.id} ${attempt.error}`) },
      { maxReceived: 5 },
    );
    const deliveries = Array.from({ length: 10_010 }, (_, i) => emulator.user(user).says(`m${i}`).delivery);
    await until(() => hook.posts === 1, "the first POST");
    const states = deliveries.map((d) => d.state);
    expect([states[0], new Set(states.slice(1, 10)), new Set(states.slice(10))]).toEqual([
      "pending", // at the receiver
      new Set(["failed"]), // the 9 oldest waiting
      new Set(["pending"]), // 10,000 waiting their turn
    ]);
    expect(deliveries[1]?.attempts).toEqual([
      { at: expect.any(String), error: "not sent: over 10000 deliveries were waiting for the receiver" },
    ]);
    // Each one that gave up is reported as it happens (the command prints it), not only kept in the log.
    expect(reported).toEqual(deliveries.slice(1, 10).map((d) => `#${d.id} not sent: over 10000 deliveries were waiting for the receiver`));
    await emulator.close();
    expect(deliveries.filter((d) => d.state === "pending")).toEqual([]);
  }, 30_000);
});

describe("hostile: slow or absent receivers", () => {
  it("a receiver that never answers holds `concurrency` POSTs (default 8), not one per webhook; close() aborts them and resolves", async () => {
    const hook = await receiver("hang");
    const emulator = await withWebhook(hook, { timeoutMs: 60_000 });
    for (let i = 0; i < 100; i++) expect((await send(emulator, msg.to(user).text(`m${i}`).build())).status).toBe(200);
    await until(() => emulator.webhooks.log.length === 300, "300 status webhooks");
    await until(() => hook.open === 8, "8 POSTs open at the receiver");
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 10)); // room to open more, if it would
    expect(hook.maxOpen).toBe(8);
    expect(hook.posts).toBe(8);

    await emulator.close();
    // Nothing is left under way: the 8 POSTs were aborted, the 292 waiting never sent; each says so.
    expect(emulator.webhooks.log.filter((d) => d.state !== "failed")).toEqual([]);
    const reasons = new Set(emulator.webhooks.log.map((d) => d.attempts.at(-1)?.error));
    expect(reasons).toEqual(new Set(["aborted: the emulator closed", "not sent: the emulator closed"]));
    await until(() => hook.open === 0, "the receiver's connections closed");
  });

  it("concurrency is per receiver and configurable; every webhook still arrives", async () => {
    const hook = await receiver(200, 20);
    const emulator = await withWebhook(hook, { concurrency: 2 });
    for (let i = 0; i < 30; i++) emulator.user(user).says(`m${i}`);
    await emulator.webhooks.idle();
    expect(hook.posts).toBe(30);
    expect(hook.maxOpen).toBe(2);
    expect(emulator.webhooks.log.every((d) => d.state === "delivered")).toBe(true);
  });

  it("a POST with no answer within timeoutMs fails that attempt, saying so", async () => {
    const hook = await receiver("hang");
    const emulator = await withWebhook(hook, { timeoutMs: 50, retryDelaysMs: [1] });
    const { delivery } = emulator.user(user).says("hi");
    await emulator.webhooks.idle();
    expect(delivery).toMatchObject({
      state: "failed",
      attempts: [{ error: "no answer within 50 ms" }, { error: "no answer within 50 ms" }],
    });
  });

  it("an absent receiver (nothing listens) fails each attempt with the cause, not fetch's 'fetch failed'", async () => {
    const gone = await receiver();
    await gone.close(); // its port now refuses connections
    const emulator = await start({ webhook: { url: gone.url, appSecret, retryDelaysMs: [1] } });
    const { delivery } = emulator.user(user).says("hi");
    await emulator.webhooks.idle();
    expect(delivery.state).toBe("failed");
    expect(delivery.attempts.map((a) => a.error)).toEqual([
      expect.stringMatching(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^connect ECONNREFUSED/),
    ]);
  });

  it("close() ends a delivery waiting to retry (a 10-minute backoff does not keep the process alive)", async () => {
    const hook = await receiver(500);
    const emulator = await withWebhook(hook, { retryDelaysMs: [600_000] });
    const { delivery } = emulator.user(user).says("hi");
    await until(() => delivery.attempts.length === 1, "the first attempt");
    await emulator.close();
    expect(delivery.state).toBe("failed");
    expect(delivery.attempts.map((a) => a.status ?? a.error)).toEqual([500, "not sent: the emulator closed"]);
  });

  it("redeliver of a pending delivery is refused (409 over HTTP): 50 clicks make no more POSTs", async () => {
    const hook = await receiver("hang");
    const emulator = await withWebhook(hook, { timeoutMs: 60_000 });
    const { delivery } = emulator.user(user).says("hi");
    await until(() => hook.posts === 1, "the first POST");
    expect(() => emulator.webhooks.redeliver(delivery.id)).toThrow(
      "redeliver: delivery 1 is still pending (0 attempts so far); redeliver it once it is delivered or has failed",
    );
    const answers = await Promise.all(Array.from({ length: 50 }, () => actAsUser(emulator, { action: "redeliver", delivery: 1 })));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([409]));
    expect(await answers[0]?.json()).toEqual({
      error: "redeliver: delivery 1 is still pending (0 attempts so far); redeliver it once it is delivered or has failed",
    });
    expect(hook.posts).toBe(1);
    expect(await (await fetch(`${emulator.url}/__inbox`)).text()).not.toContain('class="wa-redeliver" data-delivery="1"');
  });
});

describe("hostile: a receiver that redirects", () => {
  /** A receiver whose /webhook answers `status` with a Location to /elsewhere, which takes anything (200); it logs each request. */
  async function redirecting(status: number) {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        seen.push(`${request.method} ${request.url?.split("?")[0]} ${Buffer.concat(chunks).length}`);
        if (request.url?.startsWith("/webhook")) response.writeHead(status, { Location: "/elsewhere" }).end("Found");
        else response.writeHead(200).end(new URL(request.url ?? "/", "http://x").searchParams.get("hub.challenge") ?? "ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    open.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())).finally(() => server.closeAllConnections()) });
    return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook` };
  }

  // fetch follows redirects: a 302 became a bodiless GET to /elsewhere, whose 200 counted as delivered.
  it.each([301, 302, 303, 307, 308])("a %i is the receiver's answer: not followed, not delivered, retried, said", async (status) => {
    const hook = await redirecting(status);
    const emulator = await start({ webhook: { url: hook.url, appSecret, window: false, retryDelaysMs: [1] } });
    const { delivery } = emulator.user(user).says("hi");
    await emulator.webhooks.idle();
    expect(delivery.state).toBe("failed");
    expect(delivery.attempts).toEqual([
      { at: expect.any(String), status, answer: 'a redirect to "/elsewhere", not followed: webhooks go to the URL configured' },
      { at: expect.any(String), status, answer: 'a redirect to "/elsewhere", not followed: webhooks go to the URL configured' },
    ]);
    expect(hook.seen).toEqual([`POST /webhook ${delivery.body.length}`, `POST /webhook ${delivery.body.length}`]);
  });

  it("the handshake is not followed either: the verify token stays with the URL configured, and the start fails", async () => {
    const hook = await redirecting(302);
    await expect(start({ webhook: { url: hook.url, appSecret, verifyToken: "mine" } })).rejects.toThrow(
      /the webhook handshake at .* failed: it answered 302 "Found"/,
    );
    expect(hook.seen).toEqual(["GET /webhook 0"]);
  });
});

describe("hostile: huge or deep bodies", () => {
  it("an oversized /__user or messages body always gets 413, never a reset", async () => {
    const hook = await receiver();
    const emulator = await withWebhook(hook);
    for (let i = 0; i < 5; i++) {
      const answer = await actAsUser(emulator, { action: "says", to: user, text: "x".repeat(3 << 20) });
      expect([answer.status, await answer.json()]).toEqual([413, { error: "request body over 65536 bytes" }]);
      const message = await send(emulator, { padding: "x".repeat(2 << 20) });
      expect(message.status).toBe(413);
      expect(await message.json()).toMatchObject({ error: { code: 100, error_data: { details: "request body over 1048576 bytes" } } });
    }
    expect(hook.posts).toBe(0);
    expect((await actAsUser(emulator, { action: "says", to: user, text: "still here" })).status).toBe(200);
  });

  /** Streams up to 64 MB of body to `path` (bounded), and resolves with the status once the emulator closes the connection. */
  async function statusOnceClosed(emulator: Emulator, path: string, headers: Record<string, string>): Promise<number> {
    const state = { status: 0, closed: false, megabytes: 0 };
    const client = request(`${emulator.url}${path}`, { method: "POST", headers });
    client.on("response", (response) => {
      state.status = response.statusCode ?? 0;
      response.resume();
    });
    client.on("error", () => {}); // the emulator closing mid-body
    client.on("close", () => {
      state.closed = true;
    });
    const chunk = Buffer.alloc(1 << 20, 120);
    // Kept open, the emulator stops reading once it has answered, and the writes stall after a few megabytes.
    const pump = (): void => {
      while (!state.closed && state.megabytes < 64) {
        state.megabytes++;
        if (!client.write(chunk)) {
          client.once("drain", pump);
          return;
        }
      }
    };
    pump();
    try {
      await until(() => state.closed, `the connection of POST ${path} closed`, 500);
    } finally {
      client.destroy();
    }
    return state.status;
  }

  it.each([
    ["/__user", { "Content-Type": "text/plain" }, 415],
    ["/__flow", { "Content-Type": "text/plain" }, 415],
    ["/nowhere", { "Content-Type": "application/json" }, 404],
    ["/v23.0/999/media", { Authorization: "Bearer test-token", "Content-Type": "multipart/form-data; boundary=x" }, 400],
  ])(
    "%s answered before its body is read closes the connection: a client writing a large body is not left stuck",
    async (path, headers, status) => {
      const emulator = await withWebhook(await receiver(), {}, { phoneNumberIds: ["106540352242922"] });
      expect(await statusOnceClosed(emulator, path, headers)).toBe(status);
    },
  );

  it("a body read to its end keeps the connection alive (closing is for unread bodies only)", async () => {
    const emulator = await start();
    const answer = await send(emulator, msg.to(user).text("hi").build());
    expect(answer.status).toBe(200);
    expect(answer.headers.get("connection")).toBe("keep-alive");
  });

  it("a 200,000-deep body is refused with its depth; /__received, the inbox and the next send keep working", async () => {
    const emulator = await start();
    const deep = await send(emulator, `${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ error: { error_data: { details: "the request body nests 200000 levels deep, over 64" } } });
    expect((await fetch(`${emulator.url}/__received`)).status).toBe(200);
    expect((await fetch(`${emulator.url}/`)).status).toBe(200);
    // Brackets inside strings are text, not depth.
    expect(
      (
        await send(
          emulator,
          msg
            .to(user)
            .text(`${"[{".repeat(500)}`)
            .build(),
        )
      ).status,
    ).toBe(200);
  });
});

describe("hostile: wrong types", () => {
  it("/__user fields of the wrong JSON type are a 400 naming the field, never converted", async () => {
    const emulator = await withWebhook(await receiver());
    const cases: [unknown, string][] = [
      [[1, 2], "the body is a JSON object: { action, … }"],
      [{ action: "says", to: 16505551234, text: "hi" }, "to is a string, got number"],
      [`{"action":"says","to":"${user}","text":${"[".repeat(10_000)}${"]".repeat(10_000)}}`, "text is a string, got array"],
      [{ action: "taps", to: user, wamid: { id: 1 }, id: "x" }, "wamid is a string, got object"],
      [{ action: "redeliver", delivery: "1" }, "redeliver: delivery is a delivery id (a whole number), got string"],
      [{ action: "shouts", to: user }, "action is says, taps, picks or redeliver"],
      [{ action: "says", to: user, text: "hi", forged: "true" }, "forged is true or false, got string"],
      [{ action: "taps", to: user, wamid: "wamid.x", id: "x", forged: 1 }, "forged is true or false, got number"],
    ];
    for (const [body, error] of cases) {
      const answer = await actAsUser(emulator, body);
      expect([answer.status, await answer.json()]).toEqual([400, { error }]);
    }
    expect(emulator.webhooks.log).toEqual([]);
  });

  it.each([
    ["", "got an empty string"],
    ["my secret", "got 9 characters where character 3 is U+0020 (the token is not shown)"],
    ["EAAGsecret\r\n", "got 12 characters where character 11 is U+000D (the token is not shown)"],
    ["Bearer EAAGsecret", 'character 7 is U+0020 (the token is not shown); give the token alone, without "Bearer "'],
    ["tok€n", "got 5 characters where character 4 is U+20AC (the token is not shown)"],
    [42, "got number"],
  ])("accessToken %j, which no request could carry, is refused at start without echoing it", async (accessToken, why) => {
    const refusal = startReleased(open, { accessToken: accessToken as string }); // released if it starts after all
    await expect(refusal).rejects.toThrow(
      "startEmulator: accessToken must be one word of printable characters (what an Authorization header carries), got ",
    );
    await expect(refusal).rejects.toThrow(why);
    if (typeof accessToken === "string" && accessToken !== "")
      await refusal.catch((error: Error) => expect(error.message).not.toContain("secret"));
  });

  it.each([
    [{ timeoutMs: Number.NaN }, "webhook.timeoutMs must be a number of ms from 1 to 2147483647, got NaN"],
    [{ timeoutMs: "5s" }, "webhook.timeoutMs must be a number of ms from 1 to 2147483647, got 5s"],
    [{ concurrency: 0 }, "webhook.concurrency must be a whole number from 1 to 1024, got 0"],
    [{ concurrency: 1.5 }, "webhook.concurrency must be a whole number from 1 to 1024, got 1.5"],
    [{ retryDelaysMs: [100, -1] }, "webhook.retryDelaysMs[1] must be a number of ms from 0 to 2147483647, got -1"],
    [{ retryDelaysMs: "100" }, "webhook.retryDelaysMs must be an array of at most 100 delays, got 100"],
    [{ url: "http://[half" }, 'webhook.url must be an http(s) URL, got "http://[half"'],
    [
      { url: "http://user:pa55@127.0.0.1:9/w" },
      "webhook.url must not hold a user name or password (fetch refuses it), got one for 127.0.0.1:9 (not shown)",
    ],
    [
      { url: "https://token@hooks.example/w" },
      "webhook.url must not hold a user name or password (fetch refuses it), got one for hooks.example (not shown)",
    ],
    // A password in text that does not parse (a port mistyped, a second "@") is not shown either, nor is a URL
    // object's (its JSON is the whole href).
    [{ url: "http://hook:pa55@127.0.0.1:99999/w" }, 'webhook.url must be an http(s) URL, got "…@127.0.0.1:99999/w" (what comes before'],
    [{ url: "http://hook:pa55@x@127.0.0.1:99999/w" }, 'webhook.url must be an http(s) URL, got "…@127.0.0.1:99999/w" (what comes before'],
    [{ url: new URL("http://hook:pa55@127.0.0.1:9/w") }, "webhook.url must be an http(s) URL, got an object"],
  ])("webhook option %j is refused at start, naming it", async (option, message) => {
    const started = startReleased(open, { webhook: { url: "http://127.0.0.1:9/webhook", appSecret, ...(option as object) } });
    await expect(started).rejects.toThrow(`startEmulator: ${message}`);
    await expect(started).rejects.not.toThrow(/pa55/);
  });
});

describe("hostile: forged replies (an id from a user is user input)", () => {
  it("taps and picks with { forged: true } send ids the message never offered, in the shape the API would", async () => {
    const hook = await receiver();
    const emulator = await withWebhook(hook, { statuses: { delaysMs: { read: false } } });
    const sent = async (body: unknown) =>
      ((await (await send(emulator, body)).json()) as { messages: { id: string }[] }).messages[0]?.id as string;
    const buttons = await sent(msg.to(user).buttons("Cancel order 41?").reply("cancel:41", "Cancel").build());
    const list = await sent(
      msg
        .to(user)
        .list("Size?", "Choose")
        .section("Sizes", (s) => s.row("m", "Medium"))
        .build(),
    );
    const template = await sent(msg.to(user).template("order_update").language("en_US").quickReply(0, "STOP").build());
    const ana = emulator.user(user);
    expect(() => ana.taps(buttons, "cancel:someone-elses-order-42")).toThrow(
      'user.taps: the message offered no button "cancel:someone-elses-order-42"',
    );
    ana.taps(buttons, "cancel:someone-elses-order-42", { forged: true });
    ana.picks(list, "xxl-not-offered", { forged: true });
    ana.taps(template, "UNSUBSCRIBE-ALL", { forged: true });
    expect((await actAsUser(emulator, { action: "taps", to: user, wamid: buttons, id: "cancel:43", forged: true })).status).toBe(200);
    expect((await actAsUser(emulator, { action: "taps", to: user, wamid: buttons, id: "cancel:44" })).status).toBe(400);
    await emulator.webhooks.idle();
    const replies = hook.bodies.map((body) => JSON.parse(body).entry[0].changes[0].value.messages?.[0]).filter(Boolean);
    // POSTs run side by side (webhook.concurrency), so the receiver may see them in any order.
    expect(replies).toHaveLength(4);
    expect(replies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          context: expect.objectContaining({ id: buttons }),
          interactive: {
            type: "button_reply",
            button_reply: { id: "cancel:someone-elses-order-42", title: "cancel:someone-elses-order-42" },
          },
        }),
        expect.objectContaining({
          context: expect.objectContaining({ id: list }),
          interactive: { type: "list_reply", list_reply: { id: "xxl-not-offered", title: "xxl-not-offered" } },
        }),
        expect.objectContaining({ type: "button", button: { payload: "UNSUBSCRIBE-ALL", text: "UNSUBSCRIBE-ALL" } }),
        expect.objectContaining({ interactive: expect.objectContaining({ button_reply: expect.objectContaining({ id: "cancel:43" }) }) }),
      ]),
    );
  });
});

describe("hostile: bad paging", () => {
  const templates = { data: ["a", "b", "c", "d", "e"].map((name) => ({ name, language: "en", status: "APPROVED", components: [] })) };
  const list = async (emulator: Emulator, query: string) => {
    const response = await fetch(`${emulator.url}/v23.0/102290129340398/message_templates${query}`, {
      headers: { Authorization: "Bearer test-token" },
    });
    return { status: response.status, json: (await response.json()) as Record<string, never> };
  };

  it.each([
    ["?after=-2", 'after must be a cursor from a previous page (here 0 to 5), got "-2"'],
    ["?after=abc", 'after must be a cursor from a previous page (here 0 to 5), got "abc"'],
    ["?after=1e1", 'after must be a cursor from a previous page (here 0 to 5), got "1e1"'],
    ["?after=6", 'after must be a cursor from a previous page (here 0 to 5), got "6"'],
    ["?before=%200", 'before must be a cursor from a previous page (here 0 to 5), got " 0"'],
    ["?after=1&before=3", "give after or before, not both"],
    ["?limit=0", 'limit must be a whole number ≥ 1, got "0"'],
    ["?limit=-1", 'limit must be a whole number ≥ 1, got "-1"'],
    ["?limit=2.5", 'limit must be a whole number ≥ 1, got "2.5"'],
    ["?limit=", 'limit must be a whole number ≥ 1, got ""'],
  ])("%s is a Graph 400 (code 100) naming the parameter", async (query, details) => {
    const emulator = await start({ templates });
    const { status, json } = await list(emulator, query);
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: 100, type: "OAuthException", error_data: { details } } });
  });

  it("following next (and previous) walks every template once and ends", async () => {
    const emulator = await start({ templates });
    const names: string[] = [];
    let query = "?limit=2";
    for (let page = 0; page < 10 && query !== ""; page++) {
      const { status, json } = await list(emulator, query);
      expect(status).toBe(200);
      const { data, paging } = json as unknown as { data: { name: string }[]; paging: { next?: string; previous?: string } };
      names.push(...data.map((t) => t.name));
      query = paging.next === undefined ? "" : new URL(paging.next).search;
      if (paging.next !== undefined)
        expect(new URL(paging.next).searchParams.get("after")).not.toBe(new URL(`${emulator.url}/${query}`).searchParams.get("before"));
    }
    expect(names).toEqual(["a", "b", "c", "d", "e"]);
    const last = (await list(emulator, "?after=4&limit=2")).json as unknown as { paging: { previous: string } };
    const back = (await list(emulator, new URL(last.paging.previous).search)).json as unknown as { data: { name: string }[] };
    expect(back.data.map((t) => t.name)).toEqual(["c", "d"]);
  });
});

describe("hostile: framing (the inbox's buttons act as the user)", () => {
  it("inbox responses forbid frames: CSP frame-ancestors 'none' and X-Frame-Options DENY", async () => {
    const emulator = await start();
    for (const path of ["/", "/__inbox"]) {
      const response = await fetch(`${emulator.url}${path}`);
      expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("frame-ancestors 'none' is merged into a policy already set, replacing a looser one", () => {
    expect(unframeable(undefined)).toBe("frame-ancestors 'none'");
    expect(unframeable("default-src 'self'; frame-ancestors https://evil.example")).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(unframeable(["script-src 'self'", "img-src *;"])).toEqual([
      "script-src 'self'; frame-ancestors 'none'",
      "img-src *; frame-ancestors 'none'",
    ]);
  });
});

/** The status of a request to 127.0.0.1 with a forged Host header (fetch does not let a caller set it). */
function statusWithHost(emulator: Emulator, host: string, method = "GET", path = "/__received"): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = method === "POST" ? { host, "content-type": "application/json" } : { host };
    const req = request({ host: "127.0.0.1", port: emulator.port, method, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(method === "POST" ? "{}" : undefined);
  });
}

describe("hostile: DNS rebinding and strangers on the network (bound to 0.0.0.0, as in a container)", () => {
  it("refuses a Host that is not loopback, allowed or the machine's own name, on every route", async () => {
    const emulator = await start({ host: "0.0.0.0", allowedHosts: ["emulator"] });
    expect(await statusWithHost(emulator, "rebound.evil.example")).toBe(403);
    expect(await statusWithHost(emulator, `rebound.evil.example:${emulator.port}`)).toBe(403);
    expect(await statusWithHost(emulator, "rebound.evil.example", "POST", "/__reset")).toBe(403);
    expect(await statusWithHost(emulator, "rebound.evil.example", "GET", "/")).toBe(403);
    expect(await statusWithHost(emulator, "localhost.evil.example")).toBe(403);
    expect(await statusWithHost(emulator, "evil.example:4010@localhost")).toBe(403);
    expect(await statusWithHost(emulator, `0.0.0.0:${emulator.port}`)).toBe(200); // the URL the command prints
    expect(await statusWithHost(emulator, `localhost:${emulator.port}`)).toBe(200);
    expect(await statusWithHost(emulator, "127.0.0.1:8080")).toBe(200); // a container's port mapped to another
    expect(await statusWithHost(emulator, "[::1]")).toBe(200);
    expect(await statusWithHost(emulator, "emulator:4010")).toBe(200);
    expect(await statusWithHost(emulator, "emulator", "POST", "/__reset")).toBe(200);
    expect(await statusWithHost(emulator, `${hostname()}:${emulator.port}`)).toBe(200);
  });

  it("refuses an allowed host that is not a host name", async () => {
    await expect(startEmulator({ allowedHosts: ["wa.test:4010"] })).rejects.toThrow(
      'startEmulator: allowedHosts: a host name without port or scheme (wa.test, my-app, [fd00::1]), got "wa.test:4010"',
    );
  });
});
