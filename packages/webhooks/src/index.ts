export {
  type CallbackCodec,
  type CallbackField,
  type CallbackFields,
  type CallbackId,
  type CallbackValue,
  callbackData,
  type SignedCallbackCodec,
} from "./callback-data.js";
export { carriedId } from "./carried-id.js";
export { type ChallengeAnswer, verifyChallenge } from "./challenge.js";
export type * from "./events.js";
export type * from "./fields/change-events.js";
export { nodeWebhookHandler, type WebhookHandlerOptions, type WebhookRejection, webhookHandler } from "./handler.js";
export { jsonText } from "./json-text.js";
export { type ParsedWebhook, parseWebhook } from "./parse.js";
export { type ConversationControl, conversationControl } from "./reducers/conversation-control.js";
export { type HistoryImport, reassembleHistory } from "./reducers/history-import.js";
export { type NumberHealth, numberHealth } from "./reducers/number-health.js";
export { isOptOut, type MarketingPreference, marketingPreferences, mayReceiveMarketing } from "./reducers/preferences.js";
export { findTemplate, type TrackedTemplate, trackTemplates } from "./reducers/template-status.js";
export { metaJson, signatureOf, verifySignature } from "./signature.js";
export type { SignedCallbackData } from "./signed-callback-data.js";
export { dedupe, eventKey, latestStatuses, reduceStatus } from "./status.js";
export { type MessagesValue, webhookPayload } from "./webhook-payload.js";
