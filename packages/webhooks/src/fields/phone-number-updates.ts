import { definedMembers } from "../defined-members.js";
import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { BusinessCapabilityEvent, PhoneNumberNameEvent, PhoneNumberQualityEvent } from "./change-events.js";
import { limitTierOf } from "./messaging-limit-tier.js";
import { describe, type FieldContext, type Json, MemberReader, own } from "./read.js";

/** `max_daily_conversations_per_business`, a `TIER_*` string or a number (Meta's docs show both), when it is there. */
function readLimit(value: Json, path: string, ctx: FieldContext): { max_daily_conversations_per_business?: string } {
  const raw = own(value, "max_daily_conversations_per_business");
  if (raw === undefined) return {};
  const tier = limitTierOf(raw);
  if (tier === undefined)
    ctx.issue(`${path}.max_daily_conversations_per_business`, "invalid_type", `a TIER_* string or a number, got ${describe(raw)}`);
  return definedMembers({ max_daily_conversations_per_business: tier });
}

/**
 * `phone_number_quality_update`: `{display_phone_number, event, max_daily_conversations_per_business}`;
 * `current_limit` / `old_limit` are deprecated but still read (webhooks-2026.md §2).
 */
export function readPhoneNumberQuality(value: Json, ctx: FieldContext): FieldOutput[] {
  const path = `${ctx.path}.value`;
  const change = new MemberReader(value, path, ctx.issue);
  const display_phone_number = change.id("display_phone_number", true);
  const name = change.text("event", true);
  const deprecated = change.optional("text", "current_limit", "old_limit");
  const limit = readLimit(value, path, ctx);
  if (display_phone_number === undefined || name === undefined) return [unread(ctx, "phone_number_quality_update", path, value)];
  const event: PhoneNumberQualityEvent = {
    ...changeBase(ctx, "phone_number_quality_update", "quality_update", path, value),
    display_phone_number,
    event: name,
    ...limit,
    ...deprecated,
  };
  return [event];
}

/** `phone_number_name_update`: `{display_phone_number, decision, requested_verified_name, rejection_reason|null}` [MD]. */
export function readPhoneNumberName(value: Json, ctx: FieldContext): FieldOutput[] {
  const path = `${ctx.path}.value`;
  const change = new MemberReader(value, path, ctx.issue);
  const display_phone_number = change.id("display_phone_number", true);
  const decision = change.text("decision", true);
  const requested = change.optional("text", "requested_verified_name");
  const rejection_reason = change.textOrNull("rejection_reason");
  if (display_phone_number === undefined || decision === undefined) return [unread(ctx, "phone_number_name_update", path, value)];
  const event: PhoneNumberNameEvent = {
    ...changeBase(ctx, "phone_number_name_update", "name_update", path, value),
    display_phone_number,
    decision,
    ...requested,
    ...definedMembers({ rejection_reason }),
  };
  return [event];
}

/** `business_capability_update`: the portfolio's limits (the tier as a string or a number: both read). */
export function readBusinessCapability(value: Json, ctx: FieldContext): FieldOutput[] {
  const path = `${ctx.path}.value`;
  const tier = readLimit(value, path, ctx);
  const counts = new MemberReader(value, path, ctx.issue).optional(
    "number",
    "max_phone_numbers_per_business",
    "max_phone_numbers_per_waba",
  );
  const event: BusinessCapabilityEvent = {
    ...changeBase(ctx, "business_capability_update", "capability_update", path, value),
    ...tier,
    ...counts,
  };
  return [event];
}
