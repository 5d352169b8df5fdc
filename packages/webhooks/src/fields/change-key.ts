import { boundedKey } from "../bounded-key.js";
import { jsonText } from "../json-text.js";
import type { ChangeEvent } from "./change-events.js";

/**
 * The dedupe key of a change: a standby message or receipt by its wamid (as on `messages`), an echo by
 * its wamid, anything else by its content (a retry carries the same object; a long one by its length and digest).
 */
export function changeKey(event: ChangeEvent): string {
  if (event.field === "standby") {
    if (event.type === "message") return `standby:message:${event.message.id}`;
    if (event.type === "status") return `standby:status:${event.status.id}:${event.status.status}`;
    return `standby:echo:${event.echo.id}`;
  }
  if (event.field === "smb_message_echoes") return `echo:${event.echo.id}`;
  return `change:${event.wabaId}:${event.field}:${boundedKey(String(jsonText(event.raw)))}`;
}
