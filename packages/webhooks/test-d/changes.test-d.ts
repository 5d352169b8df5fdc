import { type ChangeEvent, findTemplate, parseWebhook, type TrackedTemplate, trackTemplates, type WebhookEvent } from "@wacompose/webhooks";
import { match } from "ts-pattern";
import { type Equal, expectType } from "./helpers.js";

declare const event: WebhookEvent;

// Narrowing by kind, field, then type: each event's members are typed.
if (event.kind === "change" && event.field === "user_preferences") {
  expectType<Equal<typeof event.type, "preference">>(true);
  // Open enums: the known values complete in the editor, any other string is accepted.
  expectType<Equal<typeof event.value, "stop" | "resume" | (string & {})>>(true);
}
if (event.kind === "change" && event.field === "standby" && event.type === "message")
  expectType<Equal<typeof event.message.kind, "message">>(true);
if (event.kind === "change" && event.field === "history") {
  // @ts-expect-error Property 'threads' does not exist on type 'HistoryErrorEvent'
  console.log(event.threads);
  if (event.type === "chunk") expectType<Equal<typeof event.chunk_order, number>>(true);
}
if (event.kind === "change" && event.field === "messaging_handovers")
  expectType<Equal<typeof event.type, "control_passed" | "control_taken" | "unknown">>(true);

// ts-pattern: an exhaustive match over every field and type compiles; one that forgets a type does not.
declare const change: ChangeEvent;
const described: string = match(change)
  .with({ field: "user_preferences" }, (e) => `${e.wa_id}: ${e.value}`)
  .with({ field: "standby", type: "message" }, (e) => e.message.type)
  .with({ field: "standby", type: "status" }, (e) => e.status.status)
  .with({ field: "standby", type: "echo" }, (e) => e.echo.id)
  .with({ field: "messaging_handovers", type: "control_passed" }, (e) => e.new_owner ?? "")
  .with({ field: "messaging_handovers", type: "control_taken" }, (e) => e.previous_owner ?? "")
  .with({ field: "messaging_handovers", type: "unknown" }, (e) => e.original_type ?? "")
  .with({ field: "smb_message_echoes" }, (e) => e.echo.type)
  .with({ field: "history", type: "chunk" }, (e) => `${e.phase}/${e.chunk_order}`)
  .with({ field: "history", type: "error" }, (e) => String(e.code))
  .with({ field: "smb_app_state_sync", type: "contact" }, (e) => e.contact.phone_number)
  .with({ field: "smb_app_state_sync", type: "unknown" }, (e) => e.original_type)
  .with({ field: "account_update" }, (e) => e.event)
  .with({ field: "phone_number_quality_update" }, (e) => e.max_daily_conversations_per_business ?? "")
  .with({ field: "phone_number_name_update" }, (e) => e.decision)
  .with({ field: "business_capability_update" }, (e) => e.max_daily_conversations_per_business ?? "")
  .with({ field: "account_review_update" }, (e) => e.decision)
  .with({ field: "business_username_updates" }, (e) => e.status)
  .with({ field: "group_lifecycle_update" }, (e) => e.update)
  .with({ field: "group_participants_update" }, (e) => e.update)
  .with({ field: "group_settings_update" }, (e) => e.update)
  .with({ field: "group_status_update" }, (e) => e.group_id)
  .with({ field: "message_template_status_update" }, (e) => `${e.message_template_name}: ${e.event}`)
  .with({ field: "message_template_quality_update" }, (e) => e.new_quality_score)
  .with({ field: "template_category_update", type: "pending" }, (e) => `${e.new_category} → ${e.correct_category}`)
  .with({ field: "template_category_update", type: "done" }, (e) => e.new_category)
  .with({ field: "message_template_components_update" }, (e) => e.message_template_element ?? "")
  .exhaustive();
match(change)
  .with({ field: "template_category_update", type: "pending" }, () => 1)
  .with({ field: "message_template_status_update" }, () => 2)
  .otherwise(() => 3);

// Template webhooks: open enums, the id as digits, the pending category change's members required.
if (event.kind === "change" && event.field === "message_template_status_update") {
  expectType<Equal<typeof event.message_template_id, string>>(true);
  // Every status Meta documents, each named once as a key (a missing or an extra one fails to compile); any other
  // string is accepted too.
  const documentedStatuses = {
    APPROVED: true,
    ARCHIVED: true,
    DELETED: true,
    DISABLED: true,
    FLAGGED: true,
    IN_APPEAL: true,
    LIMIT_EXCEEDED: true,
    LOCKED: true,
    PAUSED: true,
    PENDING: true,
    PENDING_DELETION: true,
    REINSTATED: true,
    REJECTED: true,
    UNARCHIVED: true,
  } as const;
  expectType<Equal<typeof event.event, keyof typeof documentedStatuses | (string & {})>>(true);
  expectType<
    Equal<
      NonNullable<typeof event.other_info>["title"],
      "FIRST_PAUSE" | "SECOND_PAUSE" | "RATE_LIMITING_PAUSE" | "UNPAUSE" | "DISABLED" | (string & {})
    >
  >(true);
  // reason is null when the template is scheduled for deletion.
  const reason: string | null | undefined = event.reason;
  void reason;
}
if (event.kind === "change" && event.field === "template_category_update") {
  // A done change may lack correct_category: narrow by type first.
  // @ts-expect-error Type 'undefined' is not assignable to type 'string'
  const correct: string = event.correct_category;
  void correct;
  if (event.type === "pending")
    expectType<Equal<typeof event.correct_category, "MARKETING" | "UTILITY" | "AUTHENTICATION" | (string & {})>>(true);
}
if (event.kind === "change" && event.field === "message_template_quality_update")
  expectType<Equal<typeof event.new_quality_score, "GREEN" | "YELLOW" | "RED" | "UNKNOWN" | (string & {})>>(true);

// The reducer: a map by id, and a lookup by name and language.
const templates: Map<string, TrackedTemplate> = trackTemplates(parseWebhook({}).events);
const paused: boolean = findTemplate(templates, "order_update", "en_US")?.status === "PAUSED";
declare const tracked: TrackedTemplate;
// The records are read-only: a new one replaces each on every update.
// @ts-expect-error Cannot assign to 'status' because it is a read-only property
tracked.status = "APPROVED";
match(change)
  .with({ field: "history", type: "chunk" }, () => 1)
  .with({ field: "user_preferences" }, () => 2)
  // @ts-expect-error NonExhaustiveError
  .exhaustive();

// Every event of parseWebhook, including kind "change", is handled by a match over kind.
const kinds: string = match(parseWebhook({}).events[0] ?? event)
  .with({ kind: "message" }, (e) => e.type)
  .with({ kind: "status" }, (e) => e.status)
  .with({ kind: "error" }, (e) => String(e.error.code))
  .with({ kind: "change" }, (e) => e.field)
  .with({ kind: "other" }, (e) => e.field)
  .exhaustive();

export { described, kinds, paused };
