import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type { GroupEvent, GroupField } from "./change-events.js";
import { type FieldContext, type Json, MemberReader, objectsIn } from "./read.js";

/** Members that list participants, by the names Meta's Groups API pages use. */
const participantLists = ["added_participants", "removed_participants", "participants"] as const;

/**
 * The four group fields: `value.groups[]{group_id, type, timestamp, request_id?, …}` (Groups API
 * webhooks). Meta's `type` becomes `update`; everything else stays in `raw`.
 */
export function groupReader(field: GroupField) {
  return (value: Json, ctx: FieldContext): FieldOutput[] => {
    const at = `${ctx.path}.value`;
    const change = new MemberReader(value, at, ctx.issue);
    const metadata = change.metadata();
    return objectsIn(change.list("groups", true), `${at}.groups`, ctx.issue).map(([raw, path]) => {
      const item = new MemberReader(raw, path, ctx.issue);
      const group_id = item.id("group_id", true);
      const update = item.text("type", true);
      const timestamp = item.seconds("timestamp");
      const request_id = item.text("request_id");
      let participants: Json[] | undefined;
      for (const key of participantLists) {
        const list = item.list(key);
        if (list !== undefined)
          participants = [...(participants ?? []), ...objectsIn(list, `${path}.${key}`, ctx.issue).map(([participant]) => participant)];
      }
      if (group_id === undefined || update === undefined) return unread(ctx, field, path, raw);
      const event: GroupEvent = {
        ...changeBase(ctx, field, "group", path, raw),
        ...(metadata ? { metadata } : {}),
        group_id,
        update,
        timestamp: timestamp ?? Number.NaN,
        ...(request_id === undefined ? {} : { request_id }),
        ...(participants === undefined ? {} : { participants }),
      };
      return event as FieldOutput;
    });
  };
}
