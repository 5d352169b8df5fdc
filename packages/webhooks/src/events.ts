import type { PricingCategory, PricingModel, PricingType } from "@wacompose/builder";
import type { ChangeEvent, Open } from "./fields/change-events.js";

/**
 * What a webhook carries, as events (Meta: the messages webhook reference). Field names are Meta's; each event adds
 * where it came from (`wabaId`, `metadata`), its time as a number of seconds, and `raw`, the
 * object as received. Every union is discriminated by a literal (`kind`, then `type` or
 * `status`), never by an optional field, so `switch` and ts-pattern's `match` narrow it.
 */

/** The business number an update is for. */
export interface Metadata {
  readonly display_phone_number: string;
  readonly phone_number_id: string;
}

/** A user's profile from `value.contacts[]`: `wa_id` and the name may be missing (usernames, 2026). */
export interface WebhookContact {
  readonly profile?: { readonly name?: string; readonly username?: string };
  readonly wa_id?: string;
  /** Business-scoped user id (BSUID), e.g. `US.13491208655302741918`. */
  readonly user_id?: string;
  readonly parent_user_id?: string;
  readonly identity_key_hash?: string;
}

/** An error object as Meta sends it in `errors[]` (statuses, messages, `value.errors`). */
export interface WebhookError {
  readonly code: number;
  readonly title?: string;
  readonly message?: string;
  readonly error_data?: { readonly details?: string };
  readonly href?: string;
}

/** `context` on an inbound message: the message it replies to, or forwarding, or a product it asks about. */
export interface MessageContext {
  readonly from?: string;
  /** The wamid of the business's message this one answers (a tapped button, a completed flow). */
  readonly id?: string;
  readonly forwarded?: boolean;
  readonly frequently_forwarded?: boolean;
  readonly referred_product?: { readonly catalog_id: string; readonly product_retailer_id: string };
}

/** Click-to-WhatsApp ad referral. */
export interface Referral {
  readonly source_url?: string;
  readonly source_id?: string;
  readonly source_type?: string;
  readonly body?: string;
  readonly headline?: string;
  readonly media_type?: string;
  readonly image_url?: string;
  readonly video_url?: string;
  readonly thumbnail_url?: string;
  readonly ctwa_clid?: string;
  readonly welcome_message?: { readonly text?: string };
}

interface Received {
  /** The WhatsApp Business Account id (`entry[].id`). */
  readonly wabaId: string;
  readonly metadata: Metadata;
  /** Seconds since the epoch (Meta sends a string; `raw` keeps it). `NaN` when it was not one, with an issue saying so. */
  readonly timestamp: number;
}

/** A message or a status: the object as received, and the problems Meta reports on it. */
interface ReceivedObject extends Received {
  readonly errors?: readonly WebhookError[];
  /** The object as received. */
  readonly raw: Readonly<Record<string, unknown>>;
}

interface MessageBase<Type extends string> extends ReceivedObject {
  readonly kind: "message";
  readonly type: Type;
  /** The message's wamid. */
  readonly id: string;
  /** The sender's phone number; absent when the user hides it behind a username. */
  readonly from?: string;
  /** The sender's business-scoped user id. */
  readonly from_user_id?: string;
  /** The sender's profile from `value.contacts[]`, when there is one. */
  readonly contact?: WebhookContact;
  readonly context?: MessageContext;
  readonly referral?: Referral;
  /** Group messages: the group's id. */
  readonly group_id?: string;
}

/** A received file: download it with its `id` (transport-fetch's `wa.media.download`). */
export interface InboundMedia {
  readonly id: string;
  readonly mime_type: string;
  readonly sha256?: string;
  /** A download URL (rolled out from late 2025); it needs the token and expires. */
  readonly url?: string;
  readonly caption?: string;
}

export interface TextMessage extends MessageBase<"text"> {
  readonly text: { readonly body: string };
}
export interface ImageMessage extends MessageBase<"image"> {
  readonly image: InboundMedia;
}
export interface VideoMessage extends MessageBase<"video"> {
  readonly video: InboundMedia;
}
export interface AudioMessage extends MessageBase<"audio"> {
  /** `voice: true` for a voice note recorded in the app. */
  readonly audio: InboundMedia & { readonly voice?: boolean };
}
export interface DocumentMessage extends MessageBase<"document"> {
  readonly document: InboundMedia & { readonly filename?: string };
}
export interface StickerMessage extends MessageBase<"sticker"> {
  readonly sticker: InboundMedia & { readonly animated?: boolean };
}
export interface LocationMessage extends MessageBase<"location"> {
  readonly location: {
    readonly latitude: number;
    readonly longitude: number;
    readonly name?: string;
    readonly address?: string;
    readonly url?: string;
  };
}
export interface ContactsMessage extends MessageBase<"contacts"> {
  /** Contact cards as the user shared them (names, phones, emails, …). */
  readonly contacts: readonly Readonly<Record<string, unknown>>[];
}

/** A tapped reply button. */
export interface ButtonReply {
  readonly type: "button_reply";
  readonly button_reply: { readonly id: string; readonly title: string };
}
/** A picked list row. */
export interface ListReply {
  readonly type: "list_reply";
  readonly list_reply: { readonly id: string; readonly title: string; readonly description?: string };
}
/** A completed flow: `response_json` as sent, and parsed. */
export interface FlowReply {
  readonly type: "nfm_reply";
  readonly nfm_reply: {
    readonly name?: string;
    readonly body?: string;
    /** As sent; when Meta sends an object (its media-upload page shows one), that object's JSON text. */
    readonly response_json: string;
    /** `response_json` parsed; `{}` when it is not a JSON object. */
    readonly response: Readonly<Record<string, unknown>>;
    /** The flow token from the response, when the flow sent one; else correlate by `context.id`. */
    readonly flow_token?: string;
  };
}
/** Another interactive reply (`address_message`, `call_permission_reply`, …), kept as received. */
export interface OtherInteractiveReply {
  readonly type: "other";
  /** The `interactive.type` Meta sent. */
  readonly reply_type: string;
  readonly raw: Readonly<Record<string, unknown>>;
}
export interface InteractiveMessage extends MessageBase<"interactive"> {
  readonly interactive: ButtonReply | ListReply | FlowReply | OtherInteractiveReply;
}
/** A tapped quick-reply button of a template: `payload` is the one the template was sent with. */
export interface ButtonMessage extends MessageBase<"button"> {
  readonly button: { readonly payload: string; readonly text: string };
}
export interface ReactionMessage extends MessageBase<"reaction"> {
  /** `emoji` is absent when the user removed their reaction. */
  readonly reaction: { readonly message_id: string; readonly emoji?: string };
}
export interface OrderMessage extends MessageBase<"order"> {
  readonly order: {
    readonly catalog_id: string;
    readonly text?: string;
    readonly product_items: readonly {
      readonly product_retailer_id: string;
      readonly quantity: number;
      readonly item_price: number;
      readonly currency: string;
    }[];
  };
}
export interface SystemMessage extends MessageBase<"system"> {
  readonly system: {
    readonly body?: string;
    /** `user_changed_user_id` replaces the withdrawn `user_id_update` field ([CL] 2026-08-11). */
    readonly type?: Open<"user_changed_number" | "user_changed_user_id" | "customer_changed_number" | "customer_identity_changed">;
    readonly wa_id?: string;
    /** `user_changed_number`: the new number. */
    readonly new_wa_id?: string;
    readonly user_id?: string;
    /** `user_changed_user_id`: the business-scoped ids the user had before. */
    readonly previous_user_id?: string;
    readonly previous_parent_user_id?: string;
  };
}
/** The user opened the chat for the first time. */
export interface RequestWelcomeMessage extends MessageBase<"request_welcome"> {}
/** A message type the API does not support (a poll, an edit, …); `errors` say which. */
export interface UnsupportedMessage extends MessageBase<"unsupported"> {
  readonly unsupported?: { readonly type?: string };
}
/** A type this package does not know yet: `raw` has it all. */
export interface UnknownMessage extends MessageBase<"unknown"> {
  /** The `type` Meta sent. */
  readonly original_type: string;
}

export type InboundMessage =
  | TextMessage
  | ImageMessage
  | VideoMessage
  | AudioMessage
  | DocumentMessage
  | StickerMessage
  | LocationMessage
  | ContactsMessage
  | InteractiveMessage
  | ButtonMessage
  | ReactionMessage
  | OrderMessage
  | SystemMessage
  | RequestWelcomeMessage
  | UnsupportedMessage
  | UnknownMessage;

export type MessageType = InboundMessage["type"];

/** What happened to a message the business sent (Meta: status messages). */
export type StatusName = "sent" | "delivered" | "read" | "played" | "failed";

export interface StatusEvent extends ReceivedObject {
  readonly kind: "status";
  /** The wamid of the business's message. */
  readonly id: string;
  readonly status: StatusName;
  /** The phone number or group id; absent when the message went to a BSUID. */
  readonly recipient_id?: string;
  readonly recipient_user_id?: string;
  readonly recipient_type?: string;
  readonly recipient_participant_id?: string;
  /** What the message was sent with as `biz_opaque_callback_data`, echoed. */
  readonly biz_opaque_callback_data?: string;
  readonly conversation?: {
    readonly id?: string;
    readonly expiration_timestamp?: string;
    readonly origin?: { readonly type?: string };
  };
  readonly pricing?: {
    readonly billable?: boolean;
    readonly pricing_model?: PricingModel;
    readonly category?: PricingCategory;
    /** `regular` for service and in-window utility messages charged per message from 2026-10-01. */
    readonly type?: PricingType;
  };
}

/** `value.errors[]`: a problem with the account or the app, not with one message. */
export interface ErrorEvent extends Omit<Received, "timestamp"> {
  readonly kind: "error";
  readonly error: WebhookError;
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * A change of a field without a typed reader (`account_alerts`, the withdrawn
 * `user_id_update`, one Meta adds), or an item that could not be read (the issues say why). Never dropped.
 */
export interface OtherEvent {
  readonly kind: "other";
  readonly wabaId: string;
  /** `entry[].changes[].field`. */
  readonly field: string;
  /** Where it was in the payload. */
  readonly path: string;
  readonly raw: unknown;
}

/** Every event `parseWebhook` yields; fields besides `messages` are `kind: "change"` (fields/change-events.ts). */
export type WebhookEvent = InboundMessage | StatusEvent | ErrorEvent | ChangeEvent | OtherEvent;
