import { definedMembers } from "../defined-members.js";
import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { UserPreferenceEvent } from "./change-events.js";
import { readFieldItems } from "./field-items.js";
import type { FieldContext, Json } from "./read.js";

/** `user_preferences`: `value.user_preferences[]{wa_id, detail, category, value, timestamp}` [MD user_preferences]. */
export function readUserPreferences(value: Json, ctx: FieldContext): FieldOutput[] {
  return readFieldItems(value, ctx, "user_preferences", (item, business) => {
    const wa_id = item.id("wa_id");
    const user_id = item.text("user_id");
    const detail = item.optional("text", "detail");
    const category = item.text("category", true);
    const choice = item.text("value", true);
    const timestamp = item.seconds("timestamp");
    if (wa_id === undefined && user_id === undefined) {
      ctx.issue(`${item.at}.wa_id`, "required", "a preference names its user by wa_id or user_id");
      return unread(ctx, "user_preferences", item.at, item.source);
    }
    if (item.failed || category === undefined || choice === undefined) return unread(ctx, "user_preferences", item.at, item.source);
    const event: UserPreferenceEvent = {
      ...changeBase(ctx, "user_preferences", "preference", item.at, item.source),
      category,
      value: choice,
      timestamp: timestamp ?? Number.NaN,
      ...business,
      ...definedMembers({ wa_id, user_id }),
      ...detail,
    };
    return event;
  });
}
