import { objectArgument } from "./builders/arguments.js";
import { type Addressing, addressedTo, addressingKey } from "./builders/message-base.js";
import { type KindHost, placeKinds } from "./kinds/host.js";
import type * as allKinds from "./kinds/index.js";
import { groupKinds } from "./rules/envelope-refinements.js";
import type { BusinessScopedId, PhoneNumber } from "./type-checks.js";

/** Every kind by name, as `msg` carries them: what `createMsg` may compose. */
export type Kinds = typeof allKinds;
/** The kinds a group takes [api-2026.md §3]: text, media, templates, and pins. */
export type GroupKind = "text" | "image" | "video" | "document" | "audio" | "sticker" | "template" | "pin" | "unpin";
/** The kinds only a group takes. */
type GroupOnlyKind = "pin" | "unpin";

/** A recipient carrying the kinds `K` and no other: calling one not composed does not compile. */
export type ComposedRecipient<K> = KindHost & { readonly [N in keyof K]: K[N] };

/** What `createMsg(kinds)` returns: `msg`'s `to`, `toUser` and `toGroup`, each offering the composed kinds only. */
export interface ComposedMsg<K> {
  /** A phone number in international form or a WhatsApp ID, as `msg.to`. */
  to<N extends string>(recipient: PhoneNumber<N>): ComposedRecipient<Omit<K, GroupOnlyKind>>;
  /** A user by business-scoped user id, as `msg.toUser`. */
  toUser<Id extends string, N extends string = never>(
    bsuid: BusinessScopedId<Id>,
    options?: { readonly phone?: PhoneNumber<N> },
  ): ComposedRecipient<Omit<K, GroupOnlyKind>>;
  /** A group, by its id, as `msg.toGroup`: only the composed kinds a group takes. */
  toGroup(groupId: string): ComposedRecipient<Pick<K, Extract<keyof K, GroupKind>>>;
}

/** The kinds a group takes, as the envelope's rule states them (a pin's `unpin` is a kind of its own here). */
const takenByGroups = (name: string): boolean => name === "unpin" || (groupKinds as readonly string[]).includes(name);

/**
 * A fluent entry carrying only the kinds you name, so a bundle holds their builders and checks
 * and no other kind's: `msg`'s chain and compile-time limits, kind by kind.
 *
 * @example
 * import { buttons, createMsg, text } from "@wacompose/builder";
 * const msg = createMsg({ text, buttons });
 * msg.to("+16505551234").buttons("Pick a slot").reply("am", "Morning").build();
 */
export function createMsg<const K extends Partial<Kinds>>(
  kinds: K & { readonly [N in Exclude<keyof K, keyof Kinds>]: never },
): ComposedMsg<K> {
  if (typeof kinds !== "object" || kinds === null || Array.isArray(kinds))
    throw new TypeError("createMsg: expected the kinds to compose, e.g. createMsg({ text })");
  const person: object = {};
  const group: object = {};
  for (const [name, kind] of Object.entries(kinds)) {
    // "then" would make a recipient thenable: awaiting one would call the kind.
    if (typeof kind !== "function" || name === "addressing" || name === "then")
      throw new TypeError(`createMsg: ${name} is not a kind; import the kind of that name from @wacompose/builder`);
    if (takenByGroups(name)) placeKinds(group, { [name]: kind });
    if (name !== "pin" && name !== "unpin") placeKinds(person, { [name]: kind });
  }
  Object.freeze(person);
  Object.freeze(group);
  const toPerson = recipientsOf(person);
  const toGroup = recipientsOf(group);
  return Object.freeze({
    to: (to: string) => toPerson(addressedTo(to)),
    toUser: (bsuid: string, options: { readonly phone?: string } = {}) =>
      toPerson(addressedTo(objectArgument(options, "toUser options", ["phone"]).phone, bsuid)),
    toGroup: (groupId: string) => toGroup(addressedTo(groupId, undefined, true)),
  }) as ComposedMsg<K>;
}

/**
 * Frozen recipients whose prototype is `kinds`. Made with `new` on a constructor of that prototype: every `to()`
 * pays for one, and this costs about a third less than `Object.create` + `Object.assign` (measured on Node 20;
 * freezing is most of what is left).
 */
function recipientsOf(kinds: object): (addressing: Addressing) => KindHost {
  function Recipient(this: { [addressingKey]: Addressing }, addressing: Addressing): void {
    this[addressingKey] = addressing;
    Object.freeze(this);
  }
  Recipient.prototype = kinds;
  const Made = Recipient as unknown as new (addressing: Addressing) => KindHost;
  return (addressing) => new Made(addressing);
}
