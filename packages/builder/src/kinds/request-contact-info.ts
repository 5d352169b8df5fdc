import { NamedActionBuilder, type RequestContactInfoBuilder } from "../builders/interactive/calls.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { addressingKey } from "../builders/message-base.js";
import { requestContactInfoInteractiveRules } from "../rules/quick/interactive-request-contact-info.generated.js";
import type { KindHost } from "./host.js";

/** Asks for the user's contact details: `.requestContactInfo(…)` on a recipient of `createMsg({ requestContactInfo })`. */
export function requestContactInfo<Body extends string>(this: KindHost, body: BodyText<Body>): RequestContactInfoBuilder {
  return new NamedActionBuilder(this[addressingKey], requestContactInfoInteractiveRules, bodyPart(body), "request_contact_info");
}
