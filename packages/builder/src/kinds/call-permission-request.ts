import { type CallPermissionRequestBuilder, NamedActionBuilder } from "../builders/interactive/calls.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { addressingKey } from "../builders/message-base.js";
import { callPermissionRequestInteractiveRules } from "../rules/quick/interactive-call-permission-request.generated.js";
import type { KindHost } from "./host.js";

/** Asks permission to call the user: `.callPermissionRequest(…)` on a recipient of `createMsg({ callPermissionRequest })`. */
export function callPermissionRequest<Body extends string>(this: KindHost, body?: BodyText<Body>): CallPermissionRequestBuilder {
  return new NamedActionBuilder(this[addressingKey], callPermissionRequestInteractiveRules, bodyPart(body), "call_permission_request");
}
