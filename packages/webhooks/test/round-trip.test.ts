import { describe, expect, it } from "@jest/globals";
import { limits, msg, PayloadError } from "@wacompose/builder";
import fc from "fast-check";
import {
  callbackData,
  dedupe,
  eventKey,
  latestStatuses,
  parseWebhook,
  reduceStatus,
  type StatusName,
  type WebhookEvent,
} from "../src/index.js";
import { envelope, inbound, statuses } from "./fixtures.js";

const Slot = callbackData("slot", { day: ["mon", "tue", "wed"], hour: "number" });
const Order = callbackData("order", { id: "number", note: "string", gift: "boolean" });

const reply = (id: string, kind: "button_reply" | "list_reply" = "button_reply"): WebhookEvent => {
  const interactive =
    kind === "button_reply" ? { type: kind, button_reply: { id, title: "t" } } : { type: kind, list_reply: { id, title: "t" } };
  return parseWebhook(envelope({ messages: [{ ...inbound.button_reply, interactive }] })).events[0] as WebhookEvent;
};

describe("callbackData: ids a message offers come back typed", () => {
  it("encodes compactly and matches a tapped button, a picked row, a template quick reply and a status's callback data", () => {
    const id = Slot.id({ day: "mon", hour: 9 });
    expect(id).toBe("slot~mon~9");
    expect(Slot.match(reply(id))).toEqual({ day: "mon", hour: 9 });
    expect(Slot.match(reply(id, "list_reply"))).toEqual({ day: "mon", hour: 9 });
    const tapped = parseWebhook(envelope({ messages: [{ ...inbound.button, button: { payload: id, text: "Mon" } }] })).events[0];
    expect(Slot.match(tapped as WebhookEvent)).toEqual({ day: "mon", hour: 9 });
    const status = parseWebhook(
      envelope({ statuses: [{ ...statuses.sent, biz_opaque_callback_data: Order.id({ id: 42, note: "a~b%c", gift: true }) }] }),
    );
    expect(Order.match(status.events[0] as WebhookEvent)).toEqual({ id: 42, note: "a~b%c", gift: true });
  });

  it("another codec's id, a foreign id, a word not in the list or a text event match nothing", () => {
    expect(Slot.match(reply(Order.id({ id: 1, note: "", gift: false })))).toBeUndefined();
    expect(Slot.match(reply("size-m"))).toBeUndefined();
    expect(Slot.match(reply("slot~fri~9"))).toBeUndefined();
    expect(Slot.match(reply("slot~mon~nine"))).toBeUndefined();
    expect(Slot.match(reply("slot~mon~9~extra"))).toBeUndefined();
    expect(Slot.match(parseWebhook(envelope({ messages: [inbound.text] })).events[0] as WebhookEvent)).toBeUndefined();
  });

  it("property: decode(id(v)) is v for any values", () => {
    fc.assert(
      fc.property(fc.integer(), fc.string({ maxLength: 60 }), fc.boolean(), (id, note, gift) => {
        expect(Order.decode(Order.id({ id, note, gift }))).toEqual({ id, note, gift });
      }),
    );
  });

  it("bad values and ids over 512 characters fail at id(), naming the field and the limit", () => {
    expect(() => Slot.id({ day: "fri" as "mon", hour: 9 })).toThrow("callbackData slot: day is one of mon, tue, wed, got fri");
    expect(() => Slot.id({ day: "mon", hour: Number.NaN })).toThrow("callbackData slot: hour is a finite number, got NaN");
    expect(() => Order.id({ id: 1, note: "x".repeat(600), gift: true })).toThrow(
      `callbackData order: the id is 610 characters; at most ${limits.callbackData.max} fit anywhere`,
    );
    expect(() => callbackData("a~b", {})).toThrow('a name is non-empty text without "~" or "%"');
  });

  it("an id too long for a reply button (256) or a list row (200) is caught when the message is built", () => {
    const long = Order.id({ id: 1, note: "x".repeat(250), gift: true });
    expect(() => msg.to("16505551234").buttons("Pick").reply(long, "Gift").build()).toThrow(PayloadError);
    expect(() => msg.to("16505551234").buttons("Pick").reply(long, "Gift").build()).toThrow(/at most 256 characters, got 260/);
    const button = msg
      .to("16505551234")
      .buttons("When?")
      .reply(Slot.id({ day: "tue", hour: 14 }), "Tue 14:00")
      .build();
    expect(button.interactive.action.buttons[0]?.reply.id).toBe("slot~tue~14");
  });
});

describe("duplicates and order", () => {
  const ladder = (...names: StatusName[]) =>
    parseWebhook(envelope({ statuses: names.map((status) => ({ ...statuses.sent, status })) })).events;

  it("a status never moves backward; read without delivered is fine; failed is final", () => {
    expect(reduceStatus(undefined, "delivered")).toBe("delivered");
    expect(reduceStatus("read", "delivered")).toBe("read");
    expect(reduceStatus("sent", "read")).toBe("read");
    expect(reduceStatus("failed", "read")).toBe("failed");
    expect(reduceStatus("delivered", "failed")).toBe("failed");
    expect(latestStatuses(ladder("read", "sent", "delivered", "read")).get("wamid.SENT1")).toBe("read");
  });

  it("property: any order and any duplicates of a ladder end on its highest status", () => {
    const order: StatusName[] = ["sent", "delivered", "read"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...order), { minLength: 1, maxLength: 12 }), (names) => {
        const highest = order[Math.max(...names.map((n) => order.indexOf(n)))];
        expect(latestStatuses(ladder(...names)).get("wamid.SENT1")).toBe(highest);
      }),
    );
  });

  it("dedupe keys: wamid for messages, wamid and status for statuses; a second delivery is dropped", () => {
    const events = [...ladder("sent", "delivered"), ...parseWebhook(envelope({ messages: [inbound.text] })).events];
    expect(events.map(eventKey)).toEqual(["status:wamid.SENT1:sent", "status:wamid.SENT1:delivered", `message:${inbound.text?.id}`]);
    const seen = new Set<string>();
    expect(dedupe(events, seen)).toHaveLength(3);
    expect(dedupe([...events, ...ladder("read")], seen).map(eventKey)).toEqual(["status:wamid.SENT1:read"]);
  });
});
