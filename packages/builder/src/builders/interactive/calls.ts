import type { limits } from "../../limits.js";
import type { MaxLength } from "../../type-checks.js";
import type {
  CallPermissionRequestInteractive,
  InteractiveMessage,
  RequestContactInfoInteractive,
  VoiceCallInteractive,
} from "../../wire/index.js";
import type { Content } from "../message-base.js";
import { InteractiveBase, partsKey, stateKey } from "./interactive-base.js";
import { renderInteractive } from "./parts.js";

type VoiceCallParameters = VoiceCallInteractive["action"]["parameters"];

/** A voice_call button's options [api-2026.md §4]: label (default "Call Now"), how long it works, and a payload for the call webhook. */
export interface VoiceCallOptions<T extends string> {
  readonly text?: MaxLength<T, typeof limits.voiceCall.displayText.max, "interactive.action.parameters.display_text">;
  readonly ttlMinutes?: number;
  readonly payload?: string;
}

/**
 * A button that starts a WhatsApp voice call to the business.
 *
 * @example
 * msg.to(n).voiceCall("Questions? Call us", { text: "Call on WhatsApp", ttlMinutes: 100 }).build();
 */
export class VoiceCallBuilder extends InteractiveBase<VoiceCallInteractive, VoiceCallParameters> {
  protected render(): VoiceCallInteractive {
    const parameters = this[stateKey];
    const action: VoiceCallInteractive["action"] =
      parameters === undefined ? { name: "voice_call" } : { name: "voice_call", parameters: { ...parameters } };
    return renderInteractive<VoiceCallInteractive>("voice_call", this[partsKey], action);
  }
}

/** The kinds whose action is only a name. */
type NamedAction = RequestContactInfoInteractive | CallPermissionRequestInteractive;

/**
 * A message whose action is only its name: a request for the user's contact details
 * (`requestContactInfo`), handy when they write from a username, or for permission to call
 * them (`callPermissionRequest`).
 *
 * @example
 * msg.toUser("US.13491208655302741918").requestContactInfo("May we have your number for delivery updates?").build();
 */
export class NamedActionBuilder<I extends NamedAction> extends InteractiveBase<I, I["type"]> {
  protected render(): Content<InteractiveMessage<I>> {
    const kind = this[stateKey];
    return renderInteractive<I>(kind, this[partsKey], { name: kind } as I["action"]) as Content<InteractiveMessage<I>>;
  }
}

export type RequestContactInfoBuilder = NamedActionBuilder<RequestContactInfoInteractive>;
export type CallPermissionRequestBuilder = NamedActionBuilder<CallPermissionRequestInteractive>;
