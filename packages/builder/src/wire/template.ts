import type { Envelope } from "./envelope.generated.js";
import type { ProductSection } from "./interactive.generated.js";
import type { MediaSource } from "./media.generated.js";

/** Named templates (`parameter_format: NAMED`) label each parameter [cloud-api.md §8.4]. */
interface Named {
  readonly parameter_name?: string;
}

export interface TemplateTextParameter extends Named {
  readonly type: "text";
  readonly text: string;
}
export interface TemplateCurrencyParameter extends Named {
  readonly type: "currency";
  /** `amount_1000` is the amount × 1000: 10990 is 10.99. */
  readonly currency: { readonly fallback_value: string; readonly code: string; readonly amount_1000: number };
}
export interface TemplateDateTimeParameter extends Named {
  readonly type: "date_time";
  /** The Cloud API always shows the fallback value. */
  readonly date_time: { readonly fallback_value: string };
}
export type TemplateMediaParameter =
  | { readonly type: "image"; readonly image: MediaSource }
  | { readonly type: "video"; readonly video: MediaSource }
  | { readonly type: "document"; readonly document: MediaSource };
export interface TemplateLocationParameter {
  readonly type: "location";
  readonly location: {
    readonly latitude: string | number;
    readonly longitude: string | number;
    readonly name?: string;
    readonly address?: string;
  };
}

/** Body parameters: text-based templates take only these three [§8.3]. */
export type TemplateBodyParameter = TemplateTextParameter | TemplateCurrencyParameter | TemplateDateTimeParameter;
export type TemplateHeaderParameter = TemplateTextParameter | TemplateMediaParameter | TemplateLocationParameter;

/** A button's parameter, by `sub_type` [§8.3]. */
export type TemplateButtonParameter =
  | { readonly type: "payload"; readonly payload: string }
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "coupon_code"; readonly coupon_code: string }
  | {
      readonly type: "action";
      readonly action: {
        readonly flow_token?: string;
        readonly flow_action_data?: { readonly [key: string]: unknown };
        readonly thumbnail_product_retailer_id?: string;
        /** A multi-product (`mpm`) button's products. */
        readonly sections?: readonly ProductSection[];
      };
    }
  | { readonly type: "ttl_minutes"; readonly ttl_minutes: number };
export type TemplateButtonSubType = "quick_reply" | "url" | "copy_code" | "flow" | "catalog" | "mpm";

/** A button component: its sub_type, position and parameter. */
export interface TemplateButtonComponent {
  readonly type: "button";
  readonly sub_type: TemplateButtonSubType;
  /** The button's position, "0" to "9". */
  readonly index: string;
  readonly parameters: readonly TemplateButtonParameter[];
}

/** The components of one card of a carousel template [api-2026.md §5]. */
export type TemplateCardComponent =
  | { readonly type: "header"; readonly parameters: readonly TemplateHeaderParameter[] }
  | { readonly type: "body"; readonly parameters: readonly TemplateBodyParameter[] }
  | TemplateButtonComponent;

export type TemplateComponent =
  | TemplateCardComponent
  /** A voice_call button has no index [api-2026.md §5]. */
  | { readonly type: "button"; readonly sub_type: "voice_call"; readonly parameters: readonly TemplateButtonParameter[] }
  /** A limited-time offer's expiry, in Unix milliseconds [api-2026.md §5]. */
  | {
      readonly type: "limited_time_offer";
      readonly parameters: readonly [
        { readonly type: "limited_time_offer"; readonly limited_time_offer: { readonly expiration_time_ms: number } },
      ];
    }
  /** Where tapping the message leads, overriding the template's own target [api-2026.md §5; pywa only, unverified]. */
  | {
      readonly type: "tap_target_configuration";
      readonly parameters: readonly [
        {
          readonly type: "tap_target_configuration";
          readonly tap_target_configuration: readonly [{ readonly url: string; readonly title: string }];
        },
      ];
    }
  /** The cards of a carousel template, each with its own components [api-2026.md §5]. */
  | {
      readonly type: "carousel";
      readonly cards: readonly { readonly card_index: number; readonly components: readonly TemplateCardComponent[] }[];
    };

/** A template message: an approved template, its language and its variable parts [§8]. */
export interface TemplateMessage extends Envelope {
  readonly type: "template";
  readonly template: {
    readonly name: string;
    readonly language: { readonly code: string; readonly policy?: "deterministic" };
    readonly components?: readonly TemplateComponent[];
  };
}
