export {
  type CallbackCodec,
  type CallbackField,
  type CallbackFields,
  type CallbackId,
  type CallbackValue,
  callbackData,
  carriedId,
} from "./callback-data.js";
export { type ChallengeAnswer, verifyChallenge } from "./challenge.js";
export { type MessagesValue, webhookPayload } from "./envelope.js";
export type * from "./events.js";
export { nodeWebhookHandler, type WebhookHandlerOptions, type WebhookRejection, webhookHandler } from "./handler.js";
export { type ParsedWebhook, parseWebhook } from "./parse.js";
export { metaJson, signatureOf, verifySignature } from "./signature.js";
export { dedupe, eventKey, latestStatuses, reduceStatus } from "./status.js";
