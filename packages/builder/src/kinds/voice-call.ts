import { objectArgument } from "../builders/arguments.js";
import { VoiceCallBuilder, type VoiceCallOptions } from "../builders/interactive/calls.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { addressingKey } from "../builders/message-base.js";
import type { Mutable } from "../builders/mutable.js";
import { voiceCallInteractiveRules } from "../rules/quick/interactive-voice-call.generated.js";
import type { VoiceCallInteractive } from "../wire/index.js";
import type { KindHost } from "./host.js";

/** A button that starts a voice call: `.voiceCall(…)` on a recipient of `createMsg({ voiceCall })`, as on `msg.to(n)`. */
export function voiceCall<Body extends string, T extends string>(
  this: KindHost,
  body: BodyText<Body>,
  options: VoiceCallOptions<T> = {},
): VoiceCallBuilder {
  const { text, ttlMinutes, payload } = objectArgument(options, "voiceCall options", ["text", "ttlMinutes", "payload"]);
  const parameters: Mutable<NonNullable<VoiceCallInteractive["action"]["parameters"]>> = {};
  if (text !== undefined) parameters.display_text = text;
  if (ttlMinutes !== undefined) parameters.ttl_minutes = ttlMinutes;
  if (payload !== undefined) parameters.payload = payload;
  return new VoiceCallBuilder(
    this[addressingKey],
    voiceCallInteractiveRules,
    bodyPart(body),
    Object.keys(parameters).length === 0 ? undefined : parameters,
  );
}
