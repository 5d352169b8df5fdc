import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { LocationRequestBuilder } from "../builders/interactive/product.js";
import { addressingKey } from "../builders/message-base.js";
import { locationRequestMessageInteractiveRules } from "../rules/quick/interactive-location-request-message.generated.js";
import type { KindHost } from "./host.js";

/** Asks the user to share their location: `.locationRequest(…)` on a recipient of `createMsg({ locationRequest })`. */
export function locationRequest<Body extends string>(this: KindHost, body: BodyText<Body>): LocationRequestBuilder {
  return new LocationRequestBuilder(this[addressingKey], locationRequestMessageInteractiveRules, bodyPart(body), undefined);
}
