import { limits } from "@wacompose/builder";
import { carriedIdOf } from "./carried-id.js";
import type { WebhookEvent } from "./events.js";
import { type SignedCallbackData, signedCallbackData } from "./signed-callback-data.js";

/** A field of callback data: text, a number, a boolean, or one of some words. */
export type CallbackField = "string" | "number" | "boolean" | readonly string[];
export type CallbackFields = Readonly<Record<string, CallbackField>>;

type FieldValue<Field> = Field extends "string"
  ? string
  : Field extends "number"
    ? number
    : Field extends "boolean"
      ? boolean
      : Field extends readonly (infer Word)[]
        ? Word
        : never;

/** The typed value a codec carries: `{ day: "mon", hour: 9 }`. */
export type CallbackValue<Fields extends CallbackFields> = { readonly [Key in keyof Fields]: FieldValue<Fields[Key]> };

declare const callbackName: unique symbol;
/** An id made by the codec named `Name`: a string, which another codec's id is not. */
export type CallbackId<Name extends string> = string & { readonly [callbackName]: Name };

export interface CallbackCodec<Name extends string, Fields extends CallbackFields> {
  readonly name: Name;
  /** The compact id for a reply button, a list row, a template quick reply, or `biz_opaque_callback_data`. */
  id(value: CallbackValue<Fields>): CallbackId<Name>;
  /**
   * The value of an id this codec could have made; undefined for any other string: longer than
   * 512 characters, a number that is not finite, a word not in its list, or any form `id()`
   * does not write (`slot~mon~09`). Decoding enforces what encoding enforces. It does not say
   * that you offered this id to this user: an id that comes back is user input (see `signed`).
   */
  decode(id: string): CallbackValue<Fields> | undefined;
  /**
   * The value carried by an event, when it is this codec's: a tapped reply button (an id of at
   * most 256 characters), a picked list row (200), a tapped template quick reply (its payload),
   * or a status's `biz_opaque_callback_data` (512). Undefined for anything else.
   */
  match(event: WebhookEvent): CallbackValue<Fields> | undefined;
}

/**
 * A codec whose ids carry an HMAC-SHA256 tag (`slot~mon~9~<22 characters>`), made with a secret
 * only your servers hold: an id that a modified client made up, or changed, decodes to
 * undefined. Web Crypto, so every method answers a promise.
 */
export interface SignedCallbackCodec<Name extends string, Fields extends CallbackFields> {
  readonly name: Name;
  /** The signed id: the unsigned one, `~`, and a 22-character tag; at most 512 characters in all. */
  id(value: CallbackValue<Fields>): Promise<CallbackId<Name>>;
  /** The value of an id this codec made with this secret; undefined for any other string. */
  decode(id: string): Promise<CallbackValue<Fields> | undefined>;
  /** As `CallbackCodec.match`, for ids this codec signed. */
  match(event: WebhookEvent): Promise<CallbackValue<Fields> | undefined>;
}

const separator = "~";
/** `%` and `~` are escaped in text, so the separator never appears inside a field. */
const escapeField = (text: string): string => text.replace(/%/g, "%25").replace(/~/g, "%7E");
const unescapeField = (text: string): string => text.replace(/%7E/g, "~").replace(/%25/g, "%");

/**
 * A typed codec for ids that a message offers and that come back in the user's reply (in the
 * spirit of pywa's `CallbackData`): `name~field~field`, fields in the order given.
 *
 * @example
 * const Slot = callbackData("slot", { day: ["mon", "tue", "wed"], hour: "number" });
 * msg.to(n).buttons("When?").reply(Slot.id({ day: "mon", hour: 9 }), "Mon 9:00");
 * // later, in the webhook handler:
 * const slot = Slot.match(event); // { day: "mon", hour: 9 } | undefined
 */
export function callbackData<const Name extends string, const Fields extends CallbackFields>(
  name: Name,
  fields: Fields,
): CallbackCodec<Name, Fields> {
  if (typeof name !== "string" || name === "" || /[~%]/.test(name))
    throw new TypeError(`callbackData: a name is non-empty text without "~" or "%", got ${JSON.stringify(name)}`);
  const keys = Object.keys(fields);
  const at = (key: string): string => `callbackData ${name}: ${key}`;
  for (const key of keys) {
    const field = fields[key];
    if (!(field === "string" || field === "number" || field === "boolean" || (Array.isArray(field) && field.length > 0)))
      throw new TypeError(`${at(key)} must be "string", "number", "boolean" or a non-empty list of words`);
  }

  const encode = (key: string, value: unknown): string => {
    const field = fields[key];
    if (field === "number") {
      if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${at(key)} is a finite number, got ${String(value)}`);
      return String(value);
    }
    if (field === "boolean") {
      if (typeof value !== "boolean") throw new TypeError(`${at(key)} is a boolean, got ${String(value)}`);
      return value ? "1" : "0";
    }
    if (typeof value !== "string") throw new TypeError(`${at(key)} is text, got ${typeof value}`);
    if (Array.isArray(field) && !field.includes(value)) throw new TypeError(`${at(key)} is one of ${field.join(", ")}, got ${value}`);
    return escapeField(value);
  };
  const read = (key: string, text: string): unknown => {
    const field = fields[key];
    if (field === "number") return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? Number(text) : undefined;
    if (field === "boolean") return text === "1" ? true : text === "0" ? false : undefined;
    const value = unescapeField(text);
    return Array.isArray(field) && !field.includes(value) ? undefined : value;
  };

  const make = (value: CallbackValue<Fields>): CallbackId<Name> => {
    if (typeof value !== "object" || value === null)
      throw new TypeError(`callbackData ${name}: id() takes an object of ${keys.join(", ")}`);
    const id = [escapeField(name), ...keys.map((key) => encode(key, (value as Record<string, unknown>)[key]))].join(separator);
    // The largest place an id can go is biz_opaque_callback_data; buttons (256) and rows (200) are checked when the message is built.
    if (id.length > limits.callbackData.max)
      throw new RangeError(`callbackData ${name}: the id is ${id.length} characters; at most ${limits.callbackData.max} fit anywhere`);
    return id as CallbackId<Name>;
  };
  /** The id `make` writes for a value, or undefined where it would throw. */
  const remade = (value: CallbackValue<Fields>): string | undefined => {
    try {
      return make(value);
    } catch {
      return undefined;
    }
  };

  const decode = (id: string): CallbackValue<Fields> | undefined => {
    // Cheap refusals first: an id from a user may be a megabyte long.
    if (typeof id !== "string" || id.length > limits.callbackData.max) return undefined;
    const parts = id.split(separator);
    if (parts[0] !== name || parts.length !== keys.length + 1) return undefined;
    const value: Record<string, unknown> = {};
    for (const [i, key] of keys.entries()) {
      const read_ = read(key, parts[i + 1] as string);
      if (read_ === undefined) return undefined;
      value[key] = read_;
    }
    // Only an id that `id()` writes for this value decodes: every check of encoding holds, and no second form exists.
    return remade(value as CallbackValue<Fields>) === id ? (value as CallbackValue<Fields>) : undefined;
  };

  return Object.freeze({
    name,
    id: make,
    decode,
    match(event: WebhookEvent): CallbackValue<Fields> | undefined {
      const carried = carriedIdOf(event);
      return carried === undefined || carried.id.length > carried.max ? undefined : decode(carried.id);
    },
  });
}

/**
 * Codecs whose ids are signed with `secret` (HMAC-SHA256, Web Crypto): for ids that must not be
 * forged, such as one naming an order. A secret of its own (not the app secret), at least 16
 * characters; every method of a signed codec answers a promise.
 *
 * @example
 * const Order = callbackData.signed(process.env.CALLBACK_SECRET!)("order", { action: ["pay", "cancel"], orderId: "string" });
 * const id = await Order.id({ action: "cancel", orderId: "42" }); // order~cancel~42~<tag>
 */
callbackData.signed = (secret: string): SignedCallbackData => signedCallbackData(secret, callbackData);
