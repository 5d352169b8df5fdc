import type { Envelope } from "./envelope.generated.js";
import type { MediaSource } from "./media.generated.js";

/** A text header (with optional sub-text) or a media header [cloud-api.md §7.1]. */
export type InteractiveHeader =
  | { readonly type: "text"; readonly text: string; readonly sub_text?: string }
  | { readonly type: "image"; readonly image: MediaSource }
  | { readonly type: "video"; readonly video: MediaSource }
  | { readonly type: "document"; readonly document: MediaSource };

export interface InteractiveText {
  readonly text: string;
}

interface Parts<Header extends InteractiveHeader | never> {
  readonly header?: Header;
  readonly body: InteractiveText;
  readonly footer?: InteractiveText;
}
type TextHeader = Extract<InteractiveHeader, { type: "text" }>;

/** Reply buttons: 1 to 3 [§7.2]. */
export interface ButtonInteractive extends Parts<InteractiveHeader> {
  readonly type: "button";
  readonly action: {
    readonly buttons: readonly { readonly type: "reply"; readonly reply: { readonly id: string; readonly title: string } }[];
  };
}

export interface ListRow {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}
export interface ListSection {
  readonly title?: string;
  readonly rows: readonly ListRow[];
}
/** A list: a button that opens up to 10 rows in up to 10 sections [§7.3]. */
export interface ListInteractive extends Parts<TextHeader> {
  readonly type: "list";
  readonly action: { readonly button: string; readonly sections: readonly ListSection[] };
}

/** One product; the body is optional and a header is not allowed [§7.4]. */
export interface ProductInteractive {
  readonly type: "product";
  readonly body?: InteractiveText;
  readonly footer?: InteractiveText;
  readonly action: { readonly catalog_id: string; readonly product_retailer_id: string };
}

export interface ProductSection {
  readonly title?: string;
  readonly product_items: readonly { readonly product_retailer_id: string }[];
}
/** Several products in sections; a text header is required [§7.5]. */
export interface ProductListInteractive {
  readonly type: "product_list";
  readonly header: TextHeader;
  readonly body: InteractiveText;
  readonly footer?: InteractiveText;
  readonly action: { readonly catalog_id: string; readonly sections: readonly ProductSection[] };
}

/** The catalog, optionally with a thumbnail product [§7.6]. */
export interface CatalogInteractive extends Parts<never> {
  readonly type: "catalog_message";
  readonly action: {
    readonly name: "catalog_message";
    readonly parameters?: { readonly thumbnail_product_retailer_id?: string };
  };
}

export interface FlowParameters {
  readonly flow_message_version: "3";
  readonly flow_token?: string;
  readonly flow_id?: string;
  readonly flow_name?: string;
  readonly flow_cta: string;
  readonly mode?: "draft" | "published";
  readonly flow_action?: "navigate" | "data_exchange";
  readonly flow_action_payload?: { readonly screen?: string; readonly data?: { readonly [key: string]: unknown } };
}
/** A WhatsApp Flow [§7.7]. */
export interface FlowInteractive extends Parts<TextHeader> {
  readonly type: "flow";
  readonly action: { readonly name: "flow"; readonly parameters: FlowParameters };
}

/** A call-to-action URL button [§7.8]. */
export interface CtaUrlInteractive extends Parts<InteractiveHeader> {
  readonly type: "cta_url";
  readonly action: { readonly name: "cta_url"; readonly parameters: { readonly display_text: string; readonly url: string } };
}

/** Asks the user to share their location [§7.9]. */
export interface LocationRequestInteractive {
  readonly type: "location_request_message";
  readonly body: InteractiveText;
  readonly action: { readonly name: "send_location" };
}

/** A media card of a carousel: an image or video, an optional body, one URL button or quick replies [api-2026.md §4]. */
export interface MediaCard {
  readonly card_index: number;
  readonly type: "cta_url";
  readonly header: { readonly type: "image"; readonly image: MediaSource } | { readonly type: "video"; readonly video: MediaSource };
  readonly body?: InteractiveText;
  readonly action:
    | { readonly name: "cta_url"; readonly parameters: { readonly display_text: string; readonly url: string } }
    | {
        readonly buttons: readonly {
          readonly type: "quick_reply";
          readonly quick_reply: { readonly id: string; readonly title: string };
        }[];
      };
}
/** A product card of a carousel: one product of the carousel's catalog. */
export interface ProductCard {
  readonly card_index: number;
  readonly type: "product";
  readonly action: { readonly product_retailer_id: string; readonly catalog_id: string };
}
/** A carousel of 2 to 10 cards, all media cards or all product cards [api-2026.md §4]. */
export interface CarouselInteractive {
  readonly type: "carousel";
  readonly body: InteractiveText;
  readonly action: { readonly cards: readonly MediaCard[] | readonly ProductCard[] };
}

/** A button that starts a WhatsApp call to the business [api-2026.md §4]. */
export interface VoiceCallInteractive {
  readonly type: "voice_call";
  readonly body: InteractiveText;
  readonly action: {
    readonly name: "voice_call";
    readonly parameters?: { readonly display_text?: string; readonly ttl_minutes?: number; readonly payload?: string };
  };
}

/** Asks the user to share their contact details (their phone number) [api-2026.md §4]. */
export interface RequestContactInfoInteractive {
  readonly type: "request_contact_info";
  readonly body: InteractiveText;
  readonly action: { readonly name: "request_contact_info" };
}

/** Asks the user's permission to call them [api-2026.md §4]; the body is optional. */
export interface CallPermissionRequestInteractive {
  readonly type: "call_permission_request";
  readonly body?: InteractiveText;
  readonly action: { readonly name: "call_permission_request" };
}

/** An address form to fill in (India) [§7.10]. */
export interface AddressInteractive {
  readonly type: "address_message";
  readonly body: InteractiveText;
  readonly footer?: InteractiveText;
  readonly action: {
    readonly name: "address_message";
    readonly parameters: {
      readonly country: string;
      readonly values?: { readonly [key: string]: unknown };
      readonly saved_addresses?: unknown;
      readonly validation_errors?: unknown;
    };
  };
}

/** The parameters of a payment message: they differ by country and integration [api-2026.md §4, M-pay]. */
export type PaymentParameters = { readonly [key: string]: unknown };
type ImageHeader = Extract<InteractiveHeader, { type: "image" }>;
/** An order to review and pay (payments in India and Brazil) [api-2026.md §4]. */
export interface OrderDetailsInteractive extends Parts<ImageHeader> {
  readonly type: "order_details";
  readonly action: { readonly name: "review_and_pay"; readonly parameters: PaymentParameters };
}
/** An order's status after payment [api-2026.md §4]. */
export interface OrderStatusInteractive extends Parts<ImageHeader> {
  readonly type: "order_status";
  readonly action: { readonly name: "review_order"; readonly parameters: PaymentParameters };
}

export type Interactive =
  | AddressInteractive
  | OrderDetailsInteractive
  | OrderStatusInteractive
  | CallPermissionRequestInteractive
  | CarouselInteractive
  | VoiceCallInteractive
  | RequestContactInfoInteractive
  | ButtonInteractive
  | ListInteractive
  | ProductInteractive
  | ProductListInteractive
  | CatalogInteractive
  | FlowInteractive
  | CtaUrlInteractive
  | LocationRequestInteractive;
export type InteractiveType = Interactive["type"];

/** An interactive message, discriminated by `interactive.type`. */
export interface InteractiveMessage<I extends Interactive = Interactive> extends Envelope {
  readonly type: "interactive";
  readonly interactive: I;
}
