import { addressingKey } from "../builders/message-base.js";
import type { MessageBuilder } from "../builders/message-builder.js";
import { locationMessage } from "../builders/single-kinds.js";
import type { LocationMessage } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** A location pin, in decimal degrees: `.location(…)` on a recipient of `createMsg({ location })`, as on `msg.to(n)`. */
export function location(this: KindHost, location: LocationMessage["location"]): MessageBuilder<LocationMessage> {
  return locationMessage(this[addressingKey], location);
}
