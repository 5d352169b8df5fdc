import { createServer, type Server } from "node:http";
import { describe, expect, it } from "@jest/globals";
import { graphErrorCodes, msg } from "@wacompose/builder";
import { latestStatuses, nodeWebhookHandler, type WebhookEvent } from "@wacompose/webhooks";
import { type Emulator, type EmulatorOptions, startEmulator } from "../src/index.js";
import { messageClient } from "./support/message-client.js";
import { listenReleased, releasedAfterEach, startReleased } from "./support/released.js";

const appSecret = "emulator-test-secret";
const verifyToken = "emulator-test-verify";
const user = "16505551234";

/** A webhook endpoint built with @wacompose/webhooks: every POST's signature is checked over its raw bytes. */
async function receiver(secret = appSecret) {
  // failNext: answers 500 to this many POSTs before taking them.
  const state = { events: [] as WebhookEvent[], failNext: 0, posts: 0 };
  const handle = nodeWebhookHandler({
    appSecret: secret,
    verifyToken,
    onRejected: () => {}, // the wrong-secret tests refuse on purpose
    onEvents(events) {
      state.events.push(...events);
    },
  });
  const server: Server = createServer((request, response) => {
    if (request.method === "POST") {
      state.posts++;
      if (state.failNext > 0) {
        state.failNext--;
        response.writeHead(500).end();
        return;
      }
    }
    handle(request, response);
  });
  return Object.assign(state, { url: `${await listenReleased(open, server)}/webhook` });
}

const open = releasedAfterEach();

async function setup(options: Partial<NonNullable<EmulatorOptions["webhook"]>> = {}, secret = appSecret) {
  const hook = await receiver(secret);
  const emulator: Emulator = await startReleased(open, {
    webhook: {
      url: hook.url,
      appSecret,
      verifyToken,
      retryDelaysMs: [5, 10, 20],
      statuses: { delaysMs: { sent: 1, delivered: 2, read: 3 } },
      ...options,
    },
  });
  return { hook, emulator, wa: messageClient(emulator) };
}

const statusesOf = (events: readonly WebhookEvent[]) =>
  events.flatMap((e) => (e.kind === "status" ? [`${e.id.slice(-6)}:${e.status}`] : []));

describe("emulator webhooks: signed, Meta-shaped, verified by @wacompose/webhooks", () => {
  it("the handshake is made at start; a wrong endpoint fails the start and says why", async () => {
    await setup();
    const hook = await receiver();
    await expect(startEmulator({ webhook: { url: hook.url, appSecret, verifyToken: "not-theirs" } })).rejects.toThrow(
      /the webhook handshake at http:\/\/127\.0\.0\.1:\d+\/webhook failed: it answered 403 .*it must answer 200 with hub\.challenge/,
    );
    // Nothing listening: fetch's cause says so ("fetch failed" alone said nothing a newcomer could act on).
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    await expect(startEmulator({ webhook: { url: `http://127.0.0.1:${port}/webhook`, appSecret, verifyToken } })).rejects.toThrow(
      `the webhook handshake at http://127.0.0.1:${port}/webhook failed: it did not answer (connect ECONNREFUSED 127.0.0.1:${port});`,
    );
  });

  it("N sends: each gets sent, delivered, read; the reducer ends on read; every POST verified", async () => {
    const { hook, emulator, wa } = await setup({ window: false });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await wa.send(msg.to(user).text(`hi ${i} @ café`))).messages[0]?.id as string);
    await emulator.webhooks.idle();
    const statuses = hook.events.filter((e) => e.kind === "status");
    expect(statuses).toHaveLength(15);
    const latest = latestStatuses(hook.events);
    for (const id of ids) expect(latest.get(id)).toBe("read");
    expect(emulator.webhooks.log.every((d) => d.state === "delivered" && d.attempts.length === 1 && d.attempts[0]?.status === 200)).toBe(
      true,
    );
    // A user's message with non-ASCII and @: the bytes carry Meta's escapes, and the receiver verified them as sent.
    const { delivery } = emulator.user(user).says("olá @ café");
    await emulator.webhooks.idle();
    expect(delivery.body).toContain("ol\\u00e1 \\u0040 caf\\u00e9");
    expect(delivery.state).toBe("delivered");
    expect(hook.events.at(-1)).toMatchObject({ type: "text", text: { body: "olá @ café" } });
  });

  it.each([
    ["duplicates", 6],
    ["out_of_order", 3],
    ["read_without_delivered", 2],
  ] as const)("%s mode: %i statuses, and the reducer still ends on read", async (mode, count) => {
    const { hook, emulator, wa } = await setup({ window: false, statuses: { mode, delaysMs: { sent: 1, delivered: 2, read: 3 } } });
    const id = (await wa.send(msg.to(user).text("hi"))).messages[0]?.id as string;
    await emulator.webhooks.idle();
    // The order the emulator sent them in (the receiver may see concurrent POSTs in another order).
    const sentOrder = emulator.webhooks.log.map((d) => /"status":"(\w+)"/.exec(d.body)?.[1]);
    const received = hook.events.flatMap((e) => (e.kind === "status" ? [e.status] : []));
    expect(received.sort()).toEqual([...sentOrder].sort());
    expect(received).toHaveLength(count);
    if (mode === "out_of_order") expect(sentOrder).toEqual(["read", "delivered", "sent"]);
    if (mode === "read_without_delivered") expect(sentOrder).toEqual(["sent", "read"]);
    expect(latestStatuses(hook.events).get(id)).toBe("read");
  });

  it("a failing receiver (500, 500, then 200) gets every event after retries, and the log has each attempt", async () => {
    const { hook, emulator, wa } = await setup({ window: false, statuses: { delaysMs: { sent: 1, delivered: 2, read: false } } });
    hook.failNext = 2;
    const { messages } = await wa.send(msg.to(user).text("hi"));
    await emulator.webhooks.idle();
    expect(statusesOf(hook.events).sort()).toEqual([`${messages[0]?.id.slice(-6)}:delivered`, `${messages[0]?.id.slice(-6)}:sent`].sort());
    const attempts = emulator.webhooks.log.map((d) => d.attempts.map((a) => a.status));
    expect(attempts.flat().filter((s) => s === 500)).toHaveLength(2);
    expect(emulator.webhooks.log.every((d) => d.state === "delivered")).toBe(true);
    // Redeliver replays the same bytes: the receiver gets a duplicate.
    emulator.webhooks.redeliver(emulator.webhooks.log[0]?.id as number);
    await emulator.webhooks.idle();
    expect(hook.events.filter((e) => e.kind === "status")).toHaveLength(3);
  });

  it("the delivery log over HTTP: GET /__deliveries lists every attempt; POST /__user redelivers one (JSON only)", async () => {
    const { hook, emulator } = await setup({ window: false });
    emulator.user(user).says("hi");
    await emulator.webhooks.idle();
    const log = (await (await fetch(`${emulator.url}/__deliveries`)).json()) as { id: number; state: string; attempts: unknown[] }[];
    expect(log).toEqual([expect.objectContaining({ id: 1, state: "delivered", attempts: [expect.objectContaining({ status: 200 })] })]);
    const post = (body: string, type = "application/json") =>
      fetch(`${emulator.url}/__user`, { method: "POST", headers: { "Content-Type": type }, body });
    expect((await post(JSON.stringify({ action: "redeliver", delivery: 1 }), "text/plain")).status).toBe(415);
    expect((await post(JSON.stringify({ action: "redeliver", delivery: 1 }))).status).toBe(200);
    await emulator.webhooks.idle();
    expect(hook.events.filter((e) => e.kind === "message")).toHaveLength(2);
    expect(emulator.webhooks.log[0]?.attempts).toHaveLength(2);
    expect(await (await post(JSON.stringify({ action: "redeliver", delivery: 99 }))).json()).toEqual({
      error: "redeliver: no delivery 99",
    });
  });

  it("a receiver with another secret rejects every POST; the emulator gives up after its retries and logs it", async () => {
    const { hook, emulator, wa } = await setup({ window: false, statuses: { delaysMs: { sent: 1, read: false, delivered: 2 } } }, "wrong");
    await wa.send(msg.to(user).text("hi"));
    await emulator.webhooks.idle();
    expect(hook.events).toEqual([]);
    expect(emulator.webhooks.log[0]).toMatchObject({
      state: "failed",
      attempts: [{ status: 403 }, { status: 403 }, { status: 403 }, { status: 403 }],
    });
  });

  it("callback data is echoed on every status", async () => {
    const { hook, emulator, wa } = await setup({ window: false });
    await wa.send(msg.to(user).text("hi").callbackData("order~42"));
    await emulator.webhooks.idle();
    const statuses = hook.events.filter((e) => e.kind === "status");
    expect(statuses.map((s) => s.kind === "status" && s.biz_opaque_callback_data)).toEqual(["order~42", "order~42", "order~42"]);
  });
});

describe("the 24-hour customer-service window", () => {
  it("fails a text to a user who never wrote (131047), delivers after they write, fails again 25 h later; templates always go", async () => {
    const { hook, emulator, wa } = await setup();
    // Deliveries run side by side, so the receiver may see them in any order: the reducer settles each message.
    const outcome = async (message: { build(): unknown }) => {
      const id = (await wa.send(message)).messages[0]?.id as string;
      await emulator.webhooks.idle();
      const failed = hook.events.find((e) => e.kind === "status" && e.id === id && e.status === "failed");
      return { state: latestStatuses(hook.events).get(id), code: failed?.kind === "status" ? failed.errors?.[0]?.code : undefined };
    };
    expect(await outcome(msg.to(user).text("hello?"))).toEqual({ state: "failed", code: graphErrorCodes.reengagementWindow });

    emulator.user(user).says("hi");
    expect(await outcome(msg.to(user).text("hello!"))).toEqual({ state: "read", code: undefined });

    emulator.clock.advance("25h");
    expect(await outcome(msg.to(user).text("still there?"))).toEqual({ state: "failed", code: graphErrorCodes.reengagementWindow });
    expect(await outcome(msg.to(user).template("order_ready").language("en_US"))).toEqual({ state: "read", code: undefined });
  });

  it("scripted failures per recipient carry the code", async () => {
    const { hook, emulator, wa } = await setup({ window: false, statuses: { failFor: { [user]: graphErrorCodes.reengagementWindow } } });
    await wa.send(msg.to(`+${user}`).text("hi"));
    await emulator.webhooks.idle();
    expect(hook.events).toEqual([
      expect.objectContaining({
        kind: "status",
        status: "failed",
        errors: [expect.objectContaining({ code: graphErrorCodes.reengagementWindow })],
      }),
    ]);
  });
});

describe("failures scripted per message", () => {
  it("failNext: the next message fails with the code, the one after gets its ladder", async () => {
    const { hook, emulator, wa } = await setup({ window: false });
    emulator.webhooks.failNext(graphErrorCodes.mediaUpload);
    const failed = (await wa.send(msg.to(user).image({ link: "https://example.com/a.png" }))).messages[0]?.id as string;
    const fine = (await wa.send(msg.to(user).text("hi"))).messages[0]?.id as string;
    await emulator.webhooks.idle();
    const latest = latestStatuses(hook.events);
    expect([latest.get(failed), latest.get(fine)]).toEqual(["failed", "read"]);
    expect(hook.events.find((e) => e.kind === "status" && e.id === failed)).toMatchObject({
      errors: [{ code: graphErrorCodes.mediaUpload }],
    });
  });
});

describe("simulated users", () => {
  it("taps a reply button, picks a row, completes a flow, reacts, sends a location and an image: each the webhook the API sends", async () => {
    const { hook, emulator, wa } = await setup({ window: false, statuses: { delaysMs: { read: false } } });
    const buttons = await wa.send(msg.to(user).buttons("When?").reply("mon-9", "Mon 9:00").reply("tue-9", "Tue 9:00"));
    const list = await wa.send(
      msg
        .to(user)
        .list("Size?", "Choose")
        .section("Sizes", (s) => s.row("m", "Medium", "chest 96–101 cm")),
    );
    const flow = await wa.send(msg.to(user).flow("Book your table", { flowId: "1234567890", cta: "Book", screen: "WELCOME" }));
    const ana = emulator.user(user, "Ana");
    const sentOrder = [
      ana.taps(buttons, "tue-9"),
      ana.picks(list, "m"),
      await ana.completesFlow(flow, { rating: "5" }),
      ana.reacts(buttons, "👍"),
      ana.sendsLocation({ latitude: 38.72, longitude: -9.14, name: "Lisboa" }),
      ana.sendsImage({ caption: "receipt" }),
    ].map((inbound) => inbound.id);
    await emulator.webhooks.idle();
    // POSTs run side by side (up to `concurrency`), so the receiver may see them in any order: compared in the order sent.
    const position = (e: WebhookEvent) => sentOrder.indexOf(e.kind === "message" ? e.id : "");
    const messages = hook.events.filter((e) => e.kind === "message").sort((a, b) => position(a) - position(b));
    expect(messages).toEqual([
      expect.objectContaining({
        type: "interactive",
        from: user,
        contact: expect.objectContaining({ profile: { name: "Ana" } }),
        context: expect.objectContaining({ id: buttons.messages[0]?.id }),
        interactive: { type: "button_reply", button_reply: { id: "tue-9", title: "Tue 9:00" } },
      }),
      expect.objectContaining({
        context: expect.objectContaining({ id: list.messages[0]?.id }),
        interactive: { type: "list_reply", list_reply: { id: "m", title: "Medium", description: "chest 96–101 cm" } },
      }),
      expect.objectContaining({
        context: expect.objectContaining({ id: flow.messages[0]?.id }),
        interactive: expect.objectContaining({ type: "nfm_reply", nfm_reply: expect.objectContaining({ response: { rating: "5" } }) }),
      }),
      expect.objectContaining({ type: "reaction", reaction: { message_id: buttons.messages[0]?.id, emoji: "👍" } }),
      expect.objectContaining({ type: "location", location: expect.objectContaining({ name: "Lisboa" }) }),
      expect.objectContaining({ type: "image", image: expect.objectContaining({ caption: "receipt" }) }),
    ]);
  });

  it("taps by the builder a message was sent from; a flow sent with a token gets it back, one without has none", async () => {
    const { hook, emulator, wa } = await setup({ window: false, statuses: { delaysMs: { read: false } } });
    const offer = msg.to(user).buttons("Still on?").reply("yes", "Yes").reply("no", "No");
    const sent = await wa.send(offer);
    const booking = await wa.send(msg.to(user).flow("Book", { flowId: "1234567890", cta: "Book", token: "tok-9" }));
    emulator.user(user).taps(offer, "no");
    await emulator.user(user).completesFlow(booking, { size: "M" });
    await emulator.webhooks.idle();
    const replies = hook.events.filter((e) => e.kind === "message");
    expect(replies[0]).toMatchObject({ context: { id: sent.messages[0]?.id }, interactive: { button_reply: { id: "no" } } });
    expect(replies[1]).toMatchObject({ interactive: { nfm_reply: { flow_token: "tok-9", response: { flow_token: "tok-9", size: "M" } } } });
  });

  it("a tap on a button the message did not offer, or on a message never sent, says so", async () => {
    const { emulator, wa } = await setup({ window: false });
    const sent = await wa.send(msg.to(user).buttons("When?").reply("mon-9", "Mon"));
    expect(() => emulator.user(user).taps(sent, "fri")).toThrow('user.taps: the message offered no button "fri" (it offered "mon-9")');
    expect(() => emulator.user(user).taps("wamid.nope", "mon-9")).toThrow('user.taps: the emulator sent no message "wamid.nope"');
    await emulator.webhooks.idle();
  });

  it("without a webhook, user() says what to configure", async () => {
    const emulator = await startReleased(open);
    expect(() => emulator.user(user)).toThrow("start the emulator with a webhook");
  });
});
