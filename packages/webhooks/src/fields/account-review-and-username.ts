import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { AccountReviewEvent, BusinessUsernameEvent } from "./change-events.js";
import { type FieldContext, type Json, MemberReader } from "./read.js";

/** `account_review_update`: `{decision}`. */
export function readAccountReview(value: Json, ctx: FieldContext): FieldOutput[] {
  const path = `${ctx.path}.value`;
  const decision = new MemberReader(value, path, ctx.issue).text("decision", true);
  if (decision === undefined) return [unread(ctx, "account_review_update", path, value)];
  const event: AccountReviewEvent = { ...changeBase(ctx, "account_review_update", "review_update", path, value), decision };
  return [event];
}

/** `business_username_updates`: `{display_phone_number?, username?, status: approved|deleted|reserved}` (webhooks-2026.md §1d). */
export function readBusinessUsername(value: Json, ctx: FieldContext): FieldOutput[] {
  const path = `${ctx.path}.value`;
  const change = new MemberReader(value, path, ctx.issue);
  const status = change.text("status", true);
  const username = change.optional("text", "username");
  const number = change.optional("id", "display_phone_number");
  if (status === undefined) return [unread(ctx, "business_username_updates", path, value)];
  const event: BusinessUsernameEvent = {
    ...changeBase(ctx, "business_username_updates", "username_update", path, value),
    status,
    ...username,
    ...number,
  };
  return [event];
}
