import type { AccountEvents } from "./account-events.js";
import type { Conversation } from "./conversation.js";
import type { FlowAnswers, FlowPlayer } from "./flows.js";
import { type Json, list, object } from "./json.js";
import type { Delivery } from "./webhooks.js";

/** A message a simulated user sent: its wamid and the webhook that carries it. */
export interface Inbound {
  readonly id: string;
  readonly delivery: Delivery;
}

/** A sent message: its wamid, the client's answer to `send()`, or the builder it was sent from (the newest send of that body). */
export type SentMessage = string | { readonly messages: readonly { readonly id: string }[] } | { build(): unknown };

/**
 * How a tap or pick is made. `forged: true` sends the id as given even when the message did not
 * offer it: what a modified client, a replayed or edited webhook, or a stale button can send.
 * An id that comes back from a user is user input; cover that in your tests with it.
 */
export interface ReplyOptions {
  readonly forged?: boolean;
}

/** A user on the other side: each action goes out as the webhook the API would send. */
export interface SimulatedUser {
  says(text: string): Inbound;
  /**
   * Taps a reply button of an interactive message, or a quick-reply button of a template (by its
   * payload). An id the message did not offer throws, unless `{ forged: true }`.
   */
  taps(message: SentMessage, replyId: string, options?: ReplyOptions): Inbound;
  /** Picks a row of a list message. A row the message did not offer throws, unless `{ forged: true }`. */
  picks(message: SentMessage, rowId: string, options?: ReplyOptions): Inbound;
  /**
   * Completes a flow message. For a flow given to `startEmulator({ flows })`, `answers` are the inputs by
   * name: the flow is walked screen by screen as the WhatsApp client does (required inputs and picker
   * options checked, `navigate` followed, your endpoint called encrypted for INIT and `data_exchange`),
   * and the `complete` payload (or the endpoint's `params`) becomes `response_json`. For another flow,
   * `answers` is the `response_json` itself. The message's `flow_token`, when it was sent with one, is
   * added. Rejects with what stopped the walk (a missing answer, the endpoint's status).
   */
  completesFlow(message: SentMessage, answers: FlowAnswers | Readonly<Record<string, unknown>>): Promise<Inbound>;
  sendsLocation(location: {
    readonly latitude: number;
    readonly longitude: number;
    readonly name?: string;
    readonly address?: string;
  }): Inbound;
  sendsImage(image?: { readonly id?: string; readonly caption?: string; readonly mime_type?: string }): Inbound;
  /** Reacts to a message; `""` removes the reaction. */
  reacts(message: SentMessage, emoji: string): Inbound;
  /** Stops marketing messages: a `user_preferences` webhook with `value: "stop"`. */
  optsOut(): Delivery;
  /** Resumes marketing messages (`value: "resume"`). */
  optsIn(): Delivery;
}

/** An id a tap or pick can carry: a string (a forged one too: a webhook's id is always a string). */
function checkId(action: string, id: unknown): void {
  if (typeof id !== "string") throw new TypeError(`user.${action}: the id is a string, got ${typeof id}`);
}

/** The `nfm_reply` a completed flow sends: `response_json` a JSON string, as from the API. */
export const flowReply = (context: Json, response: Json): Record<string, unknown> => ({
  type: "interactive",
  context,
  interactive: { type: "nfm_reply", nfm_reply: { name: "flow", body: "Sent", response_json: JSON.stringify(response) } },
});

export function simulatedUser(
  conversation: Conversation,
  from: string,
  name: string,
  defaultNumber: string,
  account: AccountEvents,
  flows?: FlowPlayer,
): SimulatedUser {
  if (typeof from !== "string" || !/^\+?\d{6,15}$/.test(from))
    throw new TypeError(`emulator.user: a phone number in digits, got ${JSON.stringify(from)}`);
  const user = from.replace(/^\+/, "");
  const numberFor = (): string => conversation.businessNumberOf(user) ?? defaultNumber;
  const send = (message: Record<string, unknown>, phoneNumberId = numberFor()): Inbound =>
    conversation.inbound(phoneNumberId, user, name, message);

  /** The sent message a reply refers to, or an error that says what is missing. */
  const sent = (message: SentMessage, action: string) => {
    const id =
      typeof message === "string"
        ? message
        : "build" in message && typeof message.build === "function"
          ? conversation.idOfBody(message.build())
          : (message as { readonly messages?: readonly { readonly id: string }[] })?.messages?.[0]?.id;
    const found = id === undefined ? undefined : conversation.sentMessage(id);
    if (id === undefined || found === undefined) throw new RangeError(`user.${action}: the emulator sent no message ${JSON.stringify(id)}`);
    const context = { from: found.phoneNumberId, id };
    return { id, context, body: found.body, phoneNumberId: found.phoneNumberId };
  };

  return {
    says: (text) => {
      // A WhatsApp user cannot send an empty message; over HTTP, a forgotten "text" is a 400 that says so.
      if (typeof text !== "string" || text === "") throw new TypeError(`user.says: the text is required, got ${JSON.stringify(text)}`);
      return send({ type: "text", text: { body: text } });
    },
    taps(message, replyId, options = {}) {
      const { context, body, phoneNumberId } = sent(message, "taps");
      checkId("taps", replyId);
      const interactive = object(body.interactive);
      const buttons = list(object(interactive.action).buttons).map((button) => object(button.reply));
      const button = buttons.find((reply) => reply.id === replyId);
      if (button !== undefined)
        return send(
          { type: "interactive", context, interactive: { type: "button_reply", button_reply: { id: replyId, title: button.title } } },
          phoneNumberId,
        );
      const payloads = list(object(body.template).components)
        .filter((component) => component.type === "button" && component.sub_type === "quick_reply")
        .flatMap((component) => list(component.parameters).map((parameter) => parameter.payload));
      if (payloads.includes(replyId)) return send({ type: "button", context, button: { payload: replyId, text: replyId } }, phoneNumberId);
      if (options.forged === true) {
        // The shape the message would have been answered with (a template's quick reply, else a reply button); the id is its title.
        if (body.type === "template") return send({ type: "button", context, button: { payload: replyId, text: replyId } }, phoneNumberId);
        return send(
          { type: "interactive", context, interactive: { type: "button_reply", button_reply: { id: replyId, title: replyId } } },
          phoneNumberId,
        );
      }
      const offered = [...buttons.map((reply) => reply.id), ...payloads].map((x) => JSON.stringify(x)).join(", ") || "none";
      throw new RangeError(`user.taps: the message offered no button ${JSON.stringify(replyId)} (it offered ${offered})`);
    },
    picks(message, rowId, options = {}) {
      const { context, body, phoneNumberId } = sent(message, "picks");
      checkId("picks", rowId);
      const rows = list(object(object(body.interactive).action).sections).flatMap((section) => list(section.rows));
      const row = rows.find((candidate) => candidate.id === rowId) ?? (options.forged === true ? { id: rowId, title: rowId } : undefined);
      if (row === undefined)
        throw new RangeError(
          `user.picks: the message offered no row ${JSON.stringify(rowId)} (it offered ${rows.map((r) => JSON.stringify(r.id)).join(", ") || "none"})`,
        );
      const reply = { id: rowId, title: row.title, ...(row.description === undefined ? {} : { description: row.description }) };
      return send({ type: "interactive", context, interactive: { type: "list_reply", list_reply: reply } }, phoneNumberId);
    },
    async completesFlow(message, answers) {
      const { context, body, phoneNumberId } = sent(message, "completesFlow");
      if (object(body.interactive).type !== "flow") throw new RangeError("user.completesFlow: that message is not a flow");
      if (flows?.flowOf(body) !== undefined) {
        const response = await flows.walk(body, answers as FlowAnswers);
        return send(flowReply(context, response), phoneNumberId);
      }
      // A flow sent with a flow_token gets it back in the response, as from the API; one sent without has none.
      const token = object(object(object(body.interactive).action).parameters).flow_token;
      const response = typeof token === "string" && !("flow_token" in answers) ? { flow_token: token, ...answers } : answers;
      return send(flowReply(context, response), phoneNumberId);
    },
    sendsLocation: (location) => send({ type: "location", location }),
    sendsImage: (image = {}) =>
      send({
        type: "image",
        image: { mime_type: "image/jpeg", sha256: "", id: String(Date.now()), ...image },
      }),
    reacts(message, emoji) {
      const { id, phoneNumberId } = sent(message, "reacts");
      return send({ type: "reaction", reaction: emoji === "" ? { message_id: id } : { message_id: id, emoji } }, phoneNumberId);
    },
    optsOut: () => account.preference(user, "stop"),
    optsIn: () => account.preference(user, "resume"),
  };
}
