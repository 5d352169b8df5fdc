import { definedMembers } from "../defined-members.js";
import { quote } from "../quote.js";
import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { AccountUpdateEvent, Restriction } from "./change-events.js";
import { type FieldContext, type Json, MemberReader, objectsIn } from "./read.js";

const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "April 17, 2025" (Meta's `waba_ban_date`) as "2025-04-17"; an ISO date as it is; else undefined. */
export function banDateOf(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso !== null) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const prose = /^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})$/.exec(text.trim());
  if (prose === null) return undefined;
  const month = months.indexOf((prose[1] ?? "").toLowerCase());
  if (month < 0) return undefined;
  return `${prose[3]}-${String(month + 1).padStart(2, "0")}-${(prose[2] ?? "").padStart(2, "0")}`;
}

/**
 * `account_update` (16 events): `{event, phone_number?, ban_info?, restriction_info?[], violation_info?,
 * disconnection_info?, volume_tier_info?}` (webhooks-2026.md §2; [MD account_update]).
 */
export function readAccountUpdate(value: Json, ctx: FieldContext): FieldOutput[] {
  const path = `${ctx.path}.value`;
  const change = new MemberReader(value, path, ctx.issue);
  const name = change.text("event", true);
  if (name === undefined) return [unread(ctx, "account_update", path, value)];
  const event: { -readonly [Key in keyof AccountUpdateEvent]: AccountUpdateEvent[Key] } = {
    ...changeBase(ctx, "account_update", "account_update", path, value),
    event: name,
    ...change.optional("id", "phone_number"),
  };

  const ban = change.member("ban_info");
  if (ban !== undefined) {
    const state = ban.text("waba_ban_state") ?? "";
    const date = ban.text("waba_ban_date");
    const iso = date === undefined ? undefined : banDateOf(date);
    if (date !== undefined && iso === undefined)
      ctx.issue(`${path}.ban_info.waba_ban_date`, "invalid_format", `a date such as "April 17, 2025", got ${quote(date)}`);
    event.ban_info = { waba_ban_state: state, ...definedMembers({ waba_ban_date: date, ban_date: iso }) };
  }

  const restrictions = change.list("restriction_info");
  if (restrictions !== undefined)
    event.restriction_info = objectsIn(restrictions, `${path}.restriction_info`, ctx.issue).flatMap(([raw, at]): Restriction[] => {
      const reader = new MemberReader(raw, at, ctx.issue);
      const restriction_type = reader.text("restriction_type", true);
      const expiration = reader.optional("seconds", "expiration");
      const remediation = reader.optional("text", "remediation");
      return restriction_type === undefined ? [] : [{ restriction_type, ...expiration, ...remediation }];
    });

  const violation = change.member("violation_info");
  if (violation !== undefined) event.violation_info = violation.optional("text", "violation_type");

  const disconnection = change.member("disconnection_info");
  if (disconnection !== undefined) event.disconnection_info = disconnection.optional("text", "reason", "initiated_by");

  const volume = change.member("volume_tier_info");
  if (volume !== undefined) {
    const tier = volume.text("tier") ?? "";
    const effective_month = volume.text("effective_month");
    const bounds = /^(\d+):(\d*)$/.exec(tier);
    if (effective_month !== undefined && !/^\d{4}-\d{2}$/.test(effective_month))
      ctx.issue(`${path}.volume_tier_info.effective_month`, "invalid_format", `YYYY-MM, got ${quote(effective_month)}`);
    event.volume_tier_info = {
      tier,
      ...(bounds === null ? {} : { min: Number(bounds[1]) }),
      ...(bounds === null || bounds[2] === "" ? {} : { max: Number(bounds[2]) }),
      ...definedMembers({ effective_month }),
    };
  }
  return [event];
}
