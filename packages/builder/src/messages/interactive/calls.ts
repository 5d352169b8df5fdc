import type { limits } from "../../limits.js";
import type { InteractiveMessage, RequestContactInfoInteractive, VoiceCallInteractive } from "../../payload/index.js";
import type { MaxLength } from "../../type-checks.js";
import { type Envelope, MessageBase } from "../message-base.js";
import { type Parts, renderInteractive } from "./parts.js";

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
export class VoiceCallBuilder extends MessageBase<InteractiveMessage<VoiceCallInteractive>> {
  readonly #parts: Parts;
  readonly #parameters: VoiceCallInteractive["action"]["parameters"];

  /** @internal */
  constructor(envelope: Envelope, parts: Parts, parameters: VoiceCallInteractive["action"]["parameters"]) {
    super(envelope, "interactive");
    this.#parts = parts;
    this.#parameters = parameters;
  }

  protected withEnvelope(envelope: Envelope): this {
    return new VoiceCallBuilder(envelope, this.#parts, this.#parameters) as this; // same class
  }

  protected render(): VoiceCallInteractive {
    const action: VoiceCallInteractive["action"] =
      this.#parameters === undefined ? { name: "voice_call" } : { name: "voice_call", parameters: { ...this.#parameters } };
    return renderInteractive<VoiceCallInteractive>("voice_call", this.#parts, action);
  }
}

/**
 * Asks the user to share their contact details; useful when they write from a username.
 *
 * @example
 * msg.toUser("US.13491208655302741918").requestContactInfo("May we have your number for delivery updates?").build();
 */
export class RequestContactInfoBuilder extends MessageBase<InteractiveMessage<RequestContactInfoInteractive>> {
  readonly #parts: Parts;

  /** @internal */
  constructor(envelope: Envelope, parts: Parts) {
    super(envelope, "interactive");
    this.#parts = parts;
  }

  protected withEnvelope(envelope: Envelope): this {
    return new RequestContactInfoBuilder(envelope, this.#parts) as this; // same class
  }

  protected render(): RequestContactInfoInteractive {
    return renderInteractive<RequestContactInfoInteractive>("request_contact_info", this.#parts, { name: "request_contact_info" });
  }
}
