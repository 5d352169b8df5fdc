import type { limits } from "../../limits.js";
import type { KindRules } from "../../rules/message-of.js";
import { voiceCallInteractiveRules } from "../../rules/quick/interactive-voice-call.generated.js";
import type { MaxLength } from "../../type-checks.js";
import type {
  CallPermissionRequestInteractive,
  InteractiveMessage,
  RequestContactInfoInteractive,
  VoiceCallInteractive,
} from "../../wire/index.js";
import { type Addressing, type Content, MessageBase } from "../message-base.js";
import { type Parts, renderInteractive } from "./parts.js";

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const partsKey: unique symbol = Symbol();
const parametersKey: unique symbol = Symbol();
const kindKey: unique symbol = Symbol();

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
  declare private readonly [partsKey]: Parts;
  declare private readonly [parametersKey]: VoiceCallInteractive["action"]["parameters"];

  /** @internal */
  constructor(addressing: Addressing, parts: Parts, parameters: VoiceCallInteractive["action"]["parameters"]) {
    super(addressing, voiceCallInteractiveRules);
    this[partsKey] = parts;
    this[parametersKey] = parameters;
  }

  protected withAddressing(addressing: Addressing): this {
    return new VoiceCallBuilder(addressing, this[partsKey], this[parametersKey]) as this; // same class
  }

  protected render(): VoiceCallInteractive {
    const action: VoiceCallInteractive["action"] =
      this[parametersKey] === undefined ? { name: "voice_call" } : { name: "voice_call", parameters: { ...this[parametersKey] } };
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
export class NamedActionBuilder<I extends NamedAction> extends MessageBase<InteractiveMessage<I>> {
  declare private readonly [partsKey]: Parts;
  declare private readonly [kindKey]: I["type"];

  /** @internal `rules`: the kind's own check, passed in so that each kind's bundle carries only its own. */
  constructor(addressing: Addressing, parts: Parts, kind: I["type"], rules: KindRules<"interactive">) {
    super(addressing, rules);
    this[partsKey] = parts;
    this[kindKey] = kind;
  }

  protected withAddressing(addressing: Addressing): this {
    return new NamedActionBuilder<I>(addressing, this[partsKey], this[kindKey], this.rules) as this; // same class, same kind
  }

  protected render(): Content<InteractiveMessage<I>> {
    return renderInteractive<I>(this[kindKey], this[partsKey], { name: this[kindKey] } as I["action"]) as Content<InteractiveMessage<I>>;
  }
}

export type RequestContactInfoBuilder = NamedActionBuilder<RequestContactInfoInteractive>;
export type CallPermissionRequestBuilder = NamedActionBuilder<CallPermissionRequestInteractive>;
