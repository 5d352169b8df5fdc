import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { describe, expect, it } from "@jest/globals";
import type { Issue } from "@wacompose/builder";
import { conversationControl, nodeWebhookHandler, reassembleHistory, verifySignature, type WebhookEvent } from "@wacompose/webhooks";
import type { Emulator } from "../src/index.js";
import { listenReleased, releasedAfterEach, startReleased } from "./support/released.js";

const appSecret = "account-events-secret";
const open = releasedAfterEach();
const user = "16505551234";

interface Receiver {
  readonly url: string;
  readonly events: WebhookEvent[];
  readonly issues: Issue[];
}

/** A webhook endpoint built with @wacompose/webhooks (the signature of every POST checked over its bytes). */
async function receiver(): Promise<Receiver> {
  const state = { events: [] as WebhookEvent[], issues: [] as Issue[] };
  const server: Server = createServer(
    nodeWebhookHandler({
      appSecret,
      verifyToken: "v",
      onEvents(events, issues) {
        state.events.push(...events);
        state.issues.push(...issues);
      },
    }),
  );
  return Object.assign(state, { url: `${await listenReleased(open, server)}/webhook` });
}

async function setup(): Promise<{ emulator: Emulator; hook: Receiver }> {
  const hook = await receiver();
  const emulator = await startReleased(open, { seed: 7, webhook: { url: hook.url, appSecret, retryDelaysMs: [5, 10] } });
  return { emulator, hook };
}

describe("the emulator sends the account, number, group and Business App webhooks on demand", () => {
  it("each is signed, logged, delivered and parsed to its typed event with no issue", async () => {
    const { emulator, hook } = await setup();
    const deliveries = [
      emulator.send.accountUpdate({
        event: "ACCOUNT_RESTRICTION",
        restriction_info: [{ restriction_type: "RESTRICTED_UTILITY_TEMPLATES", expiration: 1767830400 }],
      }),
      emulator.send.phoneNumberQualityUpdate({ event: "THROUGHPUT_UPGRADE", max_daily_conversations_per_business: "TIER_10K" }),
      emulator.send.phoneNumberNameUpdate({ decision: "APPROVED", requested_verified_name: "Lucky Shrub", rejection_reason: null }),
      emulator.send.businessCapabilityUpdate({ max_daily_conversations_per_business: 2000 }),
      emulator.send.accountReviewUpdate("APPROVED"),
      emulator.send.businessUsernameUpdate("reserved", "luckyshrub"),
      emulator.send.groupUpdate("group_lifecycle_update", { group_id: "Y2FwaV9ncm91cDox", type: "group_create" }),
      emulator.send.groupUpdate("group_participants_update", {
        group_id: "Y2FwaV9ncm91cDox",
        type: "group_participants_add",
        added_participants: [{ wa_id: user }],
      }),
      emulator.send.groupUpdate("group_settings_update", { group_id: "Y2FwaV9ncm91cDox", type: "group_settings_update" }),
      emulator.send.groupUpdate("group_status_update", { group_id: "Y2FwaV9ncm91cDox", type: "group_suspend" }),
      emulator.send.echo(user, { text: "See you at 9" }).delivery,
      emulator.send.contactSync("add", { phone_number: user, full_name: "Ana" }),
      emulator.user(user).optsOut(),
      emulator.send.change("some_future_field", { anything: 1 }),
    ];
    await emulator.webhooks.idle();
    expect(hook.issues).toEqual([]);
    expect(deliveries.map((d) => d.state)).toEqual(deliveries.map(() => "delivered"));
    for (const delivery of deliveries) {
      expect(emulator.webhooks.log).toContain(delivery);
      const signature = `sha256=${createHmac("sha256", appSecret).update(delivery.body).digest("hex")}`;
      expect(await verifySignature(new TextEncoder().encode(delivery.body), signature, appSecret)).toBe(true);
    }
    expect(hook.events.map((e) => `${e.kind}:${"field" in e ? e.field : ""}`).sort()).toEqual(
      [
        "change:account_update",
        "change:phone_number_quality_update",
        "change:phone_number_name_update",
        "change:business_capability_update",
        "change:account_review_update",
        "change:business_username_updates",
        "change:group_lifecycle_update",
        "change:group_participants_update",
        "change:group_settings_update",
        "change:group_status_update",
        "change:smb_message_echoes",
        "change:smb_app_state_sync",
        "change:user_preferences",
        "other:some_future_field",
      ].sort(),
    );
  });

  it("agent take-over routes the user's next message to standby; hand-back puts it back on messages", async () => {
    const { emulator, hook } = await setup();
    emulator.user(user).says("before");
    await emulator.webhooks.idle();
    emulator.agent.takeOver(user);
    await emulator.webhooks.idle();
    expect(emulator.agent.holds(user)).toBe(true);
    const during = emulator.user(user).says("while the agent holds it");
    emulator.agent.replies(user, "I can help with that");
    await emulator.webhooks.idle();
    emulator.agent.handBack(user);
    await emulator.webhooks.idle();
    const after = emulator.user(user).says("after");
    await emulator.webhooks.idle();
    expect(hook.issues).toEqual([]);

    const standby = hook.events.filter((e) => e.kind === "change" && e.field === "standby" && e.type === "message");
    expect(standby).toEqual([
      expect.objectContaining({ message: expect.objectContaining({ id: during.id, text: { body: "while the agent holds it" } }) }),
    ]);
    expect(hook.events.filter((e) => e.kind === "message").map((e) => e.kind === "message" && e.id)).toEqual([
      expect.any(String),
      after.id,
    ]);
    expect(hook.events.find((e) => e.kind === "change" && e.field === "standby" && e.type === "echo")).toMatchObject({
      echo: { type: "text", text: { body: "I can help with that" }, to: user },
    });
    expect(
      hook.events.filter((e) => e.kind === "change" && e.field === "messaging_handovers").map((e) => e.kind === "change" && e.type),
    ).toEqual(["control_taken", "control_passed"]);
    expect(conversationControl(hook.events).get(user)?.owner).toBe("app");
  });

  it("the inbox shows who holds a conversation and a marketing opt-out", async () => {
    const { emulator } = await setup();
    emulator.user(user).says("hi");
    emulator.agent.takeOver(user);
    emulator.user(user).optsOut();
    await emulator.webhooks.idle();
    const inbox = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(inbox).toContain('<span class="wa-badge">Meta Business Agent holds this conversation (standby)</span>');
    expect(inbox).toContain('<span class="wa-badge">opted out of marketing</span>');
    expect(inbox).toContain("messaging_handovers");
    emulator.agent.handBack(user);
    emulator.user(user).optsIn();
    await emulator.webhooks.idle();
    expect(await (await fetch(`${emulator.url}/__inbox`)).text()).not.toContain('wa-badge">');
  });

  it("a service message from the app takes the conversation back from the agent", async () => {
    const { emulator } = await setup();
    emulator.agent.takeOver(user);
    const response = await fetch(`${emulator.url}/v26.0/106540352242922/messages`, {
      method: "POST",
      headers: { Authorization: "Bearer test-token", "Content-Type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", to: user, type: "text", text: { body: "A person here" } }),
    });
    expect(response.status).toBe(200);
    expect(emulator.agent.holds(user)).toBe(false);
  });

  it("a history import in shuffled chunks reassembles in order, with progress", async () => {
    const { emulator, hook } = await setup();
    const day = 86_400_000;
    const lines = Array.from({ length: 23 }, (_, i) => ({
      from: i % 2 === 0 ? ("user" as const) : ("business" as const),
      text: `line ${i}`,
      agoMs: (23 - i) * 9 * day,
    }));
    const deliveries = emulator.send.history(
      { [user]: lines, "16505559999": [{ from: "user", text: "hi", agoMs: 1000 }] },
      { chunkSize: 4 },
    );
    const sentOrder = deliveries.map((d) =>
      JSON.stringify(
        (d.payload as { entry: { changes: { value: { history: { metadata: unknown }[] } }[] }[] }).entry[0]?.changes[0]?.value.history[0]
          ?.metadata,
      ),
    );
    expect(sentOrder).not.toEqual([...sentOrder].sort());
    await emulator.webhooks.idle();
    expect(hook.issues).toEqual([]);
    const history = reassembleHistory(hook.events);
    expect(history).toMatchObject({ chunks: deliveries.length, progress: 100, complete: true, missing: [] });
    expect(history.threads.get(user)?.map((m) => (m.raw.text as { body: string }).body)).toEqual(lines.map((l) => l.text));
    expect(history.threads.get("16505559999")).toHaveLength(1);
  });

  it("refuses bad input with a clear error", async () => {
    const { emulator } = await setup();
    expect(() => emulator.agent.takeOver("not a number")).toThrow('emulator.agent.takeOver: a phone number in digits, got "not a number"');
    expect(() => emulator.send.history({}, { chunkSize: 0 })).toThrow("send.history: chunkSize must be a whole number ≥ 1, got 0");
    const plain = await startReleased(open);
    expect(() => plain.send).toThrow("emulator.send: start the emulator with a webhook");
    expect(() => plain.agent).toThrow("emulator.agent: start the emulator with a webhook");
  });
});
