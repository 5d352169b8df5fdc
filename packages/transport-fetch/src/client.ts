import { classifyGraphError, type Message, markRead, objectArgument, type RequestBody, throughputLimits } from "@wacompose/builder";
import { type Answer, type ConnectionOptions, openCore } from "./core.js";
import { mediaOverCore } from "./create-media.js";
import type { Media } from "./media.js";
import { numberOption, senderOptionKeys } from "./options.js";
import { own } from "./own.js";
import { retryPolicy } from "./retry.js";
import { askedWait } from "./retry-after.js";
import { type SendManyOptions, type SendManyResult, sendMany } from "./send-many.js";

export type { Answer, ApiRequest, FetchLike } from "./core.js";
export type { ResponseLike } from "./read-answer.js";

export interface ClientOptions extends ConnectionOptions {
  readonly phoneNumberId: string;
  /** Default pacing for `sendMany`; the reference's default throughput is 80 messages/s per number. */
  readonly perSecond?: number | undefined;
  /** Origins besides `baseUrl`'s that media downloads may send the token to; default Meta's (`metaMediaOrigins`). */
  readonly mediaOrigins?: readonly string[] | undefined;
}

/** The API's answer to a sent message [cloud-api.md §10.1]. Not a delivery receipt. */
export interface SendResult {
  readonly messaging_product: "whatsapp";
  readonly contacts: readonly { readonly input: string; readonly wa_id: string }[];
  readonly messages: readonly { readonly id: string; readonly message_status?: "accepted" | "held_for_quality_assessment" | "paused" }[];
}

/** The API's answer to mark-as-read. */
export interface MarkReadResult {
  readonly success: boolean;
}

/** A built body, or a builder (anything with `build()`, which validates it first). */
export type Sendable<Body extends RequestBody = RequestBody> = Body | { build(): Body };

export interface Client {
  /** Sends one message; retries only when the API certainly did not accept it. */
  send(message: Sendable<Message>): Promise<SendResult>;
  /** Marks an incoming message as read, optionally showing a typing indicator. */
  markRead(messageId: string, options?: { readonly typing?: boolean }): Promise<MarkReadResult>;
  /** Sends many messages, paced; one result per message, in order, none lost. */
  sendMany(messages: readonly Sendable<Message>[], options?: SendManyOptions): Promise<SendManyResult<SendResult>[]>;
  /** Media: upload (checked before any request), look up, download, delete. See docs/media.md. */
  readonly media: Media;
}

/**
 * A successful send holds a message id, each field its own (never a polluted prototype's). Apart from mark-as-read's,
 * so that a sender does not carry that one.
 */
export const sendAnswer: Answer = {
  holds: (json) => typeof own(own(own(json, "messages"), 0), "id") === "string",
  missing: "JSON that is not the API's answer to a message (no messages[0].id)",
};

/** Mark-as-read's answer holds `success`. */
const markReadAnswer: Answer = {
  holds: (json) => typeof own(json, "success") === "boolean",
  missing: "JSON that is not the API's answer to mark-as-read (no success)",
};

/**
 * A client for `POST /{version}/{phone-number-id}/messages`.
 *
 * @example
 * const wa = createClient({ phoneNumberId: "1065…", accessToken: process.env.WHATSAPP_ACCESS_TOKEN!, version: "v23.0" });
 * const { messages } = await wa.send(msg.to("+16505551234").text("Hello"));
 */
export function createClient(options: ClientOptions): Client {
  objectArgument(options, "createClient", [...senderOptionKeys, "perSecond", "mediaOrigins"]);
  const core = openCore("createClient", options, classifyGraphError, retryPolicy(options.retry, "createClient"), askedWait);
  const perSecond = numberOption(
    "createClient",
    options,
    "perSecond",
    throughputLimits.perSecond,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
  );
  const { post } = core;

  const client: Client = {
    async send(message) {
      return (await post(bodyOf(message), sendAnswer)) as SendResult;
    },
    async markRead(messageId, markOptions = {}) {
      // Built by the builder, so its checks apply (a JavaScript caller's `undefined` or a 200-character id fails here).
      const read = markRead(messageId);
      return (await post(bodyOf(markOptions.typing ? read.typing() : read), markReadAnswer)) as MarkReadResult;
    },
    sendMany(messages, manyOptions = {}) {
      return sendMany(client, messages, { ...manyOptions, perSecond: manyOptions.perSecond ?? perSecond });
    },
    media: mediaOverCore("createClient", core, options),
  };
  return Object.freeze(client);
}

/** The body of a message given either as a builder (built here, so it throws `PayloadError` when invalid) or as a body. */
export function bodyOf<Body extends RequestBody>(message: Sendable<Body>): Body {
  return typeof (message as { build?: unknown }).build === "function" ? (message as { build(): Body }).build() : (message as Body);
}
