import { graphErrorCodes } from "@wacompose/builder";
import type { WebhookEvent } from "../events.js";
import type { Open, UserPreferenceEvent } from "../fields/change-events.js";

/** True for a `user_preferences` "stop" of marketing messages: do not send this user marketing templates. */
export function isOptOut(event: WebhookEvent): event is UserPreferenceEvent {
  return event.kind === "change" && event.field === "user_preferences" && event.category === "marketing_messages" && event.value === "stop";
}

/** A user's latest marketing choice and when it was made (seconds). */
export interface MarketingPreference {
  readonly value: Open<"stop" | "resume">;
  readonly since: number;
}

/** The user a preference or a status is about: the phone number, else the business-scoped id. */
const userOf = (event: { readonly wa_id?: string | undefined; readonly user_id?: string | undefined }): string | undefined =>
  event.wa_id ?? event.user_id;

/**
 * Each user's marketing preference after these events, in any order and with duplicates: the latest
 * by time wins. A marketing send that failed because the user had stopped marketing messages (error
 * 131050, on a `failed` status) counts as "stop" at that time too, so an app that missed the
 * `user_preferences` webhook still learns it.
 *
 * @example
 * const preferences = marketingPreferences(events);
 * if (preferences.get("16505551234")?.value === "stop") return; // no marketing template
 */
export function marketingPreferences(
  events: Iterable<WebhookEvent>,
  into = new Map<string, MarketingPreference>(),
): Map<string, MarketingPreference> {
  const set = (user: string | undefined, value: string, since: number): void => {
    if (user === undefined) return;
    const current = into.get(user);
    if (current === undefined || !(since < current.since)) into.set(user, { value, since });
  };
  for (const event of events) {
    if (event.kind === "change" && event.field === "user_preferences" && event.category === "marketing_messages")
      set(userOf(event), event.value, event.timestamp);
    else if (
      event.kind === "status" &&
      event.status === "failed" &&
      event.errors?.some((error) => error.code === graphErrorCodes.userStoppedMarketing) === true
    )
      set(event.recipient_id ?? event.recipient_user_id, "stop", event.timestamp);
  }
  return into;
}

/** Whether a marketing message may go to `user` by these preferences (unknown users may: no choice was made). */
export function mayReceiveMarketing(preferences: ReadonlyMap<string, MarketingPreference>, user: string): boolean {
  return preferences.get(user)?.value !== "stop";
}
