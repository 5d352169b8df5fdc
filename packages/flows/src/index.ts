export { complete, dataExchange, navigate, openUrl, updateData } from "./actions.js";
export { type FlowBuilder, type FlowOptions, flow } from "./builder/flow.js";
export type { AnyLayout, LayoutBuilder, LayoutState } from "./builder/layout.js";
export type * from "./builder/options.js";
export type { AnyScreen, ScreenBuilder, ScreenState } from "./builder/screen.js";
export { encryptFlowRequest, type SealedFlowRequest } from "./endpoint/client.js";
export {
  type DecryptedFlowRequest,
  decryptFlowRequest,
  type EncryptedFlowRequest,
  encryptFlowResponse,
  FlowDecryptionError,
} from "./endpoint/crypto.js";
export { type FlowEndpointOptions, flowEndpoint, flowEndpointStatus, nodeFlowEndpoint } from "./endpoint/endpoint.js";
export { type FlowKeyPair, generateFlowKeyPair } from "./endpoint/keygen.js";
export {
  type FlowAnswer,
  type FlowErrorNotification,
  type FlowRequest,
  type FlowSuccess,
  finishFlow,
  type InvalidFlowToken,
  type NextScreen,
  rejectFlowToken,
  type ScreenIdOf,
} from "./endpoint/messages.js";
export { flowTokenSignatureProblem } from "./endpoint/token-signature.js";
export { FlowError } from "./errors.js";
export type * from "./flow-json.js";
export { flowJsonSchema } from "./json-schema.js";
export { flowLimits } from "./limits.js";
export { type ValidateFlowOptions, validateFlow } from "./validate/validate-flow.js";
export {
  type DataApiVersion,
  dataApiVersions,
  type FlowVersion,
  flowVersions,
  frozenFlowVersions,
  latestFlowVersion,
  publishableFlowVersions,
} from "./versions.js";
