import { objectArgument } from "../builders/arguments.js";
import { FlowBuilder, type FlowOptions, flowOptionKeys, flowParameters } from "../builders/interactive/flow.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { addressingKey } from "../builders/message-base.js";
import { flowInteractiveRules } from "../rules/quick/interactive-flow.generated.js";
import type { KindHost } from "./host.js";

/** A WhatsApp Flow: `.flow(…)` on a recipient of `createMsg({ flow })`, as on `msg.to(n)`. */
export function flow<Body extends string, Cta extends string>(
  this: KindHost,
  body: BodyText<Body>,
  options: FlowOptions<Cta>,
): FlowBuilder {
  return new FlowBuilder(
    this[addressingKey],
    flowInteractiveRules,
    bodyPart(body),
    flowParameters(objectArgument(options, "flow options", flowOptionKeys)),
  );
}
