import { boundedKey } from "./bounded-key.js";
import type { StatusName, WebhookEvent } from "./events.js";
import { changeKey } from "./fields/change-key.js";
import { jsonText } from "./json-text.js";

/**
 * A key that is the same for the same update delivered twice (Meta retries for up to 7 days,
 * and to every subscribed app), and differs between two updates (Meta: Webhooks overview; inbound.md §1.6):
 * - a message: its wamid;
 * - a status: wamid and status, and in a group the participant it is about (`recipient_participant_id`:
 *   Meta sends one `delivered` and one `read` per member), so a group's receipts are not taken for duplicates;
 * - other events: their content (past 200 characters, its length and a 128-bit digest: a history
 *   chunk is millions of characters, and a store keeps keys for days).
 *
 * Back it with any store: a Set, Redis `SET NX`. Written without recursion, so an event of any
 * depth has a key (a key that throws would fail its batch on every redelivery).
 */
export function eventKey(event: WebhookEvent): string {
  switch (event.kind) {
    case "message":
      return `message:${event.id}`;
    case "status": {
      // A status without a participant keeps the key it always had, so keys already stored still match.
      // A participant's key is JSON (wamids and participants may hold ":"), under a prefix no `status:` key has.
      const participant = event.recipient_participant_id;
      return typeof participant === "string" && participant !== ""
        ? `participant-status:${JSON.stringify([event.id, event.status, participant])}`
        : `status:${event.id}:${event.status}`;
    }
    case "error":
      return `error:${event.wabaId}:${boundedKey(String(jsonText(event.raw)))}`;
    case "change":
      return changeKey(event);
    case "other":
      return `other:${event.wabaId}:${event.field}:${boundedKey(String(jsonText(event.raw)))}`;
  }
}

/** `sent` < `delivered` < `read` < `played`; `failed` is final. */
const rank: Readonly<Record<StatusName, number>> = { sent: 1, delivered: 2, read: 3, played: 4, failed: 5 };

/**
 * The status a message is in after `next` arrived, never moving backward: a `delivered`
 * that arrives after its `read` leaves `read`; `read` without `delivered` is fine; `failed`
 * is final.
 *
 * @example
 * reduceStatus("read", "delivered"); // "read"
 */
export function reduceStatus(current: StatusName | undefined, next: StatusName): StatusName {
  return current === undefined || rank[next] > rank[current] ? next : current;
}

/** The status of each message (by wamid) after these events, in any order and with duplicates. */
export function latestStatuses(events: Iterable<WebhookEvent>, into = new Map<string, StatusName>()): Map<string, StatusName> {
  for (const event of events) if (event.kind === "status") into.set(event.id, reduceStatus(into.get(event.id), event.status));
  return into;
}

/**
 * Drops events already seen: `seen` is any set-like store (a `Set`, an LRU). For many
 * processes, use one shared store, e.g. `@wacompose/queue-bullmq`'s inbound queue (Redis `SET NX`).
 */
export function dedupe(events: readonly WebhookEvent[], seen: { has(key: string): boolean; add(key: string): unknown }): WebhookEvent[] {
  const fresh: WebhookEvent[] = [];
  for (const event of events) {
    const key = eventKey(event);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(event);
  }
  return fresh;
}
