import { definedMembers } from "../defined-members.js";
import type { WebhookEvent } from "../events.js";
import type { AccountUpdateName, MessagingLimitTier, Open, Restriction } from "../fields/change-events.js";

/** What the account and number webhooks said about a WhatsApp Business Account, latest first. */
export interface NumberHealth {
  /** The daily business-initiated conversation limit, from quality or capability updates. */
  readonly messagingLimit?: MessagingLimitTier;
  /** The last `phone_number_quality_update` event (`ONBOARDING`, `THROUGHPUT_UPGRADE`, …). */
  readonly qualityEvent?: string;
  /** Restrictions in force: the last `ACCOUNT_RESTRICTION` list, without those expired at `now`. */
  readonly restrictions: readonly Restriction[];
  readonly banState?: Open<"DISABLE" | "REINSTATE" | "SCHEDULE_FOR_DISABLE">;
  /** False after `ACCOUNT_OFFBOARDED` (until `ACCOUNT_RECONNECTED`). */
  readonly connected: boolean;
  /** The volume pricing tier (`"min:max"`) and the month it applies from. */
  readonly volumeTier?: { readonly tier: string; readonly effective_month?: string };
  /** The display name review (`APPROVED`, `REJECTED`, …). */
  readonly nameDecision?: string;
  readonly lastEvent?: AccountUpdateName;
}

type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };

/**
 * Each account's health after these events, applied in the order given (Meta sends them as they
 * happen). `now` (seconds) drops restrictions that have expired.
 *
 * @example
 * const health = numberHealth(events).get(wabaId);
 * if (health?.restrictions.some((r) => r.restriction_type === "RESTRICTED_BIZ_INITIATED_MESSAGING")) pauseCampaigns();
 */
export function numberHealth(
  events: Iterable<WebhookEvent>,
  now = Date.now() / 1000,
  into = new Map<string, NumberHealth>(),
): Map<string, NumberHealth> {
  for (const event of events) {
    if (event.kind !== "change") continue;
    const current: Mutable<NumberHealth> = { ...(into.get(event.wabaId) ?? { restrictions: [], connected: true }) };
    switch (event.field) {
      case "phone_number_quality_update":
        current.qualityEvent = event.event;
        if (event.max_daily_conversations_per_business !== undefined) current.messagingLimit = event.max_daily_conversations_per_business;
        break;
      case "business_capability_update":
        if (event.max_daily_conversations_per_business !== undefined) current.messagingLimit = event.max_daily_conversations_per_business;
        break;
      case "phone_number_name_update":
        current.nameDecision = event.decision;
        break;
      case "account_update":
        current.lastEvent = event.event;
        if (event.event === "ACCOUNT_RESTRICTION") current.restrictions = event.restriction_info ?? [];
        if (event.ban_info !== undefined) current.banState = event.ban_info.waba_ban_state;
        if (event.event === "ACCOUNT_OFFBOARDED") current.connected = false;
        if (event.event === "ACCOUNT_RECONNECTED") current.connected = true;
        if (event.volume_tier_info !== undefined)
          current.volumeTier = {
            tier: event.volume_tier_info.tier,
            ...definedMembers({ effective_month: event.volume_tier_info.effective_month }),
          };
        break;
      default:
        continue;
    }
    into.set(event.wabaId, current);
  }
  for (const [waba, health] of into)
    into.set(waba, { ...health, restrictions: health.restrictions.filter((r) => r.expiration === undefined || r.expiration > now) });
  return into;
}
