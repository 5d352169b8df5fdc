import type { WebhookEvent } from "../events.js";
import type { ConversationOwner } from "../fields/change-events.js";

/** Who answers a user now, and since when (seconds). */
export interface ConversationControl {
  readonly owner: ConversationOwner;
  readonly since: number;
}

/**
 * Who holds each user's conversation after these events (in any order: the latest by time wins).
 * A `messaging_handovers` notification names the new owner; a user's message on `standby` means
 * Meta Business Agent holds it, one on `messages` means your app does (Meta's standby reference;
 * 360dialog's MBA page).
 *
 * @example
 * const control = conversationControl(events);
 * if (control.get(user)?.owner === "business_agent") return; // the agent answers; send nothing
 */
export function conversationControl(
  events: Iterable<WebhookEvent>,
  into = new Map<string, ConversationControl>(),
): Map<string, ConversationControl> {
  const set = (user: string | undefined, owner: string | undefined, since: number): void => {
    if (user === undefined || owner === undefined) return;
    const current = into.get(user);
    if (current === undefined || !(since < current.since)) into.set(user, { owner, since });
  };
  for (const event of events) {
    if (event.kind === "message") set(event.from ?? event.from_user_id, "app", event.timestamp);
    else if (event.kind !== "change") continue;
    else if (event.field === "standby" && event.type === "message")
      set(event.message.from ?? event.message.from_user_id, "business_agent", event.message.timestamp);
    else if (event.field === "messaging_handovers" && event.type !== "unknown")
      set(event.wa_id ?? event.user_id, event.new_owner, event.timestamp);
  }
  return into;
}
