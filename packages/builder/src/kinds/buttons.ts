import { ButtonsBuilder } from "../builders/interactive/buttons.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { addressingKey } from "../builders/message-base.js";
import { buttonInteractiveRules } from "../rules/quick/interactive-button.generated.js";
import type { KindHost } from "./host.js";

/** Reply buttons, 1 to 3 with `.reply(id, title)`: `.buttons(…)` on a recipient of `createMsg({ buttons })`, as on `msg.to(n)`. */
export function buttons<Body extends string>(this: KindHost, body: BodyText<Body>): ButtonsBuilder {
  return new ButtonsBuilder(this[addressingKey], buttonInteractiveRules, bodyPart(body), undefined);
}
