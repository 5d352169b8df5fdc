import { describe, expect, it } from "@jest/globals";
import { eventKey, metaJson, parseWebhook, type WebhookEvent, webhookPayload } from "@wacompose/webhooks";
import { createInboundQueue, type InboundQueue } from "../src/index.js";
import { redisForTheFile } from "./redis.js";

const redis = redisForTheFile();

const metadata = { display_phone_number: "15550001111", phone_number_id: "106540352242922" };
/** A batch as Meta sends it: 20 messages and 20 statuses in one change. */
const batch = (from: number) =>
  parseWebhook(
    JSON.parse(
      metaJson(
        webhookPayload("102290129340398", {
          metadata,
          messages: Array.from({ length: 20 }, (_, i) => ({
            from: "16505551234",
            id: `wamid.IN${from + i}`,
            timestamp: "1767225600",
            type: "text",
            text: { body: `n° ${from + i}` },
          })),
          statuses: Array.from({ length: 20 }, (_, i) => ({
            id: `wamid.OUT${from + i}`,
            status: "delivered",
            timestamp: "1767225600",
            recipient_id: "16505551234",
          })),
        }),
      ),
    ),
  ).events;

describe("createInboundQueue: many receivers and workers, each update processed once", () => {
  it("the same batch added by three receivers, twice, is processed once per update across three workers", async () => {
    const connection = { host: "127.0.0.1", port: redis.port };
    const name = `inbound-${Date.now()}`;
    const receivers: InboundQueue[] = [0, 1, 2].map(() => createInboundQueue({ connection, name }));
    const processed: string[] = [];
    for (const receiver of receivers) receiver.process((event: WebhookEvent) => void processed.push(eventKey(event)), { concurrency: 4 });
    try {
      const events = batch(0);
      // Meta delivers to every subscribed app, and again after a timeout: six deliveries of one batch, at once.
      const added = await Promise.all([...receivers, ...receivers].map((receiver) => receiver.add(events)));
      expect(added.reduce((sum, fresh) => sum + fresh.length, 0)).toBe(40);
      // A later batch overlapping by half: only its new half is added.
      const overlapping = await receivers[1]?.add(batch(10));
      expect(overlapping?.map(eventKey).sort()).toEqual(batch(20).slice(0, 10).concat(batch(20).slice(20, 30)).map(eventKey).sort());
      const started = Date.now();
      while (processed.length < 60 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(processed).toHaveLength(60);
      expect(new Set(processed).size).toBe(60);
    } finally {
      await Promise.all(receivers.map((receiver) => receiver.close()));
    }
  }, 30_000);

  it("an event too deep for JSON.stringify does not fail its batch: both queued, the handler gets each whole", async () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const { events } = parseWebhook({
      object: "whatsapp_business_account",
      entry: [
        { id: "1", changes: [{ field: "future_field", value: { deep } }] },
        ...(JSON.parse(
          metaJson(
            webhookPayload("2", {
              metadata,
              messages: [{ from: "16505551234", id: "wamid.NEXT", timestamp: "1767225600", type: "text", text: { body: "hi" } }],
            }),
          ),
        ).entry as unknown[]),
      ],
    });
    expect(events.map((event) => event.kind)).toEqual(["other", "message"]);
    expect(() => JSON.stringify(events[0])).toThrow(RangeError); // what BullMQ stores job data with
    const inbound = createInboundQueue({ connection: { host: "127.0.0.1", port: redis.port }, name: `deep-${Date.now()}` });
    const processed: WebhookEvent[] = [];
    inbound.process((event) => void processed.push(event));
    try {
      const added = await inbound.add(events);
      expect(added.map(eventKey)).toEqual(events.map(eventKey));
      const started = Date.now();
      while (processed.length < 2 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(processed.map(eventKey).sort()).toEqual(events.map(eventKey).sort());
      // Nothing lost: the deep event comes back whole (its key is made from all of its content).
      const back = processed.find((event) => event.kind === "other");
      expect(back && eventKey(back)).toBe(eventKey(events[0] as WebhookEvent));
      await expect(inbound.add(events)).resolves.toEqual([]); // a redelivery is deduplicated
    } finally {
      await inbound.close();
    }
  }, 60_000);

  it("an empty batch adds nothing; bad options say what is wrong", async () => {
    const inbound = createInboundQueue({ connection: { host: "127.0.0.1", port: redis.port } });
    try {
      await expect(inbound.add([])).resolves.toEqual([]);
    } finally {
      await inbound.close();
    }
    expect(() => createInboundQueue({ connection: {}, dedupeForMs: 0 })).toThrow(
      "createInboundQueue: dedupeForMs must be a whole number from 1 to 9007199254740991, got 0",
    );
  });
});
