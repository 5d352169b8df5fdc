import { msg } from "@wacompose/builder";
import { type CallbackId, callbackData, parseWebhook, type WebhookEvent } from "@wacompose/webhooks";
import { match, P } from "ts-pattern";
import { type Equal, expectType } from "./helpers.js";

declare const event: WebhookEvent;

// Narrowing by kind, then type: each member's payload is typed.
if (event.kind === "message" && event.type === "text") expectType<Equal<typeof event.text, { readonly body: string }>>(true);
if (event.kind === "message" && event.type === "interactive" && event.interactive.type === "button_reply")
  expectType<Equal<typeof event.interactive.button_reply.id, string>>(true);
if (event.kind === "status") expectType<Equal<typeof event.status, "sent" | "delivered" | "read" | "played" | "failed">>(true);
if (event.kind === "message" && event.type === "reaction") expectType<Equal<typeof event.reaction.emoji, string | undefined>>(true);
// @ts-expect-error Property 'text' does not exist on type
if (event.kind === "message" && event.type === "image") console.log(event.text);

// ts-pattern: an exhaustive match over the event kinds compiles; one that forgets a kind does not.
const described: string = match(event)
  .with({ kind: "message", type: "text" }, (e) => e.text.body)
  .with({ kind: "message" }, (e) => e.type)
  .with({ kind: "status", status: P.union("failed") }, (e) => `failed: ${e.errors?.[0]?.code}`)
  .with({ kind: "status" }, (e) => e.status)
  .with({ kind: "error" }, (e) => e.error.title ?? "")
  .with({ kind: "change" }, (e) => e.field)
  .with({ kind: "other" }, (e) => e.field)
  .exhaustive();
match(event)
  .with({ kind: "message" }, () => 1)
  .with({ kind: "status" }, () => 2)
  // @ts-expect-error NonExhaustiveError
  .exhaustive();

// Slot.match returns the typed value.
const Slot = callbackData("slot", { day: ["mon", "tue"], hour: "number" });
const Order = callbackData("order", { id: "number" });
expectType<Equal<ReturnType<typeof Slot.match>, { readonly day: "mon" | "tue"; readonly hour: number } | undefined>>(true);
expectType<Equal<ReturnType<typeof Slot.id>, CallbackId<"slot">>>(true);
// @ts-expect-error Type '"fri"' is not assignable to type '"mon" | "tue"'
Slot.id({ day: "fri", hour: 9 });
// @ts-expect-error Type 'string' is not assignable to type 'number'
Slot.id({ day: "mon", hour: "9" });

// A reply id from another codec does not type-check where a Slot id is expected.
function book(id: CallbackId<"slot">): string {
  return id;
}
book(Slot.id({ day: "mon", hour: 9 }));
// @ts-expect-error Argument of type 'CallbackId<"order">' is not assignable to parameter of type 'CallbackId<"slot">'
book(Order.id({ id: 42 }));
// @ts-expect-error Argument of type 'string' is not assignable to parameter of type 'CallbackId<"slot">'
book("slot~mon~9");

// The ids go wherever the builder takes a reply id.
msg
  .to("+16505551234")
  .buttons("When?")
  .reply(Slot.id({ day: "mon", hour: 9 }), "Mon 9:00");

// parseWebhook's result is readonly.
const { events } = parseWebhook({});
// @ts-expect-error Property 'push' does not exist on type 'readonly WebhookEvent[]'
events.push(event);

export { described };

// A signed codec answers promises of the same typed values and ids.
const SignedSlot = callbackData.signed("a-secret-of-32-characters-------")("slot", { day: ["mon", "tue"], hour: "number" });
expectType<Equal<ReturnType<typeof SignedSlot.id>, Promise<CallbackId<"slot">>>>(true);
expectType<Equal<Awaited<ReturnType<typeof SignedSlot.match>>, { readonly day: "mon" | "tue"; readonly hour: number } | undefined>>(true);
// @ts-expect-error Type '"fri"' is not assignable to type '"mon" | "tue"'
void SignedSlot.id({ day: "fri", hour: 9 });
