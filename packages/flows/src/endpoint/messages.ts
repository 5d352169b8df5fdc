import type { FlowJson, FlowValue } from "../flow-json.js";

/** The screen ids of a built flow (`string` for a flow read from JSON). */
export type ScreenIdOf<F> = F extends FlowJson<infer Ids> ? Ids : string;

/** A decrypted request from WhatsApp (flows.md §5.2), as handed to your handlers. */
export interface FlowRequest<Screen extends string = string> {
  /** The data API version, "3.0" or "4.0". */
  readonly version: string;
  readonly action: "INIT" | "BACK" | "data_exchange";
  /** The screen the request comes from; empty for INIT (and may be for BACK). */
  readonly screen: Screen | "";
  /** The action's payload: what the screen's `data_exchange` sent. */
  readonly data: { readonly [key: string]: FlowValue };
  /** The token the flow message was sent with; some clients omit it (then ""). */
  readonly flow_token: string;
}

/** The client's report that an earlier answer was invalid (flows.md §5.2); answered with an acknowledgement. */
export interface FlowErrorNotification {
  readonly version: string;
  readonly action: string;
  readonly screen?: string;
  readonly flow_token?: string;
  readonly data: { readonly error: string; readonly error_message?: string };
}

/** Show this screen next with this data (its keys are the screen's data model). */
export interface NextScreen<Screen extends string = string> {
  readonly screen: Screen;
  readonly data: { readonly [key: string]: FlowValue };
}

/** End the flow: `params` (and the flow token) go to your webhook as the `nfm_reply`'s `response_json`. */
export interface FlowSuccess {
  readonly screen: "SUCCESS";
  readonly data: {
    readonly extension_message_response: { readonly params: { readonly flow_token: string; readonly [key: string]: FlowValue } };
  };
}

/** Answered 427: the flow token is no longer valid; WhatsApp shows `message` and disables the button. */
export interface InvalidFlowToken {
  readonly invalidFlowToken: string;
}

export type FlowAnswer<Screen extends string = string> = NextScreen<Screen> | FlowSuccess | InvalidFlowToken;

/**
 * Ends the flow from the endpoint.
 *
 * @example
 * return finishFlow(request, { order: "42" });
 */
export const finishFlow = (request: { readonly flow_token: string }, params: { readonly [key: string]: FlowValue } = {}): FlowSuccess => ({
  screen: "SUCCESS",
  data: { extension_message_response: { params: { ...params, flow_token: request.flow_token } } },
});

/** Refuses the request with 427 (the token expired or was used already). */
export const rejectFlowToken = (message = "This form has expired."): InvalidFlowToken => ({ invalidFlowToken: message });
