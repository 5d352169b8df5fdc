import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  callbackData,
  dedupe,
  eventKey,
  metaJson,
  nodeWebhookHandler,
  parseWebhook,
  signatureOf,
  verifySignature,
  type WebhookEvent,
  type WebhookHandlerOptions,
  webhookHandler,
} from "../src/index.js";
import { contact, envelope, inbound, statuses } from "./fixtures.js";

// What an attacker, a broken proxy or a careless middleware can hand the receiving edge, one
// surface per block: deep input, huge input, wrong types, inherited keys, options, signature edge
// cases, and ids that come back from users. The package README lists these surfaces.

const appSecret = "hostile-secret";
/** A ceiling for tests that walk megabytes (not a speed claim: the CI host may be busy). */
const slow = 60_000;
const messagesPath = "entry[0].changes[0].value.messages[0]";
const first = (value: Parameters<typeof envelope>[0]) => parseWebhook(envelope(value));
/** An array nested `depth` deep, built without recursion (as `JSON.parse` would build it). */
const nested = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

/** What nodeWebhookHandler answers a `node:http`-like request (a middleware may have set `body`). */
function nodeAnswer(
  request: { method: string; url: string; headers?: Record<string, string>; body?: unknown },
  options: WebhookHandlerOptions,
): Promise<{ status?: number; body?: string }> {
  return new Promise((resolve) => {
    const written: { status?: number; body?: string } = {};
    const response = {
      writeHead(status: number) {
        written.status = status;
        return response;
      },
      end(body: string) {
        written.body = body;
        resolve(written);
      },
    };
    nodeWebhookHandler(options)({ headers: {}, ...request } as unknown as IncomingMessage, response as unknown as ServerResponse);
  });
}

describe("deep input: keys and dedupe never recurse on the input's depth", () => {
  const deep = nested(50_000);

  it(
    "an unknown change 50,000 deep has a key, and dedupe keeps it once (a key that threw would fail its batch for ever)",
    () => {
      const { events } = parseWebhook({
        object: "whatsapp_business_account",
        entry: [{ id: "1", changes: [{ field: "future_field", value: { deep } }] }],
      });
      expect(() => JSON.stringify(deep)).toThrow(RangeError); // what the key used to be made with
      const key = eventKey(events[0] as WebhookEvent);
      // Its text is 100,011 characters: keyed by length and digest, with the first characters kept.
      expect(key).toMatch(/^other:1:future_field:#100011:[0-9a-f]{32}:\{"deep":\[\[\[\[/);
      expect(dedupe([...events, ...events], new Set())).toHaveLength(1);
    },
    slow,
  );

  it(
    "an error event and a message's unknown member as deep: keyed, parsed, no throw",
    () => {
      const { events } = first({ errors: [{ code: 131000, error_data: { details: "x" }, extra: deep }] });
      expect(events[0]?.kind).toBe("error");
      expect(() => eventKey(events[0] as WebhookEvent)).not.toThrow();
      const message = first({ messages: [{ ...inbound.text, hologram: deep }] });
      expect(message.events[0]).toMatchObject({ kind: "message", type: "text" });
    },
    slow,
  );

  it(
    "a deep value where a word is expected is described, not serialised",
    () => {
      const { issues } = parseWebhook({ object: deep, entry: [] });
      expect(issues).toEqual([
        { path: "object", code: "invalid_value", severity: "error", message: 'expected "whatsapp_business_account", got an array' },
      ]);
    },
    slow,
  );

  it(
    "keys are the same text JSON.stringify writes, where it can write one",
    () => {
      const raw = { a: [1, "x/é", null, true, { b: undefined, c: 1e21 }], d: new Date(0), e: { toJSON: () => "j" } };
      const event: WebhookEvent = { kind: "other", wabaId: "1", field: "f", path: "p", raw };
      expect(eventKey(event)).toBe(`other:1:f:${JSON.stringify(raw)}`);
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      expect(() => eventKey({ ...event, raw: cyclic })).toThrow(TypeError);
    },
    slow,
  );
});

describe("huge input: bounded issues, linear lookups", () => {
  it(
    "1.9 MiB of entry: [0, …] gives 100 issues and one truncated summary, not a million issues; each entry is still kept",
    () => {
      const entry = new Array(1_000_000).fill(0);
      const { events, issues } = parseWebhook({ object: "whatsapp_business_account", entry });
      expect(events).toHaveLength(1_000_000);
      expect(events[999_999]).toEqual({ kind: "other", wabaId: "", field: "", path: "entry[999999]", raw: 0 });
      expect(issues).toHaveLength(101);
      expect(issues[99]).toMatchObject({ path: "entry[99]", code: "invalid_type" });
      expect(issues[100]).toEqual({
        path: "",
        code: "truncated",
        severity: "error",
        message: "stopped listing after 100 issues; 999900 more not listed (every event is still in events)",
        limit: 100,
        actual: 1_000_000,
      });
    },
    slow,
  );

  it(
    "a batch of broken messages keeps every event while its issues are capped",
    () => {
      const { events, issues } = first({ messages: new Array(5_000).fill({ id: "wamid.X", timestamp: "1" }) });
      expect(events).toHaveLength(5_000);
      expect(events.every((event) => event.kind === "other")).toBe(true);
      expect(issues.at(-1)).toMatchObject({ code: "truncated", actual: 5_000 });
    },
    slow,
  );

  it(
    "contact lookup reads each contact a fixed number of times, however many messages there are (it was contacts × messages)",
    () => {
      const count = 2_000;
      let reads = 0;
      const counted = (waId: string) =>
        new Proxy(
          { profile: { name: waId }, wa_id: waId },
          {
            get(target, key, receiver) {
              if (key === "wa_id") reads++;
              return Reflect.get(target, key, receiver);
            },
          },
        );
      const contacts = Array.from({ length: count }, (_, i) => counted(`1555${String(i).padStart(7, "0")}`));
      const last = contacts[count - 1]?.wa_id as string;
      const messages = Array.from({ length: count }, (_, i) => ({ ...inbound.text, id: `wamid.${i}`, from: last }));
      reads = 0;
      const { events } = first({ contacts, messages });
      expect(reads).toBeLessThanOrEqual(count * 3);
      expect(events).toHaveLength(count);
      expect(events.every((event) => event.kind === "message" && event.contact?.wa_id === last)).toBe(true);
    },
    slow,
  );

  it(
    "a long value in a message is quoted short",
    () => {
      const { issues } = parseWebhook({ object: "x".repeat(1_000_000), entry: [] });
      expect(issues[0]?.message).toBe(`expected "whatsapp_business_account", got "${"x".repeat(64)}"… (1000000 characters)`);
    },
    slow,
  );
});

describe("wrong types: a member of another JSON type is an issue at its path", () => {
  const only = (message: Record<string, unknown>) => first({ contacts: [contact], messages: [message] });

  it.each([
    ["text.body an object", { ...inbound.text, text: { body: { evil: true } } }, `${messagesPath}.text.body`],
    ["image.id a number", { ...inbound.image, image: { id: 1, mime_type: "image/jpeg" } }, `${messagesPath}.image.id`],
    ["button.payload null", { ...inbound.button, button: { payload: null, text: "Yes" } }, `${messagesPath}.button.payload`],
    [
      "button_reply.id an array",
      { ...inbound.button_reply, interactive: { type: "button_reply", button_reply: { id: ["x"], title: "t" } } },
      `${messagesPath}.interactive.button_reply.id`,
    ],
    [
      "order quantity a string",
      {
        ...inbound.order,
        order: { catalog_id: "c", product_items: [{ product_retailer_id: "p", quantity: "2", item_price: 3, currency: "EUR" }] },
      },
      `${messagesPath}.order.product_items[0].quantity`,
    ],
    ["reaction.message_id missing", { ...inbound.reaction, reaction: { emoji: "👍" } }, `${messagesPath}.reaction.message_id`],
  ])("%s: the message is an other event, not a typed one", (_, message, path) => {
    const { events, issues } = only(message);
    expect(events[0]).toMatchObject({ kind: "other", path: messagesPath, raw: message });
    expect(issues).toContainEqual(expect.objectContaining({ path, severity: "error" }));
  });

  it("an optional member of another type is left out (raw keeps it), and the message stays typed", () => {
    const message = { ...inbound.reaction, reaction: { message_id: "wamid.SENT1", emoji: 128077 }, context: { forwarded: "yes" } };
    const { events, issues } = only(message);
    expect(events[0]).toMatchObject({ kind: "message", type: "reaction", reaction: { message_id: "wamid.SENT1" }, raw: message });
    const event = events[0] as WebhookEvent & { reaction: { emoji?: unknown }; context: { forwarded?: unknown } };
    expect(event.reaction.emoji).toBeUndefined();
    expect(event.context.forwarded).toBeUndefined();
    expect(issues.map((issue) => [issue.path, issue.code, issue.message])).toEqual([
      [`${messagesPath}.reaction.emoji`, "invalid_type", "expected text, got number"],
      [`${messagesPath}.context.forwarded`, "invalid_type", "expected a boolean, got string"],
    ]);
  });

  it("a system message's previous ids (user_changed_user_id) are checked as the types promise: a number is left out", () => {
    const message = {
      ...inbound.text,
      type: "system",
      text: undefined,
      system: { type: "user_changed_user_id", user_id: "US.2", previous_user_id: 17, previous_parent_user_id: "US.P" },
    };
    const { events, issues } = only(message);
    expect(events[0]).toMatchObject({ kind: "message", type: "system", system: { previous_parent_user_id: "US.P" } });
    expect((events[0] as { system?: { previous_user_id?: unknown } }).system?.previous_user_id).toBeUndefined();
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      [`${messagesPath}.system.previous_user_id`, "expected text, got number"],
    ]);
  });

  it("a flow reply whose response_json is an object (flows.md §8.12: parse either) is read, not dropped", () => {
    const response = { flow_token: "tok-9", size: "M", nested: { a: [1] } };
    const message = {
      ...inbound.button_reply,
      interactive: { type: "nfm_reply", nfm_reply: { name: "flow", body: "Sent", response_json: response } },
    };
    const { events, issues } = only(message);
    expect(issues).toEqual([]);
    expect(events[0]).toMatchObject({
      kind: "message",
      type: "interactive",
      interactive: { type: "nfm_reply", nfm_reply: { response, flow_token: "tok-9", response_json: JSON.stringify(response) } },
      raw: message,
    });
  });

  it("statuses, errors and contacts are checked too", () => {
    const status = { ...statuses.read, recipient_participant_id: 5, pricing: { billable: "yes", category: "utility" } };
    const parsed = first({
      contacts: [{ profile: { name: 7 }, wa_id: "16505551234" }],
      messages: [inbound.text],
      statuses: [status],
      errors: [{ code: "131000" }],
    });
    expect(parsed.events.map((event) => event.kind)).toEqual(["message", "status", "other"]);
    expect(parsed.events[0]).toMatchObject({ contact: { wa_id: "16505551234" } });
    expect((parsed.events[0] as { contact?: { profile?: { name?: unknown } } }).contact?.profile?.name).toBeUndefined();
    expect(parsed.events[1]).toMatchObject({ kind: "status", pricing: { category: "utility" } });
    expect((parsed.events[1] as { recipient_participant_id?: unknown }).recipient_participant_id).toBeUndefined();
    expect(parsed.issues.map((issue) => issue.path)).toEqual([
      "entry[0].changes[0].value.contacts[0].profile.name",
      "entry[0].changes[0].value.statuses[0].recipient_participant_id",
      "entry[0].changes[0].value.statuses[0].pricing.billable",
      "entry[0].changes[0].value.errors[0].code",
    ]);
  });
});

describe("nothing is lost: what cannot be read is an issue and an `other` event", () => {
  const change = (field: string, value: unknown) => ({
    object: "whatsapp_business_account",
    entry: [{ id: "102290129340398", changes: [{ field, value }] }],
  });
  const at = "entry[0].changes[0]";

  it("a member 100,000 arrays deep where Unix seconds belong is an issue naming its type, not a stack overflow", () => {
    const deep = nested(100_000);
    const preference = { wa_id: "16505551234", detail: "d", category: "marketing_messages", value: "stop", timestamp: deep };
    const restriction = {
      event: "ACCOUNT_RESTRICTION",
      restriction_info: [{ restriction_type: "RESTRICTED_ADD_PHONE_NUMBER_ACTION", expiration: deep }],
    };
    for (const [field, value, path] of [
      ["user_preferences", { user_preferences: [preference] }, `${at}.value.user_preferences[0].timestamp`],
      ["account_update", restriction, `${at}.value.restriction_info[0].expiration`],
    ] as const) {
      const { events, issues } = parseWebhook(change(field, value));
      expect(events).toEqual([expect.objectContaining({ kind: "change", field })]);
      expect(issues).toEqual([
        { path, code: "invalid_format", severity: "error", message: "Unix seconds, as digits or a number, got an array" },
      ]);
    }
    // A 3 MB string is quoted by its start, not whole.
    const long = parseWebhook(change("user_preferences", { user_preferences: [{ ...preference, timestamp: "x".repeat(3_000_000) }] }));
    expect(long.issues[0]?.message).toBe(`Unix seconds, as digits or a number, got "${"x".repeat(64)}"… (3000000 characters)`);
  });

  it("a change whose value is no object, and an entry without changes, are kept with their path", () => {
    const { events, issues } = parseWebhook({
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: "hello" }, 7] }, { id: "2" }, null],
    });
    expect(events).toEqual([
      { kind: "other", wabaId: "1", field: "messages", path: "entry[0].changes[0]", raw: "hello" },
      { kind: "other", wabaId: "1", field: "", path: "entry[0].changes[1]", raw: 7 },
      { kind: "other", wabaId: "2", field: "", path: "entry[1]", raw: { id: "2" } },
      { kind: "other", wabaId: "", field: "", path: "entry[2]", raw: null },
    ]);
    expect(issues.map((issue) => [issue.path, issue.code, issue.message])).toEqual([
      ["entry[0].changes[0].value", "invalid_type", "a value object, got string"],
      ["entry[0].changes[1]", "invalid_type", "a change object, got number"],
      ["entry[1].changes", "required", "an array of changes, got undefined"],
      ["entry[2]", "invalid_type", "an entry object, got null"],
    ]);
  });

  it("an item of a field's list that is no object is kept beside the items read", () => {
    const preference = { wa_id: "16505551234", detail: "d", category: "marketing_messages", value: "stop", timestamp: "1700000000" };
    const { events, issues } = parseWebhook(change("user_preferences", { user_preferences: [preference, "stop"] }));
    expect(events).toEqual([
      expect.objectContaining({ kind: "change", field: "user_preferences", path: `${at}.value.user_preferences[0]` }),
      { kind: "other", wabaId: "102290129340398", field: "user_preferences", path: `${at}.value.user_preferences[1]`, raw: "stop" },
    ]);
    expect(issues).toEqual([expect.objectContaining({ path: `${at}.value.user_preferences[1]`, code: "invalid_type" })]);
  });

  it("a field's value its reader makes nothing of is kept whole", () => {
    const value = { state_sync: { type: "contact" } };
    const { events, issues } = parseWebhook(change("smb_app_state_sync", value));
    expect(events).toEqual([{ kind: "other", wabaId: "102290129340398", field: "smb_app_state_sync", path: `${at}.value`, raw: value }]);
    expect(issues).toEqual([expect.objectContaining({ path: `${at}.value.state_sync`, code: "invalid_type" })]);
    // An empty value has nothing to keep, nor has one whose updates are an empty list (a valid batch of none).
    expect(parseWebhook(change("smb_app_state_sync", {})).events).toEqual([]);
    for (const [field, list] of [
      ["smb_app_state_sync", "state_sync"],
      ["user_preferences", "user_preferences"],
      ["history", "history"],
      ["smb_message_echoes", "message_echoes"],
      ["group_lifecycle_update", "groups"],
    ]) {
      const empty = parseWebhook(change(field as string, { messaging_product: "whatsapp", [list as string]: [] }));
      expect([field, empty.events, empty.issues]).toEqual([field, [], []]);
    }
  });

  it("in a messages value: a list of another type, and a member this package does not read, are kept after the updates", () => {
    const calls = [{ id: "wacid.1", event: "connect" }];
    const { events, issues } = first({ contacts: [contact], messages: [inbound.text], statuses: { id: "x" }, calls } as never);
    expect(events.map((event) => [event.kind, "path" in event ? event.path : ""])).toEqual([
      ["message", ""],
      ["other", `${at}.value.statuses`],
      ["other", `${at}.value.calls`],
    ]);
    expect(events[1]).toMatchObject({ field: "messages", raw: { id: "x" } });
    expect(events[2]).toMatchObject({ field: "messages", raw: calls });
    expect(issues.map((issue) => issue.path)).toEqual([`${at}.value.statuses`]);
    // The members every change carries are not events.
    expect(first({ messaging_product: "whatsapp" } as never).events).toEqual([]);
  });
});

describe("inherited keys: only own properties name a type", () => {
  it.each(["toString", "constructor", "hasOwnProperty", "__proto__", "valueOf"])(
    "a message type %j is unknown, not a known type (so ts-pattern's exhaustive() never meets it)",
    (type) => {
      const message = JSON.parse(`{"from":"1","id":"wamid.P","timestamp":"1","type":${JSON.stringify(type)}}`);
      const { events, issues } = first({ messages: [message] });
      expect(issues).toEqual([]);
      expect(events[0]).toMatchObject({ kind: "message", type: "unknown", original_type: type });
    },
  );

  it("a payload under __proto__ is not read as the payload", () => {
    const message = JSON.parse('{"from":"1","id":"wamid.P","timestamp":"1","type":"text","__proto__":{"text":{"body":"hi"}}}');
    const { events, issues } = first({ messages: [message] });
    expect(events[0]?.kind).toBe("other");
    expect(issues).toContainEqual(expect.objectContaining({ path: `${messagesPath}.text`, code: "required" }));
    expect(({} as { text?: unknown }).text).toBeUndefined();
  });

  it("a member inherited from a polluted Object.prototype is not taken as the update's own", () => {
    const prototype = Object.prototype as { recipient_participant_id?: unknown };
    prototype.recipient_participant_id = "someone";
    try {
      const { events, issues } = first({ statuses: [statuses.read] });
      expect(Object.hasOwn(events[0] as object, "recipient_participant_id")).toBe(false);
      expect(issues).toEqual([]);
    } finally {
      delete prototype.recipient_participant_id;
    }
  });
});

describe("options: checked when the handler is made", () => {
  const base = { appSecret, onEvents: () => {} };

  it.each([
    [Number.NaN, "NaN"],
    ["4mb", '"4mb"'],
    [0, "0"],
    [-1, "-1"],
    [1.5, "1.5"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [2 ** 31, "2147483648"],
  ])("maxBytes %p is refused with its value, by both handlers (it used to remove the cap)", (maxBytes, shown) => {
    for (const [make, name] of [
      [webhookHandler, "webhookHandler"],
      [nodeWebhookHandler, "nodeWebhookHandler"],
    ] as const)
      expect(() => make({ ...base, maxBytes } as unknown as WebhookHandlerOptions)).toThrow(
        new TypeError(`${name}: maxBytes must be a whole number from 1 to 1073741824, got ${shown}`),
      );
  });

  it("an empty verify token, an onError that is no function and missing options say which", () => {
    expect(() => webhookHandler({ ...base, verifyToken: "" })).toThrow("webhookHandler: verifyToken must be non-empty text when given");
    expect(() => webhookHandler({ ...base, onError: "log" } as unknown as WebhookHandlerOptions)).toThrow(
      "webhookHandler: onError must be a function when given, got string",
    );
    expect(() => webhookHandler(undefined as unknown as WebhookHandlerOptions)).toThrow("webhookHandler: options are required");
    expect(() => nodeWebhookHandler({ ...base, appSecret: "" })).toThrow("nodeWebhookHandler: appSecret is required");
  });

  it("a body a middleware already read as a string is held to maxBytes: 413", async () => {
    const text = metaJson(envelope({ messages: [{ ...inbound.text, text: { body: "x".repeat(5_000) } }] }));
    const taken: WebhookEvent[] = [];
    const answer = await nodeAnswer(
      { method: "POST", url: "/webhook", headers: { "x-hub-signature-256": await signatureOf(text, appSecret) }, body: text },
      { ...base, maxBytes: 1_000, onEvents: (events) => void taken.push(...events) },
    );
    expect(answer).toEqual({ status: 413, body: "over 1000 bytes" });
    expect(taken).toEqual([]);
  });

  it("a multi-byte string body is measured in UTF-8 bytes", async () => {
    const text = metaJson(envelope({ messages: [inbound.text] })).replace("wamid", "wamïd");
    const bytes = new TextEncoder().encode(text).length;
    const answer = await nodeAnswer(
      { method: "POST", url: "/", headers: { "x-hub-signature-256": "sha256=00" }, body: text },
      { ...base, maxBytes: text.length },
    );
    expect(bytes).toBeGreaterThan(text.length);
    expect(answer.status).toBe(413);
  });

  it("GET //[ (no URL) is answered 400 and never reaches onError (it is for onEvents)", async () => {
    const errors: unknown[] = [];
    const answer = await nodeAnswer({ method: "GET", url: "//[" }, { ...base, verifyToken: "vt", onError: (error) => errors.push(error) });
    expect(answer).toEqual({ status: 400, body: "the request URL cannot be read" });
    expect(errors).toEqual([]);
  });

  it("onRejected and onError that throw (a logger that is down) still get the POST its answer, and crash nothing", async () => {
    const down = () => {
      throw new Error("logger down");
    };
    const hooks = { ...base, onRejected: down, onError: down, onEvents: down };
    const forged = { method: "POST", url: "/", headers: { "x-hub-signature-256": "sha256=00" }, body: "{}" };
    expect(await nodeAnswer(forged, hooks)).toEqual({ status: 403, body: "the signature does not match the body" });
    const web = await webhookHandler(hooks)(
      new Request("https://example.com/", { method: "POST", headers: { "x-hub-signature-256": "sha256=00" }, body: "{}" }),
    );
    expect(web.status).toBe(403);
    const text = metaJson(envelope({ messages: [inbound.text] }));
    const signed = { method: "POST", url: "/", headers: { "x-hub-signature-256": await signatureOf(text, appSecret) }, body: text };
    expect(await nodeAnswer(signed, hooks)).toEqual({ status: 500, body: "the events were not taken; deliver again" });
  });
});

describe("signature edge cases", () => {
  it("metaJson escapes / as Meta does (image\\/jpeg), and the signature holds over those bytes only", async () => {
    const payload = envelope({ messages: [inbound.image] });
    const raw = metaJson(payload);
    expect(raw).toContain('"mime_type":"image\\/jpeg"');
    expect(raw.replaceAll("\\/", "")).not.toContain("/");
    const header = await signatureOf(raw, appSecret);
    expect(await verifySignature(raw, header, appSecret)).toBe(true);
    expect(await verifySignature(JSON.stringify(JSON.parse(raw)), header, appSecret)).toBe(false);
    expect(parseWebhook(JSON.parse(raw)).events[0]).toMatchObject({ image: { mime_type: "image/jpeg" } });
  });

  it("metaJson: non-ASCII as lower-case \\u escapes, @ escaped, and JSON's own escapes kept", () => {
    expect(metaJson({ t: "ä@/\n\u2028😀\u007f" })).toBe('{"t":"\\u00e4\\u0040\\/\\n\\u2028\\ud83d\\ude00\\u007f"}');
    expect(JSON.parse(metaJson({ t: "ä@/\n\u2028😀" }))).toEqual({ t: "ä@/\n\u2028😀" });
  });

  it("a group's read receipts are one event per participant, and each redelivery is still a duplicate", () => {
    const group = { ...statuses.read, recipient_id: "GROUP1", recipient_type: "group" };
    const receipts = ["16505551234", "447700900123", "4915112345678"].map((participant) => ({
      ...group,
      recipient_participant_id: participant,
    }));
    const { events } = first({ statuses: receipts });
    const seen = new Set<string>();
    expect(dedupe(events, seen)).toHaveLength(3);
    expect(dedupe(first({ statuses: receipts }).events, seen)).toHaveLength(0);
    expect(eventKey(events[1] as WebhookEvent)).toBe('participant-status:["wamid.SENT1","read","447700900123"]');
    // A status to one user keeps the key it always had, so keys stored before still match.
    expect(eventKey(first({ statuses: [statuses.read] }).events[0] as WebhookEvent)).toBe("status:wamid.SENT1:read");
  });
});

describe("ids that come back: user input, decoded only as id() writes them", () => {
  const Slot = callbackData("slot", { day: ["mon", "tue"], hour: "number" });
  const Order = callbackData("order", { action: ["pay", "cancel"], orderId: "string" });
  const tapped = (id: unknown, type: "button_reply" | "list_reply" = "button_reply") =>
    first({ messages: [{ ...inbound.button_reply, interactive: { type, [type]: { id, title: "t" } } }] }).events[0] as WebhookEvent;

  it("decode refuses what id() refuses: a non-finite number, a 1,000,005-character id, a second form", () => {
    expect(() => Slot.id({ day: "mon", hour: Number.POSITIVE_INFINITY })).toThrow("finite");
    expect(Slot.decode("slot~mon~1e999")).toBeUndefined();
    expect(Slot.decode(`slot~mon~${"9".repeat(1_000_000)}`)).toBeUndefined();
    expect(Order.decode(`order~pay~${"x".repeat(1_000_000)}`)).toBeUndefined();
    expect(Slot.decode("slot~mon~09")).toBeUndefined();
    expect(Slot.decode("slot~mon~9.0")).toBeUndefined();
    expect(Order.decode("order~pay~a%7")).toBeUndefined();
    expect(Slot.decode("slot~mon~9")).toEqual({ day: "mon", hour: 9 });
  });

  it("property: whatever string decodes is exactly the id id() writes for its value", () => {
    const Mixed = callbackData("m", { n: "number", b: "boolean", w: ["a", "b~c", "d%"], t: "string" });
    const part = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom("1", "-0", "1e21", "1e+21", "0.5", "%7E", "%25", "%", "b%7Ec", "d%25"),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 4, maxLength: 4 }), (parts) => {
        const id = ["m", ...parts].join("~");
        const value = Mixed.decode(id);
        if (value !== undefined) expect(Mixed.id(value)).toBe(id);
      }),
      { numRuns: 2_000 },
    );
  });

  it("match refuses an id longer than its place allows: 256 for a button, 200 for a row", () => {
    const long = Order.id({ action: "pay", orderId: "x".repeat(230) });
    expect(Order.decode(long)).toEqual({ action: "pay", orderId: "x".repeat(230) });
    expect(Order.match(tapped(long))).toEqual({ action: "pay", orderId: "x".repeat(230) });
    expect(Order.match(tapped(long, "list_reply"))).toBeUndefined();
    expect(Order.match(tapped(Order.id({ action: "pay", orderId: "x".repeat(300) })))).toBeUndefined();
  });

  it("an id never offered still decodes with a plain codec (it is user input: check it against your state)", () => {
    expect(Order.match(tapped("order~cancel~someone-elses-order-42"))).toEqual({ action: "cancel", orderId: "someone-elses-order-42" });
  });

  it("a signed codec refuses an id that was made up, changed, or signed with another secret", async () => {
    const Signed = callbackData.signed("a-secret-of-32-characters-------")("order", { action: ["pay", "cancel"], orderId: "string" });
    const id = await Signed.id({ action: "pay", orderId: "42" });
    expect(id).toMatch(/^order~pay~42~[A-Za-z0-9_-]{22}$/);
    expect(await Signed.match(tapped(id))).toEqual({ action: "pay", orderId: "42" });
    expect(await Signed.decode(id.replace("pay", "cancel"))).toBeUndefined();
    expect(await Signed.decode(id.replace("~42~", "~43~"))).toBeUndefined();
    expect(await Signed.decode(`${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}`)).toBeUndefined();
    expect(await Signed.decode("order~cancel~someone-elses-order-42")).toBeUndefined();
    expect(await Signed.match(tapped("order~cancel~someone-elses-order-42"))).toBeUndefined();
    const other = callbackData.signed("another-secret-of-32-characters-")("order", { action: ["pay", "cancel"], orderId: "string" });
    expect(await other.decode(id)).toBeUndefined();
    expect(Order.decode(id)).toBeUndefined(); // a plain codec of the same name does not take a signed id
  });

  it("signed ids stay within 512 characters, and a short secret is refused", async () => {
    const Signed = callbackData.signed("a-secret-of-32-characters-------")("note", { text: "string" });
    expect((await Signed.id({ text: "x".repeat(484) })).length).toBe(512);
    await expect(Signed.id({ text: "x".repeat(485) })).rejects.toThrow(
      "callbackData note: the signed id is 513 characters (the tag takes 23); at most 512 fit anywhere",
    );
    expect(() => callbackData.signed("short")).toThrow("callbackData.signed: the secret is text of at least 16 characters");
  });
});
