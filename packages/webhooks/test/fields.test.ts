import { describe, expect, it } from "@jest/globals";
import { type ChangeEvent, eventKey, parseWebhook } from "../src/index.js";
import { envelope } from "./fixtures.js";
import { changeOf, examples, userChangedUserId, wabaId } from "./fixtures-2026.js";
import { cleanEventsOf as clean, onlyChangeOf as only } from "./support/one-change.js";

type Field = keyof typeof examples;
const fields = Object.keys(examples) as Field[];

/** A deep copy with one member replaced (`path` of keys and indexes). */
function withMember(value: unknown, path: readonly (string | number)[], member: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = member;
  return copy;
}

describe("every example payload of webhooks-2026.md parses to its typed event with no issue", () => {
  it.each(fields)("%s: kind change, its field, Meta's names, entry time, raw kept", (field) => {
    const events = clean(field, examples[field]);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event).toMatchObject({ kind: "change", field, wabaId, time: 1_767_225_600 });
      if (event.kind === "change") expect(event.raw).toEqual(expect.any(Object));
    }
  });

  // Each documented example that reads to one event: the members that event must carry.
  const oneEventExamples: readonly { field: Field; what: string; event: Record<string, unknown> }[] = [
    {
      field: "user_preferences",
      what: "the user, the choice and the time",
      event: {
        type: "preference",
        wa_id: "16505551234",
        category: "marketing_messages",
        value: "stop",
        timestamp: 1_767_225_600,
        raw: examples.user_preferences.user_preferences[0],
        path: "entry[0].changes[0].value.user_preferences[0]",
      },
    },
    {
      field: "messaging_handovers",
      what: "who had it and who has it now",
      event: {
        type: "control_passed",
        wa_id: "16505551234",
        previous_owner: "business_agent",
        new_owner: "app",
        timestamp: 1_767_225_600,
      },
    },
    {
      field: "history",
      what: "phase, chunk order, progress, threads with their messages and delivery state",
      event: {
        type: "chunk",
        phase: 0,
        chunk_order: 1,
        progress: 55,
        threads: [
          {
            id: "16505551234",
            messages: [{ id: "wamid.HIST1", type: "text", timestamp: 1_767_139_200, history_context: { status: "read" } }],
          },
        ],
      },
    },
    {
      field: "account_update",
      what: "restriction, ban date as ISO beside Meta's prose, volume tier bounds",
      event: {
        type: "account_update",
        event: "ACCOUNT_RESTRICTION",
        ban_info: { waba_ban_state: "SCHEDULE_FOR_DISABLE", waba_ban_date: "April 17, 2025", ban_date: "2025-04-17" },
        restriction_info: [{ restriction_type: "RESTRICTED_UTILITY_TEMPLATES", expiration: 1_767_830_400 }],
        volume_tier_info: { tier: "250000:1000000", min: 250_000, max: 1_000_000, effective_month: "2026-11" },
      },
    },
  ];
  it.each(oneEventExamples)("$field: $what", ({ field, event }) => {
    expect(only(field, examples[field])).toMatchObject(event);
  });

  it("standby: the user's message, the agent's receipt and its reply as an echo, each with its path", () => {
    const events = clean("standby", examples.standby);
    expect(events.map((e) => e.kind === "change" && `${e.type}@${e.path}`)).toEqual([
      "message@entry[0].changes[0].value.messages[0]",
      "status@entry[0].changes[0].value.statuses[0]",
      "echo@entry[0].changes[0].value.message_echoes[0]",
    ]);
    const [message, status, echo] = events;
    if (message?.kind !== "change" || message.field !== "standby" || message.type !== "message") throw new Error("not a standby message");
    expect(message.message).toMatchObject({
      kind: "message",
      type: "text",
      text: { body: "Is my order late?" },
      contact: { wa_id: "16505551234" },
    });
    if (status?.kind !== "change" || status.field !== "standby" || status.type !== "status") throw new Error("not a standby status");
    expect(status.status).toMatchObject({ kind: "status", id: "wamid.AGENT1", status: "delivered" });
    if (echo?.kind !== "change" || echo.field !== "standby" || echo.type !== "echo") throw new Error("not a standby echo");
    expect(echo.echo).toMatchObject({ id: "wamid.AGENT1", type: "text", text: { body: "Let me check." } });
    // The same message on standby and on messages keeps one key each, stable across retries.
    expect(eventKey(message)).toBe("standby:message:wamid.STANDBY1");
  });

  it("smb_message_echoes: text, revoke and edit, each naming what it changes", () => {
    const echoes = clean("smb_message_echoes", examples.smb_message_echoes).map((e) =>
      e.kind === "change" && e.field === "smb_message_echoes" ? e.echo : undefined,
    );
    expect(echoes).toMatchObject([
      { type: "text", text: { body: "See you at 9" }, from: "15550001111", to: "16505551234", timestamp: 1_767_225_600 },
      { type: "revoke", revoke: { original_message_id: "wamid.ECHO1" } },
      { type: "edit", edit: { original_message_id: "wamid.ECHO1", message: { text: { body: "See you at 10" } } } },
    ]);
  });

  it("smb_app_state_sync: the timestamp in quotes (Meta's example) and as an integer (its table) both read", () => {
    const quoted = only("smb_app_state_sync", examples.smb_app_state_sync);
    expect(quoted).toMatchObject({
      type: "contact",
      action: "add",
      contact: { phone_number: "16505551234", first_name: "Pablo" },
      timestamp: 1_739_321_024,
    });
    const integer = only(
      "smb_app_state_sync",
      withMember(examples.smb_app_state_sync, ["state_sync", 0, "metadata", "timestamp"], 1_739_321_024),
    );
    expect(integer).toMatchObject({ timestamp: 1_739_321_024 });
  });

  it("business_capability_update: the tier as a number (Meta's example) and as a string (its table) read alike", () => {
    expect(only("business_capability_update", examples.business_capability_update)).toMatchObject({
      max_daily_conversations_per_business: "TIER_2K",
      max_phone_numbers_per_business: 2,
      raw: { max_daily_conversations_per_business: 2000 },
    });
    expect(only("business_capability_update", { max_daily_conversations_per_business: "TIER_2K" })).toMatchObject({
      max_daily_conversations_per_business: "TIER_2K",
    });
    // A number with no tier name is kept in digits, not guessed.
    expect(only("business_capability_update", { max_daily_conversations_per_business: 3000 })).toMatchObject({
      max_daily_conversations_per_business: "3000",
    });
  });

  it("phone number quality and name, account review, username", () => {
    expect(only("phone_number_quality_update", examples.phone_number_quality_update)).toMatchObject({
      event: "THROUGHPUT_UPGRADE",
      max_daily_conversations_per_business: "TIER_10K",
    });
    expect(
      only("phone_number_quality_update", {
        display_phone_number: "1",
        event: "ONBOARDING",
        current_limit: "TIER_250",
        old_limit: "TIER_50",
      }),
    ).toMatchObject({
      current_limit: "TIER_250",
      old_limit: "TIER_50",
    });
    expect(only("phone_number_name_update", examples.phone_number_name_update)).toMatchObject({
      decision: "APPROVED",
      rejection_reason: null,
    });
    expect(only("account_review_update", examples.account_review_update)).toMatchObject({ decision: "APPROVED" });
    expect(only("business_username_updates", examples.business_username_updates)).toMatchObject({
      status: "approved",
      username: "luckyshrub",
    });
  });

  it("the group fields: the group, Meta's type as `update`, participants", () => {
    expect(only("group_lifecycle_update", examples.group_lifecycle_update)).toMatchObject({
      type: "group",
      update: "group_create",
      request_id: "req-1",
    });
    expect(only("group_participants_update", examples.group_participants_update)).toMatchObject({
      update: "group_participants_add",
      participants: [{ wa_id: "16505551234" }],
    });
    expect(only("group_settings_update", examples.group_settings_update)).toMatchObject({ update: "group_settings_update" });
    expect(only("group_status_update", examples.group_status_update)).toMatchObject({ update: "group_suspend", timestamp: 1_767_225_600 });
  });

  it("system user_changed_user_id: the previous ids typed; user_id_update (withdrawn) is an unknown field kept raw", () => {
    const { events, issues } = parseWebhook(envelope({ messages: [userChangedUserId] }));
    expect(issues).toEqual([]);
    expect(events[0]).toMatchObject({
      kind: "message",
      type: "system",
      system: { type: "user_changed_user_id", previous_user_id: "US.13491208655302741918", previous_parent_user_id: "US.ENT.1" },
    });
    const legacy = { user_id_update: [{ wa_id: "16505551234", user_id: "US.1", previous_user_id: "US.0" }] };
    expect(clean("user_id_update", legacy)).toEqual([
      { kind: "other", wabaId, field: "user_id_update", path: "entry[0].changes[0]", raw: legacy },
    ]);
  });
});

describe("open enums: an unknown value still parses, kept as sent", () => {
  const cases: [Field, (string | number)[], string][] = [
    ["user_preferences", ["user_preferences", 0, "value"], "pause"],
    ["user_preferences", ["user_preferences", 0, "category"], "utility_messages"],
    ["messaging_handovers", ["control_passed", "new_owner"], "human_escalation_partner"],
    ["smb_message_echoes", ["message_echoes", 0, "type"], "poll"],
    ["history", ["history", 0, "threads", 0, "messages", 0, "history_context", "status"], "archived"],
    ["smb_app_state_sync", ["state_sync", 0, "action"], "block"],
    ["account_update", ["event"], "ACCOUNT_PAUSED"],
    ["account_update", ["ban_info", "waba_ban_state"], "PENDING_REVIEW"],
    ["account_update", ["restriction_info", 0, "restriction_type"], "RESTRICTED_GROUP_MESSAGING"],
    ["phone_number_quality_update", ["event"], "LIMIT_REVIEW"],
    ["phone_number_quality_update", ["max_daily_conversations_per_business"], "TIER_1M"],
    ["phone_number_name_update", ["decision"], "ESCALATED"],
    ["phone_number_name_update", ["rejection_reason"], "NAME_TOO_SHORT"],
    ["business_capability_update", ["max_daily_conversations_per_business"], "TIER_1M"],
    ["account_review_update", ["decision"], "ON_HOLD"],
    ["business_username_updates", ["status"], "suspended"],
    ["group_lifecycle_update", ["groups", 0, "type"], "group_archive"],
    ["group_participants_update", ["groups", 0, "type"], "group_participants_promote"],
    ["group_settings_update", ["groups", 0, "type"], "group_settings_lock"],
    ["group_status_update", ["groups", 0, "type"], "group_suspend_appealed"],
  ];
  it.each(cases)("%s %j = %s", (field, path, unknown) => {
    const value = withMember(examples[field], path, unknown);
    const events = clean(field, value);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.kind === "change")).toBe(true);
    expect(JSON.stringify(events.map((e) => (e.kind === "change" ? e : undefined)))).toContain(JSON.stringify(unknown));
    expect((events[0] as ChangeEvent).raw).toBeDefined();
  });

  it("a handover or state sync of a type not known yet is an `unknown` event with the type kept", () => {
    expect(only("messaging_handovers", { type: "control_requested", wa_id: "1", timestamp: "1" })).toMatchObject({
      type: "unknown",
      original_type: "control_requested",
    });
    expect(only("smb_app_state_sync", { state_sync: [{ type: "label", label: { name: "VIP" } }] })).toMatchObject({
      type: "unknown",
      original_type: "label",
    });
  });

  it("a status with a 2026 pricing category and type keeps them", () => {
    for (const category of ["group_marketing", "group_utility", "group_service", "general_purpose_ai", "agent_tokens"]) {
      const { events, issues } = parseWebhook(
        envelope({
          statuses: [
            { id: "wamid.P", status: "sent", timestamp: "1", pricing: { billable: true, pricing_model: "PMP", category, type: "regular" } },
          ],
        }),
      );
      expect(issues).toEqual([]);
      expect(events[0]).toMatchObject({ kind: "status", pricing: { category, type: "regular" } });
    }
  });
});

describe("hostile and malformed values: issues at their paths, nothing dropped, never a throw", () => {
  it("a member of the wrong JSON type is an issue at its path; an unreadable item stays as `other`", () => {
    const value = withMember(examples.user_preferences, ["user_preferences", 0, "value"], 7);
    const { events, issues } = parseWebhook(changeOf("user_preferences", value));
    expect(issues).toEqual([
      expect.objectContaining({
        path: "entry[0].changes[0].value.user_preferences[0].value",
        code: "invalid_type",
        message: "a string, got number",
      }),
    ]);
    expect(events).toEqual([
      expect.objectContaining({ kind: "other", field: "user_preferences", path: "entry[0].changes[0].value.user_preferences[0]" }),
    ]);
  });

  it.each(fields)("%s: every member replaced by null, an array, a number: issues, no throw, every item kept", (field) => {
    for (const junk of [null, [], 42, "x", { nested: { deeper: {} } }]) {
      const value = examples[field] as Record<string, unknown>;
      for (const key of Object.keys(value)) {
        const { events, issues } = parseWebhook(changeOf(field, { ...value, [key]: junk }));
        // An empty list holds nothing to read; anything else yields events or says why not.
        if (!(Array.isArray(junk) && Array.isArray(value[key]))) expect(events.length + issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect(issue.path.startsWith("entry[0].changes[0].value")).toBe(true);
      }
    }
  });

  it("a participant or an edited message of the wrong type is an issue at its path", () => {
    const group = withMember(examples.group_participants_update, ["groups", 0, "added_participants", 1], "16505559999");
    expect(parseWebhook(changeOf("group_participants_update", group)).issues).toEqual([
      expect.objectContaining({ path: "entry[0].changes[0].value.groups[0].added_participants[1]", code: "invalid_type" }),
    ]);
    const edit = withMember(examples.smb_message_echoes, ["message_echoes", 2, "edit", "message"], "See you at 10");
    expect(parseWebhook(changeOf("smb_message_echoes", edit)).issues).toEqual([
      expect.objectContaining({ path: "entry[0].changes[0].value.message_echoes[2].edit.message", code: "invalid_type" }),
    ]);
  });

  it("a missing list is `required` at its path", () => {
    const { issues } = parseWebhook(changeOf("history", { ...examples.history, history: undefined }));
    expect(issues).toEqual([expect.objectContaining({ path: "entry[0].changes[0].value.history", code: "required" })]);
  });

  it("inherited keys are not data: `__proto__`, `constructor` as a field or member", () => {
    const polluted = JSON.parse(
      '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"constructor","value":{}},{"field":"__proto__","value":{}},{"field":"account_review_update","value":{"__proto__":{"decision":"APPROVED"}}}]}]}',
    );
    const { events, issues } = parseWebhook(polluted);
    expect(events.map((e) => e.kind)).toEqual(["other", "other", "other"]);
    expect(issues).toEqual([expect.objectContaining({ path: "entry[0].changes[2].value.decision", code: "required" })]);
  });

  it("a ban date that is not a date is reported, the event kept with Meta's text", () => {
    const value = withMember(examples.account_update, ["ban_info", "waba_ban_date"], "soon");
    const { events, issues } = parseWebhook(changeOf("account_update", value));
    expect(issues).toEqual([expect.objectContaining({ path: "entry[0].changes[0].value.ban_info.waba_ban_date", code: "invalid_format" })]);
    expect(events[0]).toMatchObject({ kind: "change", ban_info: { waba_ban_date: "soon" } });
  });

  it("a long history chunk is read without recursion on its size", () => {
    const messages = Array.from({ length: 20_000 }, (_, i) => ({
      id: `wamid.H${i}`,
      timestamp: String(i),
      type: "text",
      text: { body: "x" },
    }));
    const event = only("history", {
      ...examples.history,
      history: [{ metadata: { phase: 1, chunk_order: 2, progress: 10 }, threads: [{ id: "1", messages }] }],
    });
    expect(event.field === "history" && event.type === "chunk" && event.threads[0]?.messages.length).toBe(20_000);
  });
});
