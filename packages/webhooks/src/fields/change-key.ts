import { boundedKey } from "../bounded-key.js";
import { jsonText } from "../json-text.js";
import type { ChangeEvent } from "./change-events.js";

/** The template fields: one template can get the same update twice for real (APPROVED after each edit, UNPAUSE after each pause). */
const templateFields: ReadonlySet<string> = new Set([
  "message_template_status_update",
  "message_template_quality_update",
  "template_category_update",
  "message_template_components_update",
]);

/**
 * The dedupe key of a change: a standby message or receipt by its wamid (as on `messages`), an echo by
 * its wamid, anything else by its content (a retry carries the same object; a long one by its length and digest).
 * A template update's key also holds `entry[].time`: a retry resends the same body (same time), while a
 * template approved again after an edit gets a new webhook with the same content at a later time.
 */
export function changeKey(event: ChangeEvent): string {
  if (event.field === "standby") {
    if (event.type === "message") return `standby:message:${event.message.id}`;
    if (event.type === "status") return `standby:status:${event.status.id}:${event.status.status}`;
    return `standby:echo:${event.echo.id}`;
  }
  if (event.field === "smb_message_echoes") return `echo:${event.echo.id}`;
  if (templateFields.has(event.field))
    return `template:${event.wabaId}:${event.field}:${event.time ?? ""}:${boundedKey(String(jsonText(event.raw)))}`;
  return `change:${event.wabaId}:${event.field}:${boundedKey(String(jsonText(event.raw)))}`;
}
