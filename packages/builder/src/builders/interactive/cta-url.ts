import type { limits } from "../../limits.js";
import { ctaUrlInteractiveRules } from "../../rules/quick/interactive-cta-url.generated.js";
import type { MaxLength } from "../../type-checks.js";
import type { CtaUrlInteractive, InteractiveMessage } from "../../wire/index.js";
import { type Addressing, MessageBase } from "../message-base.js";
import {
  type FooterText,
  type HeaderText,
  type MediaHeader,
  type Parts,
  renderInteractive,
  type SubText,
  withFooter,
  withHeaderOf,
} from "./parts.js";

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const partsKey: unique symbol = Symbol();
const buttonKey: unique symbol = Symbol();

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
export class CtaUrlBuilder extends MessageBase<InteractiveMessage<CtaUrlInteractive>> {
  declare private readonly [partsKey]: Parts;
  declare private readonly [buttonKey]: { readonly text: string; readonly url: string };

  /** @internal */
  constructor(addressing: Addressing, parts: Parts, button: { readonly text: string; readonly url: string }) {
    super(addressing, ctaUrlInteractiveRules);
    this[partsKey] = parts;
    this[buttonKey] = button;
  }

  /** A text header (at most 60 characters, optional sub-text) or an image, video or document. */
  header<H extends string, S extends string>(
    header: HeaderText<H> | MediaHeader,
    options: { readonly subText?: SubText<S> } = {},
  ): CtaUrlBuilder {
    return new CtaUrlBuilder(this.addressing, withHeaderOf(this[partsKey], header, options), this[buttonKey]);
  }

  /** Footer text, at most 60 characters. */
  footer<F extends string>(text: FooterText<F>): CtaUrlBuilder {
    return new CtaUrlBuilder(this.addressing, withFooter(this[partsKey], text), this[buttonKey]);
  }

  protected withAddressing(addressing: Addressing): this {
    return new CtaUrlBuilder(addressing, this[partsKey], this[buttonKey]) as this; // same class
  }

  protected render(): CtaUrlInteractive {
    const parameters = { display_text: this[buttonKey].text, url: this[buttonKey].url };
    return renderInteractive<CtaUrlInteractive>("cta_url", this[partsKey], { name: "cta_url", parameters });
  }
}
