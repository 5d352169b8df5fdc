import type { DataApiVersion, FlowVersion } from "./versions.js";

/** A JSON value as Flow JSON carries it (`null` is not one: flows.md §1.3). */
export type FlowValue = string | number | boolean | readonly FlowValue[] | { readonly [key: string]: FlowValue };

/** An action's payload: field name → a static value or a `${form.x}` / `${data.x}` reference. */
export type FlowPayload = { readonly [key: string]: FlowValue };

/** `navigate`: to another screen, whose `${data}` becomes the payload (flows.md §3). */
export interface NavigateAction<Target extends string = string, Payload extends FlowPayload = FlowPayload> {
  readonly name: "navigate";
  readonly next: { readonly type: "screen"; readonly name: Target };
  readonly payload?: Payload;
}
/** `data_exchange`: the payload goes to the flow's endpoint as the request's `data`. */
export interface DataExchangeAction<Payload extends FlowPayload = FlowPayload> {
  readonly name: "data_exchange";
  readonly payload: Payload;
}
/** `complete`: ends the flow; the payload and the flow token become the `nfm_reply` webhook's `response_json`. */
export interface CompleteAction<Payload extends FlowPayload = FlowPayload> {
  readonly name: "complete";
  readonly payload: Payload;
}
/** `update_data` (6.0+): sets the current screen's data fields. */
export interface UpdateDataAction<Payload extends FlowPayload = FlowPayload> {
  readonly name: "update_data";
  readonly payload: Payload;
}
/** `open_url` (6.0+): opens a link in the browser. */
export interface OpenUrlAction {
  readonly name: "open_url";
  readonly url: string;
}
export type FlowAction = NavigateAction | DataExchangeAction | CompleteAction | UpdateDataAction | OpenUrlAction;

/** One component, with the wire's kebab-case property names (`"helper-text"`, `"on-click-action"`). */
export interface FlowComponent {
  readonly type: string;
  readonly [property: string]: unknown;
}

/** One entry of a screen's data model: a JSON type and the mandatory `__example__`. */
export interface DataField {
  readonly type: "string" | "number" | "boolean" | "object" | "array";
  readonly __example__: FlowValue;
  readonly items?: FlowValue;
  readonly properties?: FlowValue;
  readonly [extra: string]: FlowValue | undefined;
}
export type DataModel = { readonly [name: string]: DataField };

export interface FlowScreen<Id extends string = string> {
  readonly id: Id;
  readonly title?: string;
  readonly terminal?: boolean;
  readonly success?: boolean;
  readonly refresh_on_back?: boolean;
  readonly sensitive?: readonly string[];
  readonly data?: DataModel;
  readonly layout: { readonly type: "SingleColumnLayout"; readonly children: readonly FlowComponent[] };
}

/** A whole Flow JSON document, as uploaded to `POST /{flow-id}/assets`; `Ids` are its screen ids when the builder made it. */
export interface FlowJson<Ids extends string = string> {
  readonly version: FlowVersion;
  readonly data_api_version?: DataApiVersion;
  readonly routing_model?: { readonly [screen: string]: readonly string[] };
  readonly screens: readonly FlowScreen<Ids>[];
}
