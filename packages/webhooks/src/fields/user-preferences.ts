import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { UserPreferenceEvent } from "./change-events.js";
import { type FieldContext, type Json, MemberReader, objectsIn } from "./read.js";

/** `user_preferences`: `value.user_preferences[]{wa_id, detail, category, value, timestamp}` [MD user_preferences]. */
export function readUserPreferences(value: Json, ctx: FieldContext): FieldOutput[] {
  const at = `${ctx.path}.value`;
  const change = new MemberReader(value, at, ctx.issue);
  const metadata = change.metadata();
  return objectsIn(change.list("user_preferences", true), `${at}.user_preferences`, ctx.issue).map(([raw, path]) => {
    const item = new MemberReader(raw, path, ctx.issue);
    const wa_id = item.id("wa_id");
    const user_id = item.text("user_id");
    const detail = item.text("detail");
    const category = item.text("category", true);
    const choice = item.text("value", true);
    const timestamp = item.seconds("timestamp");
    if (wa_id === undefined && user_id === undefined) {
      ctx.issue(`${path}.wa_id`, "required", "a preference names its user by wa_id or user_id");
      return unread(ctx, "user_preferences", path, raw);
    }
    if (item.failed || category === undefined || choice === undefined) return unread(ctx, "user_preferences", path, raw);
    const event: { -readonly [Key in keyof UserPreferenceEvent]: UserPreferenceEvent[Key] } = {
      ...changeBase(ctx, "user_preferences", "preference", path, raw),
      category,
      value: choice,
      timestamp: timestamp ?? Number.NaN,
    };
    if (metadata !== undefined) event.metadata = metadata;
    if (wa_id !== undefined) event.wa_id = wa_id;
    if (user_id !== undefined) event.user_id = user_id;
    if (detail !== undefined) event.detail = detail;
    return event;
  });
}
