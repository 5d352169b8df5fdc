import { type ChangeEvent, parseWebhook, type WebhookEvent } from "@wacompose/webhooks";
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
  .exhaustive();
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

export { described, kinds };
