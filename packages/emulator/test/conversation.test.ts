// The conversation's rules on their own, without HTTP: the clock, the 24-hour window, the status
// ladder and its modes, scripted failures, the inbox and its bounds. Fake timers make each
// status's time exact (no wall clock is asserted), and `pnpm mutate`'s emulator group is judged by
// this file, so each rule here is checked both ways (inside and past its limit).
import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { graphErrorCodes, graphErrorTitles } from "@wacompose/builder";
import { Conversation, createClock, type StatusOptions } from "../src/conversation.js";
import type { WebhookSender } from "../src/webhooks.js";

const user = "16505551234";
const phoneNumberId = "106540352242922";
const day = 24 * 3_600_000;

beforeEach(() => {
  jest.useFakeTimers({ now: Date.UTC(2026, 11, 6, 9, 0, 0) });
});
afterEach(() => {
  jest.clearAllTimers();
  jest.useRealTimers();
});

interface StatusSeen {
  readonly id: string;
  readonly status: string;
  readonly [key: string]: unknown;
}

/** A sender that records each payload instead of POSTing it. */
function recorder() {
  const payloads: Record<string, unknown>[] = [];
  /** Deliveries still under way: `idle()` waits for them as the real sender's does. */
  const deliveries = { busy: false, done: Promise.resolve() };
  const sender = {
    wabaId: "WABA-1",
    displayPhoneNumber: "15550001111",
    get busy() {
      return deliveries.busy;
    },
    idle: () => deliveries.done,
    send(payload: unknown) {
      payloads.push(payload as Record<string, unknown>);
      return { id: payloads.length, payload, body: JSON.stringify(payload), attempts: [], state: "pending" as const };
    },
  };
  const changeOf = (payload: Record<string, unknown>) =>
    (payload as { entry: { changes: { field: string; value: Record<string, unknown> }[] }[] }).entry[0]?.changes[0];
  /** Every status sent so far, in order. */
  const statuses = (): StatusSeen[] => payloads.flatMap((p) => (changeOf(p)?.value.statuses as StatusSeen[] | undefined) ?? []);
  return { sender: sender as unknown as WebhookSender, payloads, statuses, changeOf, deliveries };
}

function setup(options: StatusOptions = {}, window = true, maxUsers?: number) {
  const clock = createClock();
  const sent = recorder();
  const conversation = new Conversation(sent.sender, clock, options, window, maxUsers);
  /** The user writes first, so the window is open. */
  const openWindow = (from = user) => conversation.inbound(phoneNumberId, from, "Ana", { type: "text", text: { body: "hi" } });
  return { clock, conversation, openWindow, ...sent };
}

const text = (to = user) => ({ messaging_product: "whatsapp", to, type: "text", text: { body: "hello" } });
const names = (statuses: readonly StatusSeen[]) => statuses.map((s) => s.status);

describe("createClock", () => {
  it("moves by milliseconds and by durations with a unit, trimmed, decimals included", () => {
    const clock = createClock();
    const start = clock.now();
    clock.advance(1000);
    expect(clock.now() - start).toBe(1000);
    clock.advance(0);
    expect(clock.now() - start).toBe(1000);
    clock.advance(" 25h ");
    expect(clock.now() - start).toBe(1000 + 25 * 3_600_000);
    clock.advance("1.25m");
    expect(clock.now() - start).toBe(1000 + 25 * 3_600_000 + 75_000);
    clock.advance("2d");
    clock.advance("30s");
    clock.advance("7ms");
    expect(clock.now() - start).toBe(1000 + 25 * 3_600_000 + 75_000 + 2 * day + 30_000 + 7);
  });

  it("refuses what is not a duration ≥ 0, naming what it got", () => {
    const clock = createClock();
    const start = clock.now();
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "25", "x25h", "25hx", "-5m", "1.h", "1.xm", "h", ""])
      expect(() => clock.advance(bad)).toThrow(
        new RangeError(`clock.advance: a duration like 25h, 90m, 30s or milliseconds ≥ 0, got ${String(bad)}`),
      );
    expect(clock.now()).toBe(start);
  });

  it("goes at most 10 years ahead in all, and reset() sets it back to real time", () => {
    const clock = createClock();
    const start = clock.now();
    clock.advance("3000d");
    clock.advance("650d");
    expect(clock.now() - start).toBe(3650 * day);
    expect(() => clock.advance(1)).toThrow(/would put the clock 3650 days ahead, over the limit of 10 years/);
    expect(() => clock.advance("10d")).toThrow(
      new RangeError(
        "clock.advance: 10d would put the clock 3660 days ahead, over the limit of 10 years (3650 days); emulator.reset() (POST /__reset) sets it back",
      ),
    );
    expect(clock.now() - start).toBe(3650 * day);
    clock.reset();
    expect(clock.now()).toBe(start);
    clock.advance("3650d");
    expect(clock.now() - start).toBe(3650 * day);
  });
});

describe("the 24-hour customer-service window", () => {
  it("fails a free-form message to a user who never wrote (131047, at the sent delay, with Meta's details)", () => {
    const { conversation, statuses } = setup();
    conversation.accepted(phoneNumberId, "wamid.1", text());
    jest.advanceTimersByTime(9);
    expect(statuses()).toEqual([]);
    jest.advanceTimersByTime(1);
    const [failed] = statuses();
    expect(failed).toMatchObject({ id: "wamid.1", status: "failed", recipient_id: user });
    expect(failed?.errors).toStrictEqual([
      {
        code: graphErrorCodes.reengagementWindow,
        title: graphErrorTitles[graphErrorCodes.reengagementWindow],
        message: graphErrorTitles[graphErrorCodes.reengagementWindow],
        error_data: {
          details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        },
      },
    ]);
    expect(failed).not.toHaveProperty("pricing");
    jest.advanceTimersByTime(1000);
    expect(statuses()).toHaveLength(1);
    expect(conversation.statusOf("wamid.1")).toStrictEqual({ status: "failed", code: graphErrorCodes.reengagementWindow });
  });

  it("stays open for exactly 24 hours after the user's last message", () => {
    const { clock, conversation, openWindow, statuses } = setup({ delaysMs: { read: false } });
    openWindow();
    clock.advance(day);
    conversation.accepted(phoneNumberId, "wamid.in", text("+1 (650) 555-1234"));
    clock.advance(1);
    conversation.accepted(phoneNumberId, "wamid.out", text());
    jest.advanceTimersByTime(100);
    expect(
      statuses()
        .filter((s) => s.id === "wamid.in")
        .map((s) => s.status),
    ).toEqual(["sent", "delivered"]);
    expect(
      statuses()
        .filter((s) => s.id === "wamid.out")
        .map((s) => s.status),
    ).toEqual(["failed"]);
  });

  it("lets templates through a closed window, and a conversation without the window lets everything through", () => {
    const closed = setup({ delaysMs: { read: false } });
    closed.conversation.accepted(phoneNumberId, "wamid.t", { to: user, type: "template", template: { name: "hello" } });
    jest.advanceTimersByTime(100);
    expect(names(closed.statuses())).toEqual(["sent", "delivered"]);
    expect(closed.statuses()[0]?.pricing).toStrictEqual({ billable: true, pricing_model: "PMP", category: "utility", type: "regular" });

    const free = setup({ delaysMs: { read: false } }, false);
    free.conversation.accepted(phoneNumberId, "wamid.f", text());
    jest.advanceTimersByTime(100);
    expect(names(free.statuses())).toEqual(["sent", "delivered"]);
  });
});

describe("the status ladder", () => {
  it("sends sent at 10 ms, delivered at 40, read at 80 by default; only sent is priced", () => {
    const { conversation, openWindow, statuses } = setup();
    openWindow();
    conversation.accepted(phoneNumberId, "wamid.1", text());
    const at = (ms: number) => {
      jest.advanceTimersByTime(ms);
      return names(statuses());
    };
    expect(at(9)).toEqual([]);
    expect(at(1)).toEqual(["sent"]);
    expect(conversation.statusOf("wamid.1")).toStrictEqual({ status: "sent" });
    expect(at(29)).toEqual(["sent"]);
    expect(at(1)).toEqual(["sent", "delivered"]);
    expect(at(39)).toEqual(["sent", "delivered"]);
    expect(at(1)).toEqual(["sent", "delivered", "read"]);
    expect(at(10_000)).toEqual(["sent", "delivered", "read"]);
    expect(conversation.statusOf("wamid.1")).toStrictEqual({ status: "read" });
    const [sent, delivered, read] = statuses();
    expect(sent?.pricing).toStrictEqual({ billable: true, pricing_model: "PMP", category: "service", type: "regular" });
    expect(delivered).not.toHaveProperty("pricing");
    expect(read).not.toHaveProperty("pricing");
    for (const status of statuses()) {
      expect(status).not.toHaveProperty("errors");
      expect(status).not.toHaveProperty("recipient_type");
      expect(status).not.toHaveProperty("biz_opaque_callback_data");
    }
  });

  // Each timeline: after each step's milliseconds, every status sent so far, in order; then where the message stands.
  interface Timeline {
    readonly what: string;
    readonly options: StatusOptions;
    readonly steps: readonly (readonly [afterMs: number, seen: readonly string[]])[];
    readonly standsAt?: string;
  }
  const timelines: readonly Timeline[] = [
    {
      what: "takes its delays from the options, and read: false stops at delivered",
      options: { delaysMs: { sent: 0, delivered: 5, read: false } },
      steps: [
        [0, ["sent"]],
        [4, ["sent"]],
        [1, ["sent", "delivered"]],
        [10_000, ["sent", "delivered"]],
      ],
      standsAt: "delivered",
    },
    {
      what: "duplicates: every status twice, each at its time",
      options: { mode: "duplicates" },
      steps: [
        [10, ["sent", "sent"]],
        [70, ["sent", "sent", "delivered", "delivered", "read", "read"]],
      ],
      standsAt: "read",
    },
    {
      what: "out_of_order: all at the last status's time, highest first; the status stays the highest",
      options: { mode: "out_of_order" },
      steps: [
        [79, []],
        [1, ["read", "delivered", "sent"]],
      ],
      standsAt: "read",
    },
    {
      what: "out_of_order with read: false: all at delivered's time, highest first",
      options: { mode: "out_of_order", delaysMs: { read: false } },
      steps: [
        [39, []],
        [1, ["delivered", "sent"]],
      ],
    },
    {
      what: "read_without_delivered: sent then read",
      options: { mode: "read_without_delivered" },
      steps: [
        [10, ["sent"]],
        [70, ["sent", "read"]],
      ],
    },
    {
      what: "read_without_delivered with read: false: there is no read to skip to, so delivered stays",
      options: { mode: "read_without_delivered", delaysMs: { read: false } },
      steps: [[100, ["sent", "delivered"]]],
    },
  ];
  it.each(timelines)("$what", ({ options, steps, standsAt }) => {
    const { conversation, openWindow, statuses } = setup(options);
    openWindow();
    conversation.accepted(phoneNumberId, "wamid.1", text());
    for (const [afterMs, seen] of steps) {
      jest.advanceTimersByTime(afterMs);
      expect(names(statuses())).toEqual(seen);
    }
    if (standsAt !== undefined) expect(conversation.statusOf("wamid.1")).toStrictEqual({ status: standsAt });
  });

  it("says a group recipient and hands back biz_opaque_callback_data when it is a string", () => {
    const { conversation, openWindow, statuses } = setup({ delaysMs: { read: false } }, false);
    openWindow();
    conversation.accepted(phoneNumberId, "wamid.g", {
      recipient_type: "group",
      to: "120363025246125486@g.us",
      type: "text",
      biz_opaque_callback_data: "order-7",
    });
    conversation.accepted(phoneNumberId, "wamid.n", { to: user, type: "text", biz_opaque_callback_data: 7 });
    jest.advanceTimersByTime(100);
    const group = statuses().filter((s) => s.id === "wamid.g");
    expect(group.map((s) => [s.recipient_type, s.biz_opaque_callback_data, s.recipient_id])).toEqual([
      ["group", "order-7", "120363025246125486@g.us"],
      ["group", "order-7", "120363025246125486@g.us"],
    ]);
    for (const status of statuses().filter((s) => s.id === "wamid.n")) {
      expect(status).not.toHaveProperty("recipient_type");
      expect(status).not.toHaveProperty("biz_opaque_callback_data");
    }
  });

  it("wraps each status in the account's envelope with the business number's metadata", () => {
    const { conversation, openWindow, payloads, changeOf } = setup({ delaysMs: { read: false } });
    openWindow();
    conversation.accepted(phoneNumberId, "wamid.1", text());
    jest.advanceTimersByTime(10);
    const payload = payloads.at(-1) as Record<string, unknown>;
    expect(payload.object).toBe("whatsapp_business_account");
    expect((payload.entry as { id: string }[])[0]?.id).toBe("WABA-1");
    expect(changeOf(payload)?.field).toBe("messages");
    expect(changeOf(payload)?.value.metadata).toStrictEqual({ display_phone_number: "15550001111", phone_number_id: phoneNumberId });
    const [status] = (changeOf(payload)?.value.statuses ?? []) as StatusSeen[];
    expect(status?.timestamp).toBe(String(Math.floor(Date.now() / 1000)));
  });
});

describe("scripted failures", () => {
  it("failNext fails the next count messages with the code and its title, then the ladder resumes", () => {
    const { conversation, openWindow, statuses } = setup({ delaysMs: { read: false } });
    openWindow();
    conversation.failNext(131026, 2);
    conversation.failNext(1);
    conversation.failNext(424_242);
    for (const id of ["wamid.1", "wamid.2", "wamid.3", "wamid.4", "wamid.5"]) conversation.accepted(phoneNumberId, id, text());
    jest.advanceTimersByTime(100);
    const of = (id: string) => statuses().filter((s) => s.id === id);
    const failedWith = (code: number, title: string) => [
      { code, title, message: title, error_data: { details: "Message failed to send." } },
    ];
    for (const id of ["wamid.1", "wamid.2"]) {
      expect(names(of(id))).toEqual(["failed"]);
      expect(of(id)[0]?.errors).toStrictEqual(failedWith(131026, graphErrorTitles[131026] as string));
      expect(conversation.statusOf(id)).toStrictEqual({ status: "failed", code: 131026 });
    }
    expect(of("wamid.3")[0]?.errors).toStrictEqual(failedWith(1, graphErrorTitles[1] as string));
    // A code Meta has no title for is still a failure, titled "Error".
    expect(graphErrorTitles[424_242]).toBeUndefined();
    expect(of("wamid.4")[0]?.errors).toStrictEqual(failedWith(424_242, "Error"));
    expect(names(of("wamid.5"))).toEqual(["sent", "delivered"]);
  });

  it("failNext refuses what is not an error code", () => {
    const { conversation } = setup();
    for (const bad of [0, -131026, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])
      expect(() => conversation.failNext(bad)).toThrow(new RangeError(`failNext: an error code, got ${String(bad)}`));
  });

  it("failFor fails a recipient as the message wrote it or by its digits", () => {
    const { conversation, openWindow, statuses } = setup({
      delaysMs: { read: false },
      failFor: { "+1 650 555 1234": 131049, "447700900123": 131050 },
    });
    openWindow();
    openWindow("447700900123");
    conversation.accepted(phoneNumberId, "wamid.as-written", text("+1 650 555 1234"));
    conversation.accepted(phoneNumberId, "wamid.digits", text("+44 7700 900123"));
    conversation.accepted(phoneNumberId, "wamid.other", text("16505551234"));
    jest.advanceTimersByTime(100);
    expect(conversation.statusOf("wamid.as-written")).toStrictEqual({ status: "failed", code: 131049 });
    expect(conversation.statusOf("wamid.digits")).toStrictEqual({ status: "failed", code: 131050 });
    expect(conversation.statusOf("wamid.other")).toStrictEqual({ status: "delivered" });
    expect(names(statuses().filter((s) => s.id === "wamid.other"))).toEqual(["sent", "delivered"]);
  });
});

describe("what the business sent", () => {
  it("remembers each message, its business number and the newest id of a body; tells onAccepted", () => {
    const { conversation } = setup({ delaysMs: { read: false } }, false);
    const told: [string, unknown][] = [];
    conversation.onAccepted = (recipient, body) => void told.push([recipient, body]);
    expect(conversation.businessNumberOf(user)).toBeUndefined();
    conversation.accepted("111", "wamid.1", text("+1 650 555 1234"));
    expect(conversation.businessNumberOf(user)).toBe("111");
    expect(conversation.businessNumberOf("+1 (650) 555-1234")).toBe("111");
    conversation.accepted("222", "wamid.2", text());
    conversation.accepted("222", "wamid.3", text());
    expect(conversation.businessNumberOf(user)).toBe("222");
    expect(conversation.sentMessage("wamid.1")).toStrictEqual({ body: text("+1 650 555 1234"), phoneNumberId: "111" });
    expect(conversation.idOfBody(text())).toBe("wamid.3");
    expect(conversation.idOfBody(text("447700900123"))).toBeUndefined();
    expect(told).toEqual([
      [user, text("+1 650 555 1234")],
      [user, text()],
      [user, text()],
    ]);
  });

  it("keeps the newest 10,000 sent messages and their statuses, forgetting the oldest", () => {
    const { conversation } = setup({ delaysMs: { sent: 0, read: false, delivered: 0 } }, false);
    conversation.accepted(phoneNumberId, "wamid.first", text());
    jest.advanceTimersByTime(0);
    expect(conversation.statusOf("wamid.first")).toStrictEqual({ status: "delivered" });
    for (let i = 1; i < 10_000; i++) conversation.accepted(phoneNumberId, `wamid.${i}`, text());
    expect(conversation.sentMessage("wamid.first")).toBeDefined();
    expect(conversation.statusOf("wamid.first")).toStrictEqual({ status: "delivered" });
    conversation.accepted(phoneNumberId, "wamid.10000", text());
    expect(conversation.sentMessage("wamid.first")).toBeUndefined();
    expect(conversation.statusOf("wamid.first")).toBeUndefined();
    expect(conversation.sentMessage("wamid.1")).toBeDefined();
    expect(conversation.sentMessage("wamid.10000")).toBeDefined();
    conversation.close();
  });
});

describe("messages from users", () => {
  it("logs each message with the clock's time and sends it as a messages webhook with the contact", () => {
    const { clock, conversation, payloads, changeOf } = setup();
    expect(conversation.inboundLog).toEqual([]);
    clock.advance("2h");
    const { id, delivery } = conversation.inbound(phoneNumberId, user, "Ana", { type: "text", text: { body: "hi" } });
    expect(id).toMatch(/^wamid\./);
    expect(delivery.payload).toBe(payloads[0]);
    expect(conversation.inboundLog).toStrictEqual([
      { at: new Date(clock.now()).toISOString(), from: user, name: "Ana", id, message: { type: "text", text: { body: "hi" } } },
    ]);
    const change = changeOf(payloads[0] as Record<string, unknown>);
    expect(change?.field).toBe("messages");
    expect(change?.value).toStrictEqual({
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550001111", phone_number_id: phoneNumberId },
      contacts: [{ profile: { name: "Ana" }, wa_id: user }],
      messages: [{ from: user, id, timestamp: String(Math.floor(clock.now() / 1000)), type: "text", text: { body: "hi" } }],
    });
  });

  it("sends on the field fieldOf names (standby), with the same value", () => {
    const { conversation, payloads, changeOf } = setup();
    conversation.fieldOf = (from) => (from === user ? "standby" : "messages");
    const { id } = conversation.inbound(phoneNumberId, user, "Ana", { type: "text", text: { body: "hi" } });
    const payload = payloads[0] as Record<string, unknown>;
    expect(payload.object).toBe("whatsapp_business_account");
    expect((payload.entry as { id: string }[])[0]?.id).toBe("WABA-1");
    expect(changeOf(payload)?.field).toBe("standby");
    expect(changeOf(payload)?.value).toMatchObject({
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550001111", phone_number_id: phoneNumberId },
      messages: [{ from: user, id }],
    });
  });

  it("keeps the newest 1,000 in the inbox", () => {
    const { conversation } = setup();
    for (let i = 0; i < 1000; i++) conversation.inbound(phoneNumberId, user, "Ana", { type: "text", text: { body: `m${i}` } });
    expect(conversation.inboundLog).toHaveLength(1000);
    expect(conversation.inboundLog[0]?.message).toEqual({ type: "text", text: { body: "m0" } });
    conversation.inbound(phoneNumberId, user, "Ana", { type: "text", text: { body: "m1000" } });
    expect(conversation.inboundLog).toHaveLength(1000);
    expect(conversation.inboundLog[0]?.message).toEqual({ type: "text", text: { body: "m1" } });
    expect(conversation.inboundLog.at(-1)?.message).toEqual({ type: "text", text: { body: "m1000" } });
  });
});

describe("per-user memory is bounded (a load test writes to a new number each time; 100,000 users by default)", () => {
  const numberOf = (i: number) => String(16_000_000_000 + i);
  const maxUsers = 3;

  it("the window is kept for the newest users: the first of maxUsers + 1 is forgotten; one who writes again is kept", () => {
    const { conversation, statuses } = setup({ delaysMs: { read: false } }, true, maxUsers);
    for (let i = 0; i <= maxUsers; i++) conversation.inbound(phoneNumberId, numberOf(i), "Ana", { type: "text", text: { body: "hi" } });
    // The second user wrote again last: they are the newest, so the first two now are i = 0 (gone) and i = 2.
    conversation.inbound(phoneNumberId, numberOf(1), "Ana", { type: "text", text: { body: "again" } });
    conversation.inbound(phoneNumberId, numberOf(maxUsers + 1), "Ana", { type: "text", text: { body: "hi" } });
    for (const i of [0, 1, 2, 3, maxUsers + 1]) conversation.accepted(phoneNumberId, `wamid.${i}`, text(numberOf(i)));
    jest.advanceTimersByTime(10);
    expect(statuses().map((status) => `${status.id} ${status.status}`)).toEqual([
      "wamid.0 failed",
      "wamid.1 sent",
      "wamid.2 failed",
      "wamid.3 sent",
      `wamid.${maxUsers + 1} sent`,
    ]);
  });

  it("the business number each user last got a message from is kept for the newest users", () => {
    const { conversation } = setup({}, false, maxUsers);
    for (let i = 0; i <= maxUsers; i++) conversation.accepted(`${i}0654`, `wamid.${i}`, text(numberOf(i)));
    expect(conversation.businessNumberOf(numberOf(0))).toBeUndefined();
    expect(conversation.businessNumberOf(numberOf(1))).toBe("10654");
    expect(conversation.businessNumberOf(numberOf(maxUsers))).toBe(`${maxUsers}0654`);
  });
});

describe("idle and close", () => {
  it("idle() resolves once every scheduled status went out", async () => {
    const { conversation, openWindow, statuses } = setup();
    openWindow();
    conversation.accepted(phoneNumberId, "wamid.1", text());
    let idle = false;
    const settled = conversation.idle().then(() => {
      idle = true;
    });
    await jest.advanceTimersByTimeAsync(79);
    expect(idle).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await settled;
    expect(names(statuses())).toEqual(["sent", "delivered", "read"]);
  });

  it("idle() also waits for the deliveries under way, with no status scheduled", async () => {
    const { conversation, deliveries } = setup();
    let finish = () => {};
    deliveries.busy = true;
    deliveries.done = new Promise<void>((resolve) => {
      finish = () => {
        deliveries.busy = false;
        resolve();
      };
    });
    let idle = false;
    const settled = conversation.idle().then(() => {
      idle = true;
    });
    await jest.advanceTimersByTimeAsync(1000);
    expect(idle).toBe(false);
    finish();
    await settled;
    expect(idle).toBe(true);
  });

  it("close() cancels the statuses not yet sent and settles idle()", async () => {
    const { conversation, openWindow, statuses } = setup();
    openWindow();
    conversation.accepted(phoneNumberId, "wamid.1", text());
    jest.advanceTimersByTime(10);
    expect(jest.getTimerCount()).toBe(2);
    const idle = conversation.idle();
    conversation.close();
    expect(jest.getTimerCount()).toBe(0);
    await idle;
    jest.advanceTimersByTime(10_000);
    expect(names(statuses())).toEqual(["sent"]);
  });
});
