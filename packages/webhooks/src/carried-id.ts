import { limits } from "@wacompose/builder";
import type { WebhookEvent } from "./events.js";

/** The id an event carries back: a reply button's, a list row's, a template quick reply's payload, a status's callback data. */
export function carriedId(event: WebhookEvent): string | undefined {
  return carriedIdOf(event)?.id;
}

/**
 * The id an event carries, with the most characters an id offered there can have: a reply
 * button's id 256, a list row's 200, `biz_opaque_callback_data` 512, a template quick reply's
 * payload 512 (no limit is documented; 512 is the most any codec writes). A longer one was never offered.
 */
export function carriedIdOf(event: WebhookEvent): { readonly id: string; readonly max: number } | undefined {
  const at = (id: string | undefined, max: number) => (typeof id === "string" ? { id, max } : undefined);
  if (event.kind === "status") return at(event.biz_opaque_callback_data, limits.callbackData.max);
  if (event.kind !== "message") return undefined;
  if (event.type === "button") return at(event.button.payload, limits.callbackData.max);
  if (event.type !== "interactive") return undefined;
  const reply = event.interactive;
  if (reply.type === "button_reply") return at(reply.button_reply.id, limits.buttons.id.max);
  return reply.type === "list_reply" ? at(reply.list_reply.id, limits.list.row.id.max) : undefined;
}
