import { describe, expect, it } from "@jest/globals";
import { validate } from "@wacompose/builder";
import fc from "fast-check";
import { parseWebhook, type WebhookEvent } from "../src/index.js";
import { batch, contact, envelope, inbound, statuses } from "./fixtures.js";

const one = (message: Record<string, unknown>, extra: Record<string, unknown> = { contacts: [contact] }): WebhookEvent => {
  const { events, issues } = parseWebhook(envelope({ ...extra, messages: [message] }));
  expect(issues).toEqual([]);
  expect(events).toHaveLength(1);
  return events[0] as WebhookEvent;
};

describe("parseWebhook: every inbound message type", () => {
  it.each(["text", "image", "video", "audio", "document", "sticker", "contacts", "button", "reaction", "order", "system"] as const)(
    "%s: typed with its payload, Meta's names, seconds, the sender's profile and the raw object",
    (type) => {
      const raw = inbound[type] as Record<string, unknown>;
      const event = one(raw);
      expect(event).toMatchObject({
        kind: "message",
        type,
        id: raw.id,
        from: "16505551234",
        timestamp: 1_767_225_600,
        wabaId: "102290129340398",
        metadata: { phone_number_id: "106540352242922" },
        [type]: raw[type],
        raw,
      });
      if (event.kind === "message" && type !== "system") expect(event.contact).toEqual(contact);
    },
  );

  it("text keeps non-ASCII as received", () => {
    const event = one(inbound.text as Record<string, unknown>);
    if (event.kind !== "message" || event.type !== "text") throw new Error("not a text");
    expect(event.text.body).toBe("Olá, café às 9? ana@example.com");
  });

  it("audio says voice; location has numbers; a removed reaction has no emoji", () => {
    const audio = one(inbound.audio as Record<string, unknown>);
    expect(audio.kind === "message" && audio.type === "audio" && audio.audio.voice).toBe(true);
    const location = one(inbound.location as Record<string, unknown>);
    expect(location).toMatchObject({ type: "location", location: { latitude: 38.7223, longitude: -9.1393, name: "Lisboa" } });
    const removed = one(inbound.reaction_removed as Record<string, unknown>);
    expect(removed).toMatchObject({ type: "reaction", reaction: { message_id: "wamid.SENT1" } });
    expect(removed.kind === "message" && removed.type === "reaction" && removed.reaction.emoji).toBeUndefined();
  });

  it("interactive replies: button, list row, flow (response_json parsed, flow_token when sent), and others kept", () => {
    expect(one(inbound.button_reply as Record<string, unknown>)).toMatchObject({
      type: "interactive",
      context: { id: "wamid.SENT1" },
      interactive: { type: "button_reply", button_reply: { id: "slot~mon~9", title: "Mon 9:00" } },
    });
    expect(one(inbound.list_reply as Record<string, unknown>)).toMatchObject({
      interactive: { type: "list_reply", list_reply: { id: "size-m", description: "chest 96–101 cm" } },
    });
    expect(one(inbound.nfm_reply as Record<string, unknown>)).toMatchObject({
      interactive: { type: "nfm_reply", nfm_reply: { flow_token: "tok-1", response: { flow_token: "tok-1", size: "M" } } },
    });
    const tokenless = one(inbound.nfm_reply_without_token as Record<string, unknown>);
    expect(tokenless).toMatchObject({ context: { id: "wamid.FLOW2" }, interactive: { nfm_reply: { response: { rating: "5" } } } });
    expect(tokenless.kind === "message" && tokenless.type === "interactive" && "flow_token" in tokenless.interactive).toBe(false);
    expect(one(inbound.address_message as Record<string, unknown>)).toMatchObject({
      interactive: { type: "other", reply_type: "address_message" },
    });
  });

  it("referral, request_welcome, unsupported with its errors, a username-only sender, and an unknown type kept raw", () => {
    expect(one(inbound.referral as Record<string, unknown>)).toMatchObject({
      type: "text",
      referral: { source_type: "ad", ctwa_clid: "ARAk" },
    });
    expect(one(inbound.request_welcome as Record<string, unknown>)).toMatchObject({ type: "request_welcome" });
    expect(one(inbound.unsupported as Record<string, unknown>)).toMatchObject({
      type: "unsupported",
      unsupported: { type: "poll_update" },
      errors: [{ code: 131051 }],
    });
    const bsuid = one(inbound.username_only as Record<string, unknown>);
    expect(bsuid).toMatchObject({ type: "text", from_user_id: "US.13491208655302741918", contact });
    expect(bsuid.kind === "message" && bsuid.from).toBeUndefined();
    expect(one(inbound.made_up as Record<string, unknown>)).toMatchObject({
      type: "unknown",
      original_type: "hologram",
      raw: { hologram: { frames: 3 } },
    });
  });
});

describe("parseWebhook: statuses", () => {
  it.each(Object.keys(statuses))("%s", (name) => {
    const raw = statuses[name] as Record<string, unknown>;
    const { events, issues } = parseWebhook(envelope({ statuses: [raw] }));
    expect(issues).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({ kind: "status", id: raw.id, status: raw.status, timestamp: Number(raw.timestamp), raw }),
    ]);
  });

  it("keeps callback data, conversation, pricing and errors", () => {
    const [sent] = parseWebhook(envelope({ statuses: [statuses.sent] })).events;
    expect(sent).toMatchObject({ biz_opaque_callback_data: "order~42", conversation: { id: "c1" }, pricing: { pricing_model: "PMP" } });
    const [failed] = parseWebhook(envelope({ statuses: [statuses.failed] })).events;
    expect(failed).toMatchObject({ status: "failed", errors: [{ code: 131047 }] });
  });
});

describe("parseWebhook: batches and bad input", () => {
  it("reads every entry, change, message, status and error, in order", () => {
    const { events, issues } = parseWebhook(batch);
    expect(issues).toEqual([]);
    expect(events.map((e) => (e.kind === "message" ? `message:${e.type}` : e.kind === "status" ? `status:${e.status}` : e.kind))).toEqual([
      "message:text",
      "message:text",
      "status:sent",
      "status:delivered",
      "status:read",
      "error",
      "other",
      "message:reaction",
      "message:request_welcome",
    ]);
    // Each message gets its own sender's profile.
    expect(events[1]).toMatchObject({ from: "447700900123", contact: { profile: { name: "Bo" } } });
  });

  it("says where and why, keeps what it could not type, and never throws", () => {
    expect(parseWebhook("nope").issues).toEqual([
      { path: "", code: "invalid_type", severity: "error", message: "a webhook body is a JSON object, got string" },
    ]);
    expect(parseWebhook({ object: "page", entry: [] }).issues).toEqual([
      { path: "object", code: "invalid_value", severity: "error", message: 'expected "whatsapp_business_account", got "page"' },
    ]);
    const broken = envelope({
      messages: [inbound.text, { ...inbound.text, id: 7 }, { ...inbound.image, image: "x" }],
      statuses: [{ id: "w", timestamp: "1", status: "lost" }],
    });
    const { events, issues } = parseWebhook(broken);
    const at = "entry[0].changes[0].value";
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      `${at}.messages[1].id invalid_type`,
      `${at}.messages[2].image invalid_type`,
      `${at}.statuses[0].status invalid_value`,
    ]);
    expect(events.map((e) => e.kind)).toEqual(["message", "other", "other", "other"]);
    expect(events[1]).toMatchObject({ kind: "other", path: `${at}.messages[1]`, raw: { id: 7 } });
  });

  it("Meta's documented examples with placeholder timestamps still give typed events, with an issue for the time", () => {
    const { events, issues } = parseWebhook(
      envelope({ statuses: [{ id: "WAMID", status: "sent", timestamp: "TIMESTAMP", recipient_id: "PHONE_NUMBER" }] }),
    );
    expect(events).toEqual([expect.objectContaining({ kind: "status", id: "WAMID", status: "sent", timestamp: Number.NaN })]);
    expect(issues).toEqual([
      {
        path: "entry[0].changes[0].value.statuses[0].timestamp",
        code: "invalid_format",
        severity: "error",
        message: "Unix seconds, as a string of digits",
      },
    ]);
  });

  it("property: never throws on any JSON value, and every issue has a path in the payload's names", () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const small = { maxLength: 3 };
    const keys = { maxKeys: 4 };
    const element = fc.dictionary(
      fc.constantFrom("id", "type", "timestamp", "text", "interactive", "status", "from", "location"),
      json,
      keys,
    );
    const value = fc.dictionary(
      fc.constantFrom("messages", "statuses", "errors", "contacts", "metadata"),
      fc.oneof(json, fc.array(element, small)),
      keys,
    );
    const change = fc.record({ field: fc.constantFrom("messages", "x"), value });
    const shaped = fc.record({
      object: fc.oneof(fc.constant("whatsapp_business_account"), json),
      entry: fc.array(fc.record({ id: json, changes: fc.array(change, small) }), small),
    });
    fc.assert(
      fc.property(fc.oneof(json, shaped), (input) => {
        const { events, issues } = parseWebhook(input);
        return Array.isArray(events) && issues.every((issue) => typeof issue.path === "string" && issue.message !== "");
      }),
      { numRuns: 2000 },
    );
  });

  it("its issues are the builder's Issue shape", () => {
    const [issue] = parseWebhook({ object: "whatsapp_business_account" }).issues;
    const [builderIssue] = validate({});
    expect(Object.keys(issue ?? {}).sort()).toEqual(
      Object.keys(builderIssue ?? {})
        .filter((k) => k !== "limit" && k !== "actual")
        .sort(),
    );
  });
});
