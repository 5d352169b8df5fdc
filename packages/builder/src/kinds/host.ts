import type { Addressing, addressingKey } from "../builders/message-base.js";

/**
 * What a kind is placed on: a recipient made by `msg` or `createMsg(…)`. Each kind is a function whose
 * `this` is the recipient, so a kind works wherever it is composed and nowhere else.
 */
export interface KindHost {
  /** @internal Who the message goes to, read by the kinds: under a symbol only they and the builders import. */
  readonly [addressingKey]: Addressing;
}

/** Places `kinds` on `target` (a prototype) as methods: not enumerable, not writable, as a class's own would be. */
export function placeKinds(target: object, kinds: Readonly<Record<string, unknown>>): void {
  for (const name of Object.keys(kinds)) Object.defineProperty(target, name, { value: kinds[name], configurable: true });
}
