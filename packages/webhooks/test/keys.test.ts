import { describe, expect, it } from "@jest/globals";
import { dedupe, eventKey, parseWebhook, type WebhookEvent } from "../src/index.js";
import { statuses } from "./fixtures.js";
import { changeOf, examples } from "./fixtures-2026.js";

// Dedupe keys are kept for days (a Set, Redis SET NX) and printed in logs: bounded in size, and
// never equal for two different updates.

/** The single event of a change, asserting there was no issue. */
function one(field: string, value: unknown): WebhookEvent {
  const { events, issues } = parseWebhook(changeOf(field, value));
  expect(issues).toEqual([]);
  expect(events).toHaveLength(1);
  return events[0] as WebhookEvent;
}

/** A history chunk of `count` messages (Meta sends up to thousands per chunk). */
function historyChunk(count: number, body: string): unknown {
  const chunk = structuredClone(examples.history) as unknown as { history: { threads: { messages: unknown[] }[] }[] };
  const [message] = chunk.history[0]?.threads[0]?.messages ?? [];
  (chunk.history[0]?.threads[0] as { messages: unknown[] }).messages = Array.from({ length: count }, (_, i) => ({
    ...(message as object),
    id: `wamid.HIST${i}`,
    text: { body: `${body} ${i}` },
  }));
  return chunk;
}

describe("content keys are bounded", () => {
  it("a history chunk of 20,000 messages has a short key; the same chunk twice has the same key, another chunk another", () => {
    const chunk = historyChunk(20_000, "Hello from last week");
    const key = eventKey(one("history", chunk));
    expect(JSON.stringify(chunk).length).toBeGreaterThan(2_000_000);
    expect(key.length).toBeLessThan(200);
    expect(key).toMatch(/^change:\d+:history:#\d{7}:[0-9a-f]{32}:\{/);
    expect(eventKey(one("history", structuredClone(chunk)))).toBe(key);
    expect(eventKey(one("history", historyChunk(20_000, "Hello from last weeK")))).not.toBe(key);
    const events = [one("history", chunk), one("history", structuredClone(chunk)), one("history", historyChunk(20_000, "x"))];
    expect(dedupe(events, new Set())).toHaveLength(2);
  }, 120_000);

  it("large raws that differ in one character, or only in order, get different keys; short raws keep their old key", () => {
    const big = (text: string) => one("future_field", { text });
    const base = "a".repeat(5000);
    const keys = new Set<string>();
    for (let i = 0; i < 2000; i += 7) keys.add(eventKey(big(`${base.slice(0, i)}b${base.slice(i + 1)}`)));
    keys.add(eventKey(big(base)));
    expect(keys.size).toBe(Math.ceil(2000 / 7) + 1);
    expect(eventKey(big("ab".repeat(2000)))).not.toBe(eventKey(big("ba".repeat(2000))));
    for (const key of keys) expect(key.length).toBeLessThan(200);
    // Under the bound a key is what it always was, so keys already stored still match.
    expect(eventKey(one("future_field", { text: "hi" }))).toBe('other:102290129340398:future_field:{"text":"hi"}');
  });

  it("an error event with a huge body has a short key", () => {
    const { events } = parseWebhook({
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: { errors: [{ code: 131000, title: "x".repeat(1_000_000) }] } }] }],
    });
    const key = eventKey(events[0] as WebhookEvent);
    expect(events[0]?.kind).toBe("error");
    expect(key.length).toBeLessThan(200);
    expect(key.startsWith("error:1:#")).toBe(true);
  });
});

describe("status keys never collide", () => {
  const status = (id: string, name: "read" | "delivered", participant?: string): WebhookEvent => {
    const { events } = parseWebhook({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "1",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "1", phone_number_id: "2" },
                statuses: [{ ...statuses.delivered, id, status: name, ...(participant ? { recipient_participant_id: participant } : {}) }],
              },
            },
          ],
        },
      ],
    });
    expect(events).toHaveLength(1);
    return events[0] as WebhookEvent;
  };

  it("fields that hold ':' cannot make two participants' statuses one key", () => {
    const left = eventKey(status("a", "read", "delivered:x"));
    const right = eventKey(status("a:read", "delivered", "x"));
    expect(left).not.toBe(right);
    expect(eventKey(status("a", "read", "b:c"))).not.toBe(eventKey(status("a:read", "read", "c")));
    expect(dedupe([status("a", "read", "delivered:x"), status("a:read", "delivered", "x")], new Set())).toHaveLength(2);
  });

  it("no status without a participant has a participant's key; without one the key is as it was", () => {
    const withParticipant = eventKey(status("a", "read", "p"));
    expect(withParticipant).toBe('participant-status:["a","read","p"]');
    // The id a participant-less status would need to copy it still yields "status:…", never "participant-status:".
    expect(eventKey(status('participant-status:["a","read","p"]', "read"))).not.toBe(withParticipant);
    expect(eventKey(status("a", "read"))).toBe("status:a:read");
    expect(eventKey(status("a:read", "delivered"))).toBe("status:a:read:delivered");
  });
});
