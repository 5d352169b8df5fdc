import type { OtherEvent } from "../events.js";
import type { ChangeEvent } from "./change-events.js";
import type { FieldContext, Json } from "./read.js";

/** What a field reader yields: a typed event, or an `other` event keeping what could not be read. */
export type FieldOutput = ChangeEvent | OtherEvent;

/** The members every change event starts with. */
export function changeBase<Field extends string, Type extends string>(
  ctx: FieldContext,
  field: Field,
  type: Type,
  path: string,
  raw: Json,
) {
  return { kind: "change", field, type, wabaId: ctx.wabaId, time: ctx.time, path, raw } as const;
}

/** An object that could not be read as its field's event (the issues say why): kept, never dropped. */
export function unread(ctx: FieldContext, field: string, path: string, raw: unknown): OtherEvent {
  return { kind: "other", wabaId: ctx.wabaId, field, path, raw };
}
