import { expect } from "@jest/globals";
import { type ChangeEvent, parseWebhook, type WebhookEvent } from "../../src/index.js";
import { changeOf } from "../fixtures-2026.js";

/** The events of a body with one change of `field`, asserting there was no issue. */
export function cleanEventsOf(field: string, value: unknown): WebhookEvent[] {
  const { events, issues } = parseWebhook(changeOf(field, value));
  expect(issues).toEqual([]);
  return [...events];
}

/** The single event of a body with one change of `field`, asserting there was no issue and that it is a change event. */
export function onlyChangeOf(field: string, value: unknown): ChangeEvent {
  const events = cleanEventsOf(field, value);
  expect(events).toHaveLength(1);
  const event = events[0];
  if (event?.kind !== "change") throw new Error(`expected a change event, got ${JSON.stringify(event)}`);
  return event;
}
