export type { AccountWebhooks, BusinessAgent, HistoryLine } from "./account-events.js";
export { type EmulatorCommandIo, emulatorUsage, runEmulatorCommand } from "./command.js";
export type { Clock, StatusOptions } from "./conversation.js";
export {
  type Emulator,
  type EmulatorOptions,
  type ReceivedRequest,
  type RefusedRequest,
  type ScriptedAnswer,
  startEmulator,
} from "./emulator.js";
export { type EmulatedFlow, type EmulatedFlows, type FlowAnswers, type FlowAnswerValue, FlowPlayError } from "./flows.js";
export { type GraphError, graphError } from "./graph.js";
export type { EmulatedTemplates } from "./template-lifecycle.js";
export type {
  EmulatedTemplate,
  TemplateDefinition,
  TemplateExport,
  TemplateQualityScore,
  TemplateStatus,
} from "./templates.js";
export type { Inbound, ReplyOptions, SentMessage, SimulatedUser } from "./user.js";
export type { Delivery, DeliveryAttempt, WebhookOptions } from "./webhooks.js";
