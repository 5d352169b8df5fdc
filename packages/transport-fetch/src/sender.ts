import { type Message, objectArgument } from "@wacompose/builder";
import { classifyBriefly } from "./classify-briefly.js";
import { bodyOf, type Sendable, type SendResult, sendAnswer } from "./client.js";
import { openCore, type SenderOptions } from "./core.js";
import { senderOptionKeys } from "./options.js";
import { retryOption, waitOf } from "./retry-option.js";

/** A sender: one message at a time, nothing else carried (see `createSender`). */
export interface Sender {
  /** Sends one message, once; with a `retry` policy, again only as the policy says. */
  send(message: Sendable<Message>): Promise<SendResult>;
}

/**
 * The transport core: sends one message with every safety `createClient` has (a timeout per
 * attempt, no redirect followed, the answer capped and shape-checked, the token redacted from
 * every error, typed errors saying whether the message may have been delivered), and no more.
 * Retries are passed in (`retry: retryWhenNotAccepted()`), so a bundle that does not retry does
 * not carry them; media, `sendMany`, mark-as-read and the protocol's whole table of error codes
 * are on `createClient`. A `GraphApiError` here is classified from its retryable codes, a bad
 * token's codes and the HTTP status (call `classifyGraphError` for the rest); its `retryAfterMs` is read from `Retry-After`, and
 * also from `X-Business-Use-Case-Usage` when the sender is given `retryWhenNotAccepted()`.
 *
 * @example
 * const wa = createSender({ phoneNumberId: "1065…", accessToken: process.env.WHATSAPP_ACCESS_TOKEN!, retry: retryWhenNotAccepted() });
 * await wa.send(msg.to("+16505551234").text("Hello"));
 */
export function createSender(options: SenderOptions): Sender {
  const retry = retryOption("createSender", objectArgument(options, "createSender", senderOptionKeys).retry);
  const { post } = openCore("createSender", options, classifyBriefly, retry, waitOf(retry));
  return Object.freeze({
    async send(message: Sendable<Message>): Promise<SendResult> {
      return (await post(bodyOf(message), sendAnswer)) as SendResult;
    },
  });
}
