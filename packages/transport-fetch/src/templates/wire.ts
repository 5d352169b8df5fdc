/**
 * The template-management endpoints' bodies and answers, in the API's field names
 * [templates-management.md §1, §2]. Enums are sent in any case (Meta accepts `"utility"` and
 * `"UTILITY"`) and answered in upper case; answers keep values this version does not know as strings.
 */

/** An enum as Meta accepts it: upper or lower case. */
type AnyCase<Value extends string> = Value | Lowercase<Value>;

export type TemplateCategory = "MARKETING" | "UTILITY" | "AUTHENTICATION";
/** Statuses of a template node, plus `ARCHIVED` [templates-management.md §3.1]; another string stays readable. */
export type TemplateStatus =
  | "APPROVED"
  | "IN_APPEAL"
  | "PENDING"
  | "REJECTED"
  | "PENDING_DELETION"
  | "DELETED"
  | "DISABLED"
  | "PAUSED"
  | "LIMIT_EXCEEDED"
  | "ARCHIVED"
  | (string & {});
export type TemplateQualityScore = "GREEN" | "YELLOW" | "RED" | "UNKNOWN";

/** A named parameter's example: `{ param_name, example }`. */
export interface TemplateNamedExample {
  readonly param_name: string;
  readonly example: string;
}

export interface TemplateHeaderComponent {
  readonly type: AnyCase<"HEADER">;
  readonly format: AnyCase<"TEXT" | "IMAGE" | "VIDEO" | "DOCUMENT" | "GIF" | "LOCATION" | "PRODUCT">;
  readonly text?: string;
  readonly example?: {
    readonly header_text?: readonly string[];
    readonly header_text_named_params?: readonly TemplateNamedExample[];
    readonly header_handle?: readonly string[];
  };
}

export interface TemplateBodyComponent {
  readonly type: AnyCase<"BODY">;
  /** Absent on authentication templates, whose body is fixed. */
  readonly text?: string;
  readonly example?: {
    readonly body_text?: readonly (readonly string[])[];
    readonly body_text_named_params?: readonly TemplateNamedExample[];
  };
  /** Authentication templates only. */
  readonly add_security_recommendation?: boolean;
}

export interface TemplateFooterComponent {
  readonly type: AnyCase<"FOOTER">;
  readonly text?: string;
  /** Authentication templates only: 1–90. */
  readonly code_expiration_minutes?: number;
}

/** An Android app an authentication button fills the code into. */
export interface TemplateSupportedApp {
  readonly package_name: string;
  readonly signature_hash: string;
}

/** One button [templates-management.md §2.4]; fields by type, as the API names them. */
export type TemplateButton =
  | { readonly type: AnyCase<"QUICK_REPLY">; readonly text: string }
  | { readonly type: AnyCase<"URL">; readonly text: string; readonly url: string; readonly example?: readonly string[] }
  | { readonly type: AnyCase<"PHONE_NUMBER">; readonly text: string; readonly phone_number: string }
  | { readonly type: AnyCase<"COPY_CODE">; readonly example: string }
  | {
      readonly type: AnyCase<"OTP">;
      readonly otp_type: AnyCase<"COPY_CODE" | "ONE_TAP" | "ZERO_TAP">;
      readonly text?: string;
      readonly autofill_text?: string;
      readonly supported_apps?: readonly TemplateSupportedApp[];
      readonly zero_tap_terms_accepted?: boolean;
    }
  | {
      readonly type: AnyCase<"FLOW">;
      readonly text: string;
      readonly flow_id?: string;
      readonly flow_name?: string;
      readonly flow_json?: string;
      readonly flow_action?: AnyCase<"NAVIGATE" | "DATA_EXCHANGE">;
      readonly navigate_screen?: string;
      readonly icon?: string;
    }
  | { readonly type: AnyCase<"VOICE_CALL">; readonly text: string; readonly ttl_minutes?: number }
  | { readonly type: AnyCase<"CATALOG" | "MPM" | "SPM">; readonly text: string }
  | { readonly type: AnyCase<"REQUEST_CONTACT_INFO"> };

export interface TemplateButtonsComponent {
  readonly type: AnyCase<"BUTTONS">;
  readonly buttons: readonly TemplateButton[];
}

export interface TemplateLimitedTimeOfferComponent {
  readonly type: AnyCase<"LIMITED_TIME_OFFER">;
  readonly limited_time_offer: { readonly text: string; readonly has_expiration?: boolean };
}

/** A carousel card: a media or product header, an optional body, up to two buttons [templates-management.md §2.6]. */
export interface TemplateCarouselCard {
  readonly components: readonly (TemplateHeaderComponent | TemplateBodyComponent | TemplateButtonsComponent)[];
}

export interface TemplateCarouselComponent {
  readonly type: AnyCase<"CAROUSEL">;
  readonly cards: readonly TemplateCarouselCard[];
}

export interface TemplateCallPermissionComponent {
  readonly type: AnyCase<"CALL_PERMISSION_REQUEST">;
}

export type TemplateComponent =
  | TemplateHeaderComponent
  | TemplateBodyComponent
  | TemplateFooterComponent
  | TemplateButtonsComponent
  | TemplateLimitedTimeOfferComponent
  | TemplateCarouselComponent
  | TemplateCallPermissionComponent;

/** What `POST /{waba-id}/message_templates` takes [templates-management.md §2]. Check it first with `checkTemplateCreation` from `@wacompose/builder`. */
export interface TemplateCreateBody {
  /** `^[a-z0-9_]+$`, at most 512 characters. */
  readonly name: string;
  /** One of Meta's language codes, e.g. `"en_US"`. */
  readonly language: string;
  readonly category: AnyCase<TemplateCategory>;
  readonly parameter_format?: AnyCase<"POSITIONAL" | "NAMED">;
  readonly components: readonly TemplateComponent[];
  readonly message_send_ttl_seconds?: number;
  readonly sub_category?: string;
  readonly cta_url_link_tracking_opted_out?: boolean;
}

/** What `POST /{template-id}` may change: nothing else can be edited [templates-management.md §3.4]. `components` replaces the whole list. */
export interface TemplateEdit {
  readonly category?: AnyCase<TemplateCategory>;
  readonly components?: readonly TemplateComponent[];
  readonly message_send_ttl_seconds?: number;
}

/** The answer to a create: the new template's id, its status and the category it was given. */
export interface TemplateCreated {
  readonly id: string;
  readonly status: TemplateStatus;
  /** May differ from the one asked for: a UTILITY template with marketing content is approved as MARKETING. */
  readonly category: TemplateCategory | (string & {});
}

/** A template as `GET` answers it; which fields are there depends on `fields`. `id` always is. */
export interface TemplateNode {
  readonly id: string;
  readonly name?: string;
  readonly language?: string;
  readonly status?: TemplateStatus;
  readonly category?: TemplateCategory | (string & {});
  readonly sub_category?: string;
  readonly parameter_format?: "POSITIONAL" | "NAMED" | (string & {});
  /** As the API answers them: upper-case enums, an OTP button as `URL`. */
  readonly components?: readonly TemplateComponent[];
  readonly previous_category?: string;
  readonly correct_category?: string;
  readonly rejected_reason?: string;
  readonly quality_score?: { readonly score: TemplateQualityScore | (string & {}); readonly date?: number };
  readonly message_send_ttl_seconds?: number;
  readonly library_template_name?: string;
  readonly cta_url_link_tracking_opted_out?: boolean;
  /** Fields this version does not name. */
  readonly [field: string]: unknown;
}

/** `summary=` of a list: counts for the whole account. */
export interface TemplateListSummary {
  readonly total_count?: number;
  readonly message_template_count?: number;
  readonly message_template_limit?: number;
  readonly are_translations_complete?: boolean;
}

/** Every template of every page, and the first page's `summary` when asked for. */
export interface TemplateList {
  readonly data: readonly TemplateNode[];
  readonly summary?: TemplateListSummary;
  /** How many pages were read. */
  readonly pages: number;
}

/** Filters of `GET /{waba-id}/message_templates` [G-MT]; values as the API takes them. */
export interface TemplateListFilters {
  readonly category?: AnyCase<TemplateCategory>;
  readonly content?: string;
  readonly language?: string;
  readonly name?: string;
  readonly name_or_content?: string;
  readonly quality_score?: AnyCase<TemplateQualityScore>;
  readonly status?: TemplateStatus;
  /** The fields of each template, e.g. `["name", "status", "quality_score"]`; default the API's (name, components, language, status, category, id…). */
  readonly fields?: readonly string[];
  /** Templates per page, 1 to 1,000 (Meta publishes no maximum); default 100. */
  readonly limit?: number;
  /** Counts for the whole account, e.g. `["total_count", "message_template_limit"]`. */
  readonly summary?: readonly ("total_count" | "message_template_count" | "message_template_limit" | "are_translations_complete")[];
}

/** Which templates a delete removes: every language of a name, one template (name and id), or up to 100 ids. */
export type TemplateDeleteTarget =
  | { readonly name: string; readonly id?: undefined; readonly ids?: undefined }
  | { readonly name: string; readonly id: string; readonly ids?: undefined }
  | { readonly ids: readonly string[]; readonly name?: undefined; readonly id?: undefined };

/** `{ success }`: the answer of an edit, a delete and an unpause (with `reason` when the API gives one). */
export interface TemplateSuccess {
  readonly success: boolean;
  readonly reason?: string;
}

/** The answer of an archive: the ids archived, and why each other one was not. */
export interface TemplatesArchived {
  readonly archived_templates: readonly string[];
  /** id → reason, e.g. `"Only approved or rejected templates can be archived"`. */
  readonly failed_templates: Readonly<Record<string, string>>;
}

/** The answer of an unarchive: the ids unarchived, and why each other one was not. */
export interface TemplatesUnarchived {
  readonly unarchived_templates: readonly string[];
  /** id → reason, e.g. `"Template is not archived"`. */
  readonly failed_templates: Readonly<Record<string, string>>;
}
