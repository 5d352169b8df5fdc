import type { limits } from "../../limits.js";
import type { MaxLength } from "../../type-checks.js";
import type { CtaUrlInteractive } from "../../wire/index.js";
import { partsKey, stateKey, WithMediaHeader } from "./interactive-base.js";
import { renderInteractive } from "./parts.js";

/** The button as the builder holds it. */
interface Button {
  readonly text: string;
  readonly url: string;
}

export interface CtaUrlButton<Text extends string> {
  /** The button label, at most 20 characters. */
  readonly text: MaxLength<Text, typeof limits.ctaUrl.displayText.max, "interactive.action.parameters.display_text">;
  /** Opened in the device's browser; http or https. */
  readonly url: string;
}

/**
 * A call-to-action URL button.
 *
 * @example
 * msg.to(n).ctaUrl("See your order", { text: "Open", url: "https://example.com/orders/42" }).build();
 */
export class CtaUrlBuilder extends WithMediaHeader<CtaUrlInteractive, Button> {
  protected render(): CtaUrlInteractive {
    const parameters = { display_text: this[stateKey].text, url: this[stateKey].url };
    return renderInteractive<CtaUrlInteractive>("cta_url", this[partsKey], { name: "cta_url", parameters });
  }
}
