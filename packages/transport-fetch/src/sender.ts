import type { Message } from "@wacompose/builder";
import { classifyBriefly } from "./classify-briefly.js";
import { bodyOf, type Sendable, type SendResult, sendAnswer } from "./client.js";
import { openCore, type SenderOptions } from "./core.js";

/** A sender: one message at a time, nothing else carried (see `createSender`). */
export interface Sender {
  /** Sends one message; retries only when the API certainly did not accept it. */
  send(message: Sendable<Message>): Promise<SendResult>;
}

/**
 * The transport core: sends one message with every safety `createClient` has (a timeout per
 * attempt, no redirect followed, the answer capped and shape-checked, the token redacted from
 * every error, typed errors, retries only when the message certainly was not accepted), and no
 * more, so a bundle carries about 2 KB of transport instead of 5. Media, `sendMany`, mark-as-read
 * and the protocol's whole table of error codes are on `createClient`; a `GraphApiError` here
 * is classified from its retryable codes and HTTP status (call `classifyGraphError` for the rest).
 *
 * @example
 * const wa = createSender({ phoneNumberId: "1065…", accessToken: process.env.WHATSAPP_ACCESS_TOKEN!, version: "v23.0" });
 * await wa.send(msg.to("+16505551234").text("Hello"));
 */
export function createSender(options: SenderOptions): Sender {
  const { post } = openCore("createSender", options, classifyBriefly);
  return Object.freeze({
    async send(message: Sendable<Message>): Promise<SendResult> {
      return (await post(bodyOf(message), sendAnswer)) as SendResult;
    },
  });
}
