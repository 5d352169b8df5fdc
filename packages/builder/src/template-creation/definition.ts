/**
 * A template as Meta's creation body describes it (`POST /{waba}/message_templates`,
 * templates-management.md §2), without `name`: in `defineTemplates()` the key is the name.
 * Enum values may be written in upper or lower case, as the API accepts them; the wire body
 * (`templateCreateBody`) sends them in upper case.
 */

/** An enum value as the API accepts it: `"UTILITY"` or `"utility"`. */
export type AnyCase<E extends string> = E | Lowercase<E>;

export type TemplateCategory = "MARKETING" | "UTILITY" | "AUTHENTICATION";
export type TemplateParameterFormat = "POSITIONAL" | "NAMED";

/** `{ param_name, example }`: one example of a named placeholder. */
export interface NamedExample {
  readonly param_name: string;
  readonly example: string;
}

export interface HeaderComponent {
  readonly type: AnyCase<"HEADER">;
  readonly format: AnyCase<"TEXT" | "IMAGE" | "VIDEO" | "DOCUMENT" | "GIF" | "LOCATION" | "PRODUCT">;
  /** TEXT headers: ≤ 60 characters, at most one variable. */
  readonly text?: string;
  readonly example?: {
    readonly header_text?: readonly string[];
    readonly header_text_named_params?: readonly NamedExample[];
    /** Media headers: a handle from the Resumable Upload API (`4::…`). */
    readonly header_handle?: readonly string[];
  };
}

export interface BodyComponent {
  readonly type: AnyCase<"BODY">;
  /** ≤ 1024 characters (600 with a limited-time offer); left out in authentication templates. */
  readonly text?: string;
  readonly example?: {
    /** One row: an example for each positional variable, in order. */
    readonly body_text?: readonly (readonly string[])[];
    readonly body_text_named_params?: readonly NamedExample[];
  };
  /** Authentication templates: add "For your security, do not share this code." */
  readonly add_security_recommendation?: boolean;
}

export interface FooterComponent {
  readonly type: AnyCase<"FOOTER">;
  /** ≤ 60 characters, no variables; left out in authentication templates. */
  readonly text?: string;
  /** Authentication templates: 1–90. */
  readonly code_expiration_minutes?: number;
}

export interface QuickReplyButton {
  readonly type: AnyCase<"QUICK_REPLY">;
  readonly text: string;
}
export interface UrlButton {
  readonly type: AnyCase<"URL">;
  readonly text: string;
  /** ≤ 2000 characters; at most one variable, at the very end. */
  readonly url: string;
  /** Required when the URL has a variable. */
  readonly example?: readonly string[];
}
export interface PhoneNumberButton {
  readonly type: AnyCase<"PHONE_NUMBER">;
  readonly text: string;
  readonly phone_number: string;
}
export interface CopyCodeButton {
  readonly type: AnyCase<"COPY_CODE">;
  /** The example code, ≤ 15 characters; the label is fixed. */
  readonly example: string;
}
/** An Android app allowed to receive a one-tap or zero-tap code. */
export interface SupportedApp {
  readonly package_name: string;
  readonly signature_hash: string;
}
export interface OtpButton {
  readonly type: AnyCase<"OTP">;
  readonly otp_type: AnyCase<"COPY_CODE" | "ONE_TAP" | "ZERO_TAP">;
  readonly text?: string;
  readonly autofill_text?: string;
  readonly supported_apps?: readonly SupportedApp[];
  readonly zero_tap_terms_accepted?: boolean;
}
export interface FlowButton {
  readonly type: AnyCase<"FLOW">;
  readonly text: string;
  readonly flow_id?: string;
  readonly flow_name?: string;
  /** The Flow's JSON, as an escaped string. */
  readonly flow_json?: string;
  readonly flow_action?: AnyCase<"NAVIGATE" | "DATA_EXCHANGE">;
  readonly navigate_screen?: string;
  readonly icon?: string;
}
export interface VoiceCallButton {
  readonly type: AnyCase<"VOICE_CALL">;
  readonly text: string;
  readonly ttl_minutes?: number;
}
export interface CatalogButton {
  readonly type: AnyCase<"CATALOG" | "MPM" | "SPM">;
  readonly text: string;
}
export interface RequestContactInfoButton {
  readonly type: AnyCase<"REQUEST_CONTACT_INFO">;
}

export type CreationButton =
  | QuickReplyButton
  | UrlButton
  | PhoneNumberButton
  | CopyCodeButton
  | OtpButton
  | FlowButton
  | VoiceCallButton
  | CatalogButton
  | RequestContactInfoButton;

export interface ButtonsComponent {
  readonly type: AnyCase<"BUTTONS">;
  readonly buttons: readonly CreationButton[];
}

export interface LimitedTimeOfferComponent {
  readonly type: AnyCase<"LIMITED_TIME_OFFER">;
  readonly limited_time_offer: { readonly text: string; readonly has_expiration?: boolean };
}

/** A carousel card: a media (or product) header, an optional body ≤ 160, at most 2 buttons. */
export interface CarouselCard {
  readonly components: readonly (HeaderComponent | BodyComponent | ButtonsComponent)[];
}
export interface CarouselComponent {
  readonly type: AnyCase<"CAROUSEL">;
  readonly cards: readonly CarouselCard[];
}

export interface CallPermissionRequestComponent {
  readonly type: AnyCase<"CALL_PERMISSION_REQUEST">;
}

export type CreationComponent =
  | HeaderComponent
  | BodyComponent
  | FooterComponent
  | ButtonsComponent
  | LimitedTimeOfferComponent
  | CarouselComponent
  | CallPermissionRequestComponent;

/**
 * One language of a template, as created: Meta's creation body without `name`.
 *
 * @example
 * const orderConfirmation: TemplateCreation = {
 *   category: "UTILITY",
 *   language: "en_US",
 *   parameter_format: "NAMED",
 *   components: [
 *     {
 *       type: "BODY",
 *       text: "Thank you, {{first_name}}! Your order number is {{order_number}}.",
 *       example: { body_text_named_params: [{ param_name: "first_name", example: "Pablo" }, { param_name: "order_number", example: "860198" }] },
 *     },
 *   ],
 * };
 */
export interface TemplateCreation {
  readonly category: AnyCase<TemplateCategory>;
  readonly language: string;
  /** `POSITIONAL` (the default: `{{1}}`, `{{2}}`) or `NAMED` (`{{first_name}}`). */
  readonly parameter_format?: AnyCase<TemplateParameterFormat>;
  readonly components: readonly CreationComponent[];
  /** AUTHENTICATION 30–900, UTILITY 30–43200, MARKETING 43200–2592000 [TTL]. */
  readonly message_send_ttl_seconds?: number;
  readonly sub_category?: string;
  readonly cta_url_link_tracking_opted_out?: boolean;
}

/** A template's creation definition: one language, or several (each its own template at Meta). */
export type TemplateCreationEntry = TemplateCreation | readonly [TemplateCreation, ...TemplateCreation[]];

/** What is POSTed to `/{waba}/message_templates`: the definition with its name (`templateCreateBody` writes enums in upper case; Meta takes any case). */
export interface TemplateCreateBody {
  readonly name: string;
  readonly language: string;
  readonly category: AnyCase<TemplateCategory>;
  readonly parameter_format?: AnyCase<TemplateParameterFormat>;
  readonly components: readonly CreationComponent[];
  readonly message_send_ttl_seconds?: number;
  readonly sub_category?: string;
  readonly cta_url_link_tracking_opted_out?: boolean;
}
