import type { MessageType, StatusEvent } from "./events.js";
import type { ObjectShape, Shape } from "./shape.js";

/**
 * The shapes events.ts promises, as data (Meta: the messages webhook reference; inbound.md §1).
 * `conform` checks each update against them: a member of another JSON type is an issue at its
 * path; an optional one is left out of the event (`raw` keeps it), a required one makes the
 * update an `other` event.
 */

/** `WebhookError`. */
export const errorShape: ObjectShape = {
  required: { code: "number" },
  optional: { title: "string", message: "string", href: "string", error_data: { optional: { details: "string" } } },
};
const errors: Shape = { listOf: errorShape };

/** `WebhookContact`, a profile from `value.contacts[]`. */
export const contactShape: ObjectShape = {
  optional: {
    profile: { optional: { name: "string", username: "string" } },
    wa_id: "string",
    user_id: "string",
    parent_user_id: "string",
    identity_key_hash: "string",
  },
};

/** What every message may carry besides its id, timestamp and type (checked by hand). */
const messageMembers: Readonly<Record<string, Shape>> = {
  from: "string",
  from_user_id: "string",
  group_id: "string",
  context: {
    optional: {
      from: "string",
      id: "string",
      forwarded: "boolean",
      frequently_forwarded: "boolean",
      referred_product: { required: { catalog_id: "string", product_retailer_id: "string" } },
    },
  },
  referral: {
    optional: {
      source_url: "string",
      source_id: "string",
      source_type: "string",
      body: "string",
      headline: "string",
      media_type: "string",
      image_url: "string",
      video_url: "string",
      thumbnail_url: "string",
      ctwa_clid: "string",
      welcome_message: { optional: { text: "string" } },
    },
  },
  errors,
};

const media = (extra: Readonly<Record<string, Shape>> = {}): ObjectShape => ({
  required: { id: "string", mime_type: "string" },
  optional: { sha256: "string", url: "string", caption: "string", ...extra },
});

/** The member each known type carries, and its shape; `undefined` for a type that carries none. */
const payloads: { readonly [Type in Exclude<MessageType, "unknown">]: Shape | undefined } = {
  text: { required: { body: "string" } },
  image: media(),
  video: media(),
  audio: media({ voice: "boolean" }),
  document: media({ filename: "string" }),
  sticker: media({ animated: "boolean" }),
  location: {
    required: { latitude: "number", longitude: "number" },
    optional: { name: "string", address: "string", url: "string" },
  },
  contacts: { listOf: {} },
  interactive: { required: { type: "string" } },
  button: { required: { payload: "string", text: "string" } },
  reaction: { required: { message_id: "string" }, optional: { emoji: "string" } },
  order: {
    required: {
      catalog_id: "string",
      product_items: {
        listOf: { required: { product_retailer_id: "string", quantity: "number", item_price: "number", currency: "string" } },
      },
    },
    optional: { text: "string" },
  },
  system: {
    optional: {
      body: "string",
      type: "string",
      wa_id: "string",
      new_wa_id: "string",
      user_id: "string",
      previous_user_id: "string",
      previous_parent_user_id: "string",
    },
  },
  request_welcome: undefined,
  unsupported: { optional: { type: "string" } },
};

/**
 * For each known message type, the shape of the whole message. Own properties only: a `type`
 * of `"toString"` or `"__proto__"` is not a known type.
 */
export const messageShapes: Readonly<Record<string, ObjectShape>> = Object.fromEntries(
  Object.entries(payloads).map(([type, payload]) => [
    type,
    payload === undefined ? { optional: messageMembers } : { required: { [type]: payload }, optional: messageMembers },
  ]),
);
/** A message of a type this package does not know yet: only the members every message shares are checked. */
export const anyMessageShape: ObjectShape = { optional: messageMembers };
export const isKnownType = (type: string): boolean => Object.hasOwn(messageShapes, type);

/** The shapes of the interactive replies this package types; other `interactive.type`s are kept as `other`. */
export const replyShapes: Readonly<Record<"button_reply" | "list_reply" | "nfm_reply", ObjectShape>> = {
  button_reply: { required: { id: "string", title: "string" } },
  list_reply: { required: { id: "string", title: "string" }, optional: { description: "string" } },
  nfm_reply: { optional: { name: "string", body: "string", response_json: "string" } },
};

/** What a status may carry besides its id, status and timestamp (anything else stays in `raw`). */
export const statusShape: ObjectShape & { readonly optional: { readonly [Key in StatusMember]: Shape } } = {
  optional: {
    recipient_id: "string",
    recipient_user_id: "string",
    recipient_type: "string",
    recipient_participant_id: "string",
    biz_opaque_callback_data: "string",
    conversation: { optional: { id: "string", expiration_timestamp: "string", origin: { optional: { type: "string" } } } },
    pricing: { optional: { billable: "boolean", pricing_model: "string", category: "string", type: "string" } },
    errors,
  },
};
type StatusMember = Exclude<keyof StatusEvent, "kind" | "id" | "status" | "timestamp" | "wabaId" | "metadata" | "raw">;
export const statusMembers = Object.keys(statusShape.optional) as readonly StatusMember[];
