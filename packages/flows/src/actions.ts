import type { CompleteAction, DataExchangeAction, FlowPayload, NavigateAction, OpenUrlAction, UpdateDataAction } from "./flow-json.js";

/**
 * Go to another screen of the flow; the payload's keys must be that screen's data fields.
 *
 * @example
 * navigate("DETAILS", { name: "${form.name}" })
 */
export function navigate<const Target extends string, const Payload extends FlowPayload = {}>(
  screen: Target,
  payload?: Payload,
): NavigateAction<Target, Payload> {
  return Object.freeze({ name: "navigate", next: Object.freeze({ type: "screen", name: screen }), ...(payload ? { payload } : {}) });
}

/** Send the payload to the flow's endpoint (needs `dataApiVersion`); the endpoint answers with the next screen. */
export function dataExchange(): DataExchangeAction<{}>;
export function dataExchange<const Payload extends FlowPayload>(payload: Payload): DataExchangeAction<Payload>;
export function dataExchange(payload: FlowPayload = {}): DataExchangeAction {
  return Object.freeze({ name: "data_exchange", payload });
}

/** End the flow (a terminal screen's Footer): the payload comes back in the `nfm_reply` webhook. */
export function complete(): CompleteAction<{}>;
export function complete<const Payload extends FlowPayload>(payload: Payload): CompleteAction<Payload>;
export function complete(payload: FlowPayload = {}): CompleteAction {
  return Object.freeze({ name: "complete", payload });
}

/** Set data fields of the current screen (Flow JSON 6.0+), e.g. from a selection's `on-select-action`. */
export function updateData<const Payload extends FlowPayload>(payload: Payload): UpdateDataAction<Payload> {
  return Object.freeze({ name: "update_data", payload });
}

/** Open a URL in the browser (Flow JSON 6.0+), from an EmbeddedLink or an OptIn. */
export function openUrl(url: string): OpenUrlAction {
  return Object.freeze({ name: "open_url", url });
}
