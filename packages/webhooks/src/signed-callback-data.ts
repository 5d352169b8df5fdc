import { limits } from "@wacompose/builder";
import type { CallbackCodec, CallbackFields, CallbackId, CallbackValue, SignedCallbackCodec } from "./callback-data.js";
import { carriedIdOf } from "./carried-id.js";
import type { WebhookEvent } from "./events.js";

/** Bytes of the HMAC-SHA256 kept in an id: 128 bits, 22 characters of base64url. */
const tagBytes = 16;
const tagLength = 22;
/** Characters a secret needs at least: a short one can be found from the ids users see. */
const minSecretLength = 16;
/** Says what the tag is for, so the same secret used elsewhere never signs the same bytes. */
const context = "wacompose callbackData v1\n";
const encoder = new TextEncoder();

const base64url = (bytes: Uint8Array): string => {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

/** Equal texts of the same length, compared without returning at the first difference. */
function sameTag(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < tagLength; i++) difference |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return difference === 0;
}

type Codec = <const Name extends string, const Fields extends CallbackFields>(name: Name, fields: Fields) => CallbackCodec<Name, Fields>;
export type SignedCallbackData = <const Name extends string, const Fields extends CallbackFields>(
  name: Name,
  fields: Fields,
) => SignedCallbackCodec<Name, Fields>;

/** `callbackData.signed(secret)`: codecs as `callbackData` makes them, whose ids carry a tag made with `secret`. */
export function signedCallbackData(secret: string, codec: Codec): SignedCallbackData {
  if (typeof secret !== "string" || secret.length < minSecretLength)
    throw new TypeError(
      `callbackData.signed: the secret is text of at least ${minSecretLength} characters (32 random bytes in base64 is a good one), got ${typeof secret === "string" ? `${secret.length} characters` : typeof secret}`,
    );
  let key: ReturnType<typeof crypto.subtle.importKey> | undefined;
  const tagOf = async (unsigned: string): Promise<string> => {
    key ??= crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const mac = await crypto.subtle.sign("HMAC", await key, encoder.encode(context + unsigned));
    return base64url(new Uint8Array(mac, 0, tagBytes));
  };

  return (name, fields) => {
    const inner = codec(name, fields);
    const decode = async (id: string): Promise<CallbackValue<typeof fields> | undefined> => {
      if (typeof id !== "string" || id.length > limits.callbackData.max) return undefined;
      const cut = id.length - tagLength - 1;
      const unsigned = id.slice(0, Math.max(cut, 0));
      if (id[cut] !== "~" || (unsigned !== name && !unsigned.startsWith(`${name}~`))) return undefined;
      // The tag is checked before the fields are read: nothing of an id that is not ours is parsed.
      if (!sameTag(await tagOf(unsigned), id.slice(cut + 1))) return undefined;
      return inner.decode(unsigned);
    };
    return Object.freeze({
      name,
      async id(value: CallbackValue<typeof fields>): Promise<CallbackId<typeof name>> {
        const unsigned = inner.id(value);
        const id = `${unsigned}~${await tagOf(unsigned)}`;
        if (id.length > limits.callbackData.max)
          throw new RangeError(
            `callbackData ${name}: the signed id is ${id.length} characters (the tag takes ${tagLength + 1}); at most ${limits.callbackData.max} fit anywhere`,
          );
        return id as CallbackId<typeof name>;
      },
      decode,
      async match(event: WebhookEvent): Promise<CallbackValue<typeof fields> | undefined> {
        const carried = carriedIdOf(event);
        return carried === undefined || carried.id.length > carried.max ? undefined : decode(carried.id);
      },
    });
  };
}
