import type { limits } from "../../limits.js";
import type { MaxLength } from "../../type-checks.js";
import type { FlowInteractive, FlowParameters } from "../../wire/index.js";
import { copyData } from "../copy-data.js";
import { partsKey, stateKey, WithTextHeader } from "./interactive-base.js";
import { renderInteractive } from "./parts.js";

/** Which flow to open: its id or its name, never both [resolution §13.3]. */
export type FlowTarget = { readonly flowId: string; readonly flowName?: never } | { readonly flowName: string; readonly flowId?: never };

/** `navigate` (the default) may name the first screen and pass data; `data_exchange` takes neither. */
export type FlowAction =
  | { readonly action?: "navigate"; readonly screen?: string; readonly data?: { readonly [key: string]: unknown } }
  | { readonly action: "data_exchange"; readonly screen?: never; readonly data?: never };

export type FlowOptions<Cta extends string> = FlowTarget &
  FlowAction & {
    /** The button label: at most 20 characters, no emoji. */
    readonly cta: MaxLength<Cta, typeof limits.flow.cta.max, "interactive.action.parameters.flow_cta">;
    /** Sent back with the flow's responses; the API defaults it to "unused". */
    readonly token?: string;
    readonly mode?: "draft" | "published";
  };

/**
 * A WhatsApp Flow message (`flow_message_version` "3").
 *
 * @example
 * msg.to(n).flow("Book your table", { flowId: "1234", cta: "Book", screen: "START", data: { guests: 2 } }).build();
 */
export class FlowBuilder extends WithTextHeader<FlowInteractive, FlowParameters> {
  protected render(): FlowInteractive {
    const { flow_action_payload: payload, ...parameters } = this[stateKey];
    // A deep copy: `data` is nested JSON, and built bodies share no object with the builder.
    const copy: FlowParameters =
      payload === undefined ? { ...parameters } : { ...parameters, flow_action_payload: copyData(payload, payloadPlace) };
    return renderInteractive<FlowInteractive>("flow", this[partsKey], { name: "flow", parameters: copy });
  }
}

/** Where the flow's payload and its data sit in the body (see `copyData`). */
const payloadPlace = { path: "interactive.action.parameters.flow_action_payload", depth: 4 };
const dataPlace = { path: `${payloadPlace.path}.data`, depth: 5 };

/** The keys of `FlowOptions`, all read by `flowParameters`; any other is refused. */
export const flowOptionKeys = ["cta", "token", "flowId", "flowName", "mode", "action", "screen", "data"];

/** The API's `parameters` from the builder's options; only the options given are set. */
export function flowParameters(options: FlowOptions<string>): FlowParameters {
  const parameters: { -readonly [K in keyof FlowParameters]: FlowParameters[K] } = { flow_message_version: "3", flow_cta: options.cta };
  if (options.token !== undefined) parameters.flow_token = options.token;
  if (options.flowId !== undefined) parameters.flow_id = options.flowId;
  if (options.flowName !== undefined) parameters.flow_name = options.flowName;
  if (options.mode !== undefined) parameters.mode = options.mode;
  if (options.action !== undefined) parameters.flow_action = options.action;
  if (options.screen !== undefined || options.data !== undefined) {
    const payload: { screen?: string; data?: { readonly [key: string]: unknown } } = {};
    if (options.screen !== undefined) payload.screen = options.screen;
    if (options.data !== undefined) payload.data = copyData(options.data, dataPlace);
    parameters.flow_action_payload = payload;
  }
  return parameters;
}
