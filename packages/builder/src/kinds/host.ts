import { type Addressing, addressingKey, exposedAddressing } from "../builders/message-base.js";

/**
 * What a kind is placed on: a recipient made by `msg` or `createMsg(…)`. Each kind is a function whose
 * `this` is the recipient, so a kind works wherever it is composed and nowhere else.
 */
export interface KindHost {
  /** @internal Who the message goes to, read by the kinds: under a symbol only they and the builders import. */
  readonly [addressingKey]: Addressing;
  /** @internal The same addressing, frozen first (see `exposedAddressing`): for the kinds that read it by name. */
  readonly addressing: Addressing;
}

/**
 * A host of `addressing` and no kind: what every recipient is made from (`msg`'s classes extend it, `createMsg`'s
 * recipients have its prototype under their kinds), and what the per-kind functions (`textTo(n, …)`) hand a kind.
 */
export class AddressedHost implements KindHost {
  /** @internal Assigned in the constructor, not declared as a class field: a declared field costs every `msg.to(n)` a slow define (Node 20). */
  declare readonly [addressingKey]: Addressing;

  /** @internal */
  constructor(addressing: Addressing) {
    this[addressingKey] = addressing;
  }

  /** @internal */
  get addressing(): Addressing {
    return exposedAddressing(this[addressingKey]);
  }
}

/** Places `kinds` on `target` (a prototype) as methods: not enumerable, not writable, as a class's own would be. */
export function placeKinds(target: object, kinds: Readonly<Record<string, unknown>>): void {
  for (const name of Object.keys(kinds)) Object.defineProperty(target, name, { value: kinds[name], configurable: true });
}
