import type { KindRules } from "../../rules/message-of.js";
import type { Interactive, InteractiveMessage } from "../../wire/index.js";
import { type Addressing, addressingKey, MessageBase } from "../message-base.js";
import {
  type FooterText,
  type HeaderText,
  headerPart,
  type MediaHeader,
  type Parts,
  type SubText,
  withFooter,
  withHeader,
  withHeaderOf,
} from "./parts.js";

// Builder state under symbols, as MessageBase keeps its own (message-base.ts says why); exported to the
// interactive builders only (index.ts does not), which read them directly: no getter in every bundle.
export const partsKey: unique symbol = Symbol();
export const stateKey: unique symbol = Symbol();

/** The class of an interactive builder `B`: InteractiveBase's constructor, which every subclass keeps. */
type BuilderClass<B, State> = new (addressing: Addressing, rules: KindRules<"interactive">, parts: Parts, state: State) => B;

/**
 * What every interactive builder shares: the header, body and footer collected so far, the
 * kind's own state (its buttons, rows, cards, …), and one `withAddressing` through which every step
 * returns a builder of the same class and type arguments (`this`), so the steps below are
 * written once. A step that changes the type arguments (a button, a row, a card more) makes
 * its class anew with `new`. A kind picks the steps its type allows by the class it extends:
 * `InteractiveBase` (none), `WithFooter`, `WithTextHeader` or `WithMediaHeader`.
 */
export abstract class InteractiveBase<I extends Interactive, State> extends MessageBase<InteractiveMessage<I>> {
  /** The header, body and footer so far. */
  declare protected readonly [partsKey]: Parts;
  /** The kind's own state: its buttons, rows, cards, … */
  declare protected readonly [stateKey]: State;

  /**
   * @internal The one constructor of every interactive builder (none declares its own, so `withAddressing` can call it):
   * `rules` is the kind's own check, passed in by the kind's entry so that its bundle carries only its own.
   */
  constructor(addressing: Addressing, rules: KindRules<"interactive">, parts: Parts, state: State) {
    super(addressing, rules);
    this[partsKey] = parts;
    this[stateKey] = state;
  }

  /**
   * This builder's class, with its type arguments and rules, holding `addressing` and, where given, other parts or
   * state: every step returns through here (MessageBase's `.replyTo()` and the like give the addressing alone).
   */
  protected withAddressing(addressing: Addressing, parts = this[partsKey], state = this[stateKey]): this {
    return new (this.constructor as BuilderClass<this, State>)(addressing, this.rules, parts, state);
  }
}

/** An interactive kind that takes a footer. */
export abstract class WithFooter<I extends Interactive, State> extends InteractiveBase<I, State> {
  /** Footer text, at most 60 characters. */
  footer<F extends string>(text: FooterText<F>): this {
    return this.withAddressing(this[addressingKey], withFooter(this[partsKey], text));
  }
}

/** An interactive kind that takes a footer and a text header. */
export abstract class WithTextHeader<I extends Interactive, State> extends WithFooter<I, State> {
  /** A text header, at most 60 characters (this kind takes no media header). */
  header<H extends string>(text: HeaderText<H>): this {
    return this.withAddressing(this[addressingKey], withHeader(this[partsKey], headerPart(text)));
  }
}

/** An interactive kind that takes a footer and a text or media header. */
export abstract class WithMediaHeader<I extends Interactive, State> extends WithFooter<I, State> {
  /** A text header (at most 60 characters, optional sub-text) or an image, video or document. */
  header<H extends string, S extends string>(header: HeaderText<H> | MediaHeader, options: { readonly subText?: SubText<S> } = {}): this {
    return this.withAddressing(this[addressingKey], withHeaderOf(this[partsKey], header, options));
  }
}
