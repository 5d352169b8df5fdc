import { definedMembers } from "../defined-members.js";
import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { GroupEvent, GroupField } from "./change-events.js";
import { readFieldItems } from "./field-items.js";
import { type FieldContext, type Json, objectsIn } from "./read.js";

/** Members that list participants, by the names Meta's Groups API pages use. */
const participantLists = ["added_participants", "removed_participants", "participants"] as const;

/**
 * The four group fields: `value.groups[]{group_id, type, timestamp, request_id?, …}` (Groups API
 * webhooks). Meta's `type` becomes `update`; everything else stays in `raw`.
 */
export function groupReader(field: GroupField) {
  return (value: Json, ctx: FieldContext): FieldOutput[] =>
    readFieldItems(value, ctx, "groups", (item, business) => {
      const group_id = item.id("group_id", true);
      const update = item.text("type", true);
      const timestamp = item.seconds("timestamp");
      const request_id = item.optional("text", "request_id");
      let participants: Json[] | undefined;
      for (const key of participantLists) {
        const list = item.list(key);
        if (list !== undefined)
          participants = [...(participants ?? []), ...objectsIn(list, `${item.at}.${key}`, ctx.issue).map(([participant]) => participant)];
      }
      if (group_id === undefined || update === undefined) return unread(ctx, field, item.at, item.source);
      const event: GroupEvent = {
        ...changeBase(ctx, field, "group", item.at, item.source),
        ...business,
        group_id,
        update,
        timestamp: timestamp ?? Number.NaN,
        ...request_id,
        ...definedMembers({ participants }),
      };
      return event as FieldOutput;
    });
}
