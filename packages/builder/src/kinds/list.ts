import { ListBuilder } from "../builders/interactive/list.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { addressingKey } from "../builders/message-base.js";
import type { limits } from "../limits.js";
import { listInteractiveRules } from "../rules/quick/interactive-list.generated.js";
import type { MaxLength } from "../type-checks.js";
import type { KindHost } from "./host.js";

/** A list that `buttonText` opens, sections next: `.list(…)` on a recipient of `createMsg({ list })`, as on `msg.to(n)`. */
export function list<Body extends string, Button extends string>(
  this: KindHost,
  body: BodyText<Body>,
  buttonText: MaxLength<Button, typeof limits.list.button.max, "interactive.action.button">,
): ListBuilder {
  return new ListBuilder(this[addressingKey], listInteractiveRules, bodyPart(body), { button: buttonText, sections: [] });
}
