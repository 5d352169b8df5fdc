import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  conversationControl,
  isOptOut,
  marketingPreferences,
  mayReceiveMarketing,
  numberHealth,
  parseWebhook,
  reassembleHistory,
  type WebhookEvent,
} from "../src/index.js";
import { envelope, inbound } from "./fixtures.js";
import { changeOf, examples, wabaId } from "./fixtures-2026.js";

const eventsOf = (body: unknown): WebhookEvent[] => {
  const { events, issues } = parseWebhook(body);
  expect(issues).toEqual([]);
  return [...events];
};
const preference = (value: string, timestamp: number, wa_id = "16505551234") =>
  eventsOf(changeOf("user_preferences", { user_preferences: [{ wa_id, category: "marketing_messages", value, timestamp }] }));

describe("opt-outs", () => {
  it("isOptOut is true for a marketing stop only", () => {
    expect(preference("stop", 1).some(isOptOut)).toBe(true);
    expect(preference("resume", 1).some(isOptOut)).toBe(false);
    expect(preference("pause", 1).some(isOptOut)).toBe(false);
    expect(eventsOf(envelope({ messages: [inbound.text as Record<string, unknown>] })).some(isOptOut)).toBe(false);
  });

  it("the latest choice by time wins, whatever the arrival order; unknown users may receive marketing", () => {
    const stop = preference("stop", 100);
    const resume = preference("resume", 200);
    expect(marketingPreferences([...resume, ...stop]).get("16505551234")).toEqual({ value: "resume", since: 200 });
    expect(marketingPreferences([...stop, ...resume]).get("16505551234")).toEqual({ value: "resume", since: 200 });
    const preferences = marketingPreferences([...stop]);
    expect(mayReceiveMarketing(preferences, "16505551234")).toBe(false);
    expect(mayReceiveMarketing(preferences, "16505559999")).toBe(true);
  });

  it("a marketing send that failed with 131050 (user stopped marketing) counts as a stop", () => {
    const failed = eventsOf(
      envelope({
        statuses: [
          {
            id: "wamid.M",
            status: "failed",
            timestamp: "300",
            recipient_id: "16505551234",
            errors: [{ code: 131050, title: "User has stopped marketing messages" }],
          },
        ],
      }),
    );
    expect(marketingPreferences([...preference("resume", 200), ...failed]).get("16505551234")).toEqual({ value: "stop", since: 300 });
  });
});

describe("who holds a conversation", () => {
  const user = "16505551234";
  it("standby → the agent; a handover to the app → the app; a message on messages → the app", () => {
    const standby = eventsOf(changeOf("standby", examples.standby));
    expect(conversationControl(standby).get(user)).toEqual({ owner: "business_agent", since: 1_767_225_600 });
    const passed = eventsOf(changeOf("messaging_handovers", { ...examples.messaging_handovers, timestamp: "1767225700" }));
    expect(conversationControl([...standby, ...passed]).get(user)).toEqual({ owner: "app", since: 1_767_225_700 });
    // Out of order: the older standby message does not take it back.
    expect(conversationControl([...passed, ...standby]).get(user)?.owner).toBe("app");
    const taken = eventsOf(
      changeOf("messaging_handovers", {
        type: "control_taken",
        wa_id: user,
        timestamp: "1767225800",
        control_taken: { previous_owner: "app", new_owner: "business_agent" },
      }),
    );
    expect(conversationControl([...standby, ...passed, ...taken]).get(user)?.owner).toBe("business_agent");
    const message = eventsOf(envelope({ messages: [{ ...inbound.text, timestamp: "1767225900" }] }));
    expect(conversationControl([...taken, ...message]).get(user)).toEqual({ owner: "app", since: 1_767_225_900 });
  });
});

describe("history import", () => {
  const chunk = (phase: number, order: number, progress: number, times: number[]) => ({
    metadata: { phase, chunk_order: order, progress },
    threads: [
      {
        id: "16505551234",
        messages: times.map((t) => ({ id: `wamid.${phase}.${order}.${t}`, timestamp: String(t), type: "text", text: { body: `${t}` } })),
      },
    ],
  });
  const chunks = [
    chunk(0, 1, 20, [10, 11]),
    chunk(0, 2, 40, [12, 13]),
    chunk(1, 1, 60, [1, 2]),
    chunk(1, 2, 80, [3, 4]),
    chunk(2, 1, 100, [0]),
  ];

  it("chunks in any order, some delivered twice, reassemble in order with progress", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(chunks, { minLength: chunks.length, maxLength: chunks.length }), fc.nat(4), (shuffled, twice) => {
        const events = [...shuffled, shuffled[twice]].flatMap((c) => eventsOf(changeOf("history", { ...examples.history, history: [c] })));
        const history = reassembleHistory(events);
        expect(history).toMatchObject({ chunks: 5, progress: 100, complete: true, missing: [], errors: [] });
        expect(history.threads.get("16505551234")?.map((m) => m.timestamp)).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13]);
      }),
      { numRuns: 50 },
    );
  });

  it("a missing chunk keeps it incomplete and says which", () => {
    const events = [chunks[0], chunks[3], chunks[4]].flatMap((c) => eventsOf(changeOf("history", { ...examples.history, history: [c] })));
    expect(reassembleHistory(events)).toMatchObject({
      progress: 100,
      complete: false,
      missing: [{ phase: 1, chunk_order: 1 }],
      missingCount: 1,
    });
  });

  // chunk_order is network input: a hostile one must be refused where it is read, and never set
  // how much work reassembly does.
  it("refuses a chunk_order that is not a whole number from 1 to 1,000,000, naming path and value", () => {
    const hostile: unknown[] = [
      5e6,
      9007199254740991,
      1_000_001,
      0,
      -1,
      1.5,
      "NaN",
      "abc",
      "5e6",
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      [],
      {},
    ];
    for (const chunk_order of hostile) {
      const body = changeOf("history", {
        ...examples.history,
        history: [{ metadata: { phase: 0, chunk_order, progress: 10 }, threads: [] }],
      });
      const { events, issues } = parseWebhook(body);
      expect({ chunk_order, chunks: events.filter((e) => e.kind === "change" && e.field === "history" && e.type === "chunk") }).toEqual({
        chunk_order,
        chunks: [],
      });
      const paths = issues.map((issue) => issue.path);
      expect(paths).toContain("entry[0].changes[0].value.history[0].metadata.chunk_order");
    }
    const tooLarge = parseWebhook(
      changeOf("history", { ...examples.history, history: [{ metadata: { phase: 0, chunk_order: 5e6, progress: 10 }, threads: [] }] }),
    ).issues.find((issue) => issue.path.endsWith(".chunk_order"));
    expect(tooLarge).toMatchObject({
      code: "out_of_range",
      message: "a whole number from 1 to 1000000 (the chunk's place in the import), got 5000000",
    });
    const fractional = parseWebhook(
      changeOf("history", { ...examples.history, history: [{ metadata: { phase: 0, chunk_order: 1.5, progress: 10 }, threads: [] }] }),
    ).issues.find((issue) => issue.path.endsWith(".chunk_order"));
    expect(fractional).toMatchObject({ code: "invalid_format", message: expect.stringContaining("got 1.5") });
    // The bound itself and a string of digits (Meta's pages show numbers as both) are read.
    for (const chunk_order of [1_000_000, "7"])
      expect(
        eventsOf(
          changeOf("history", { ...examples.history, history: [{ metadata: { phase: 0, chunk_order, progress: 10 }, threads: [] }] }),
        ),
      ).toMatchObject([{ chunk_order: Number(chunk_order) }]);
  });

  it("counts missing chunks without listing more than 100, however large a chunk_order claims to be", () => {
    const [received] = eventsOf(changeOf("history", { ...examples.history, history: [chunk(0, 1_000_000, 10, [1])] })) as [WebhookEvent];
    const history = reassembleHistory([received]);
    expect(history).toMatchObject({ chunks: 1, complete: false, missingCount: 999_999 });
    expect(history.missing).toHaveLength(100);
    expect(history.missing[0]).toEqual({ phase: 0, chunk_order: 1 });
    expect(history.missing[99]).toEqual({ phase: 0, chunk_order: 100 });
    // An event built by hand is not bounded by the parser: the count is arithmetic, not a loop.
    const handMade = { ...received, chunk_order: Number.MAX_SAFE_INTEGER } as WebhookEvent;
    expect(reassembleHistory([handMade])).toMatchObject({ missingCount: Number.MAX_SAFE_INTEGER - 1, complete: false });
    expect(reassembleHistory([handMade]).missing).toHaveLength(100);
    // One that is not a whole number from 1 leaves no gap below it (and no endless loop).
    for (const chunk_order of [Number.POSITIVE_INFINITY, Number.NaN, -3, 2.5])
      expect(reassembleHistory([{ ...received, chunk_order } as WebhookEvent])).toMatchObject({ chunks: 1, missing: [], missingCount: 0 });
  });

  it("many chunks: gaps in every phase counted exactly, the first 100 listed lowest first", () => {
    const events: WebhookEvent[] = [];
    for (const phase of [0, 1, 2])
      for (let order = 2; order <= 3_000; order += 2)
        events.push(...eventsOf(changeOf("history", { ...examples.history, history: [chunk(phase, order, 50, [order])] })));
    const history = reassembleHistory(events);
    expect(history.chunks).toBe(4_500);
    expect(history.missingCount).toBe(4_500); // the odd orders 1…2999 below each phase's highest, 3000
    expect(history.missing).toHaveLength(100);
    expect(history.missing.slice(0, 3)).toEqual([
      { phase: 0, chunk_order: 1 },
      { phase: 0, chunk_order: 3 },
      { phase: 0, chunk_order: 5 },
    ]);
    expect(history.missing.at(-1)).toEqual({ phase: 0, chunk_order: 199 });
  });

  it("a declined import is an error event", () => {
    const events = eventsOf(
      changeOf("history", { messaging_product: "whatsapp", errors: [{ code: 2593109, message: "Business declined to share history" }] }),
    );
    expect(reassembleHistory(events)).toMatchObject({ chunks: 0, complete: false, errors: [2593109] });
  });
});

describe("number health", () => {
  it("limit tier, restrictions (expired ones dropped), ban, offboarding and reconnection", () => {
    const events = [
      ...eventsOf(changeOf("business_capability_update", examples.business_capability_update)),
      ...eventsOf(changeOf("account_update", examples.account_update)),
      ...eventsOf(changeOf("phone_number_quality_update", examples.phone_number_quality_update)),
      ...eventsOf(changeOf("account_update", { event: "ACCOUNT_OFFBOARDED" })),
    ];
    const health = numberHealth(events, 1_767_225_600).get(wabaId);
    expect(health).toMatchObject({
      messagingLimit: "TIER_10K",
      qualityEvent: "THROUGHPUT_UPGRADE",
      restrictions: [{ restriction_type: "RESTRICTED_UTILITY_TEMPLATES" }],
      banState: "SCHEDULE_FOR_DISABLE",
      connected: false,
      volumeTier: { tier: "250000:1000000", effective_month: "2026-11" },
      lastEvent: "ACCOUNT_OFFBOARDED",
    });
    expect(numberHealth(events, 1_767_830_401).get(wabaId)?.restrictions).toEqual([]);
    const back = numberHealth([...events, ...eventsOf(changeOf("account_update", { event: "ACCOUNT_RECONNECTED" }))], 0).get(wabaId);
    expect(back?.connected).toBe(true);
  });
});
