import type { MessageBuilder } from "../messages/message-builder.js";
import { locationMessage } from "../messages/single-kinds.js";
import type { LocationMessage } from "../payload/index.js";
import type { KindHost } from "./host.js";

/** A location pin, in decimal degrees: `.location(…)` on a recipient of `createMsg({ location })`, as on `msg.to(n)`. */
export function location(this: KindHost, location: LocationMessage["location"]): MessageBuilder<LocationMessage> {
  return locationMessage(this.envelope, location);
}
