import { objectArgument } from "../builders/arguments.js";
import { CtaUrlBuilder, type CtaUrlButton } from "../builders/interactive/cta-url.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { addressingKey } from "../builders/message-base.js";
import { ctaUrlInteractiveRules } from "../rules/quick/interactive-cta-url.generated.js";
import type { KindHost } from "./host.js";

/** A button that opens a URL: `.ctaUrl(…)` on a recipient of `createMsg({ ctaUrl })`, as on `msg.to(n)`. */
export function ctaUrl<Body extends string, Text extends string>(
  this: KindHost,
  body: BodyText<Body>,
  button: CtaUrlButton<Text>,
): CtaUrlBuilder {
  const { text, url } = objectArgument(button, "cta_url button", ["text", "url"]);
  return new CtaUrlBuilder(this[addressingKey], ctaUrlInteractiveRules, bodyPart(body), { text, url });
}
