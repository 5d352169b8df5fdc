/**
 * Events of the fields besides `messages` (webhooks-2026.md §1d, §2) and of the template fields
 * (templates-management.md §5): each is `kind: "change"`, narrowed by `field`, then `type`. Enum members
 * are open (the known values, or any other string Meta adds, kept as sent) and `raw` is the object as
 * received. Field names are Meta's.
 */
import type { InboundMessage, Metadata, StatusEvent } from "../events.js";

/** A known value, or another string Meta sent (kept as sent): editors still complete the known ones. */
export type Open<Known extends string> = Known | (string & {});

interface ChangeBase<Field extends string, Type extends string> {
  readonly kind: "change";
  readonly field: Field;
  readonly type: Type;
  /** The WhatsApp Business Account id (`entry[].id`). */
  readonly wabaId: string;
  /** `entry[].time`: when Meta fired the webhook, in seconds; undefined when the entry has none. */
  readonly time: number | undefined;
  /** Where it was in the payload (`entry[0].changes[0].value.user_preferences[1]`). */
  readonly path: string;
  /** The object as received. */
  readonly raw: Readonly<Record<string, unknown>>;
}

// ── Opt-outs ─────────────────────────────────────────────────────────────────────────────────

/** `user_preferences`: a user stopped or resumed marketing messages ("Interested"/"Not interested" feedback does not fire it). */
export interface UserPreferenceEvent extends ChangeBase<"user_preferences", "preference"> {
  readonly metadata?: Metadata;
  readonly wa_id?: string;
  readonly user_id?: string;
  readonly detail?: string;
  readonly category: Open<"marketing_messages">;
  readonly value: Open<"stop" | "resume">;
  /** Seconds (Meta sends digits or a number). */
  readonly timestamp: number;
}

// ── Meta Business Agent ──────────────────────────────────────────────────────────────────────

/** `standby`: a user's message while another sender (Meta Business Agent) holds the conversation. */
export interface StandbyMessageEvent extends ChangeBase<"standby", "message"> {
  readonly message: InboundMessage;
}
/** `standby`: a receipt for a message the agent sent. */
export interface StandbyStatusEvent extends ChangeBase<"standby", "status"> {
  readonly status: StatusEvent;
}
/** `standby`: the agent's reply, as an echo. */
export interface StandbyEchoEvent extends ChangeBase<"standby", "echo"> {
  readonly metadata?: Metadata;
  readonly echo: MessageEcho;
}

/** Who holds a conversation: your app, or Meta Business Agent (roles beyond these are kept as sent). */
export type ConversationOwner = Open<"app" | "business_agent">;

/**
 * `messaging_handovers`: control of a conversation changed. `control_passed` goes to the new owner,
 * `control_taken` to the previous one. Meta's WhatsApp page (Sep 2026) names the two notifications and
 * the roles; the member names below are read as documented for Messenger's handover protocol and are
 * unverified for WhatsApp (webhooks-2026.md §1a), so `raw` keeps everything.
 */
export interface HandoverEvent extends ChangeBase<"messaging_handovers", "control_passed" | "control_taken" | "unknown"> {
  readonly metadata?: Metadata;
  /** The `type` Meta sent, when it is neither `control_passed` nor `control_taken`. */
  readonly original_type?: string;
  /** The user whose conversation it is. */
  readonly wa_id?: string;
  readonly user_id?: string;
  readonly previous_owner?: ConversationOwner;
  readonly new_owner?: ConversationOwner;
  readonly timestamp: number;
}

// ── Business App coexistence ─────────────────────────────────────────────────────────────────

export type EchoType = Open<"text" | "image" | "video" | "audio" | "document" | "sticker" | "revoke" | "edit">;

/** A message the business sent from the WhatsApp Business App (or the agent, on `standby`). */
export interface MessageEcho {
  /** The business number. */
  readonly from: string;
  /** The user. */
  readonly to: string;
  readonly id: string;
  readonly timestamp: number;
  readonly type: EchoType;
  readonly text?: { readonly body: string };
  /** `revoke` / `edit`: the message it deletes or changes. */
  readonly revoke?: { readonly original_message_id?: string };
  readonly edit?: { readonly original_message_id?: string; readonly message?: Readonly<Record<string, unknown>> };
  readonly raw: Readonly<Record<string, unknown>>;
}

/** `smb_message_echoes`: one message sent from the Business App. */
export interface MessageEchoEvent extends ChangeBase<"smb_message_echoes", "echo"> {
  readonly metadata?: Metadata;
  readonly echo: MessageEcho;
}

/** `history`: `phase` 0–2 (0: day 0–1, 1: day 1–90, 2: day 90–180), chunks may arrive out of order. */
export interface HistoryChunkEvent extends ChangeBase<"history", "chunk"> {
  readonly metadata?: Metadata;
  readonly phase: number;
  readonly chunk_order: number;
  /** Percent of the whole import, 0–100. */
  readonly progress: number;
  readonly threads: readonly HistoryThread[];
}
export interface HistoryThread {
  /** The user's number. */
  readonly id: string;
  readonly messages: readonly HistoryMessage[];
}
export interface HistoryMessage {
  readonly id: string;
  readonly from?: string;
  readonly to?: string;
  readonly timestamp: number;
  readonly type: Open<"text" | "image" | "video" | "audio" | "document" | "sticker" | "media_placeholder">;
  readonly history_context?: { readonly status?: Open<"sent" | "delivered" | "read" | "played" | "error" | "pending"> };
  readonly raw: Readonly<Record<string, unknown>>;
}
/** `history` with `errors`: the business declined to share its history (or the import failed). */
export interface HistoryErrorEvent extends ChangeBase<"history", "error"> {
  readonly metadata?: Metadata;
  readonly code: number;
  readonly message?: string;
}

/** `smb_app_state_sync`: a contact added (or edited) or removed in the Business App. */
export interface ContactSyncEvent extends ChangeBase<"smb_app_state_sync", "contact"> {
  readonly metadata?: Metadata;
  readonly action: Open<"add" | "remove">;
  /** Names are absent on `remove`. */
  readonly contact: { readonly phone_number: string; readonly full_name?: string; readonly first_name?: string };
  /** Seconds; the reference table says an integer, its example sends digits in quotes: both are read. */
  readonly timestamp: number;
}
/** `smb_app_state_sync` of a kind other than `contact`: `original_type` says which. */
export interface StateSyncUnknownEvent extends ChangeBase<"smb_app_state_sync", "unknown"> {
  readonly original_type: string;
}

// ── Account and number health ────────────────────────────────────────────────────────────────

export type AccountUpdateName = Open<
  | "VERIFIED_ACCOUNT"
  | "DISABLED_UPDATE"
  | "ACCOUNT_VIOLATION"
  | "ACCOUNT_RESTRICTION"
  | "ACCOUNT_DELETED"
  | "PARTNER_APP_INSTALLED"
  | "PARTNER_APP_UNINSTALLED"
  | "PARTNER_ADDED"
  | "PARTNER_REMOVED"
  | "PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE"
  | "AUTH_INTL_PRICE_ELIGIBILITY_UPDATE"
  | "BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE"
  | "MM_LITE_TERMS_SIGNED"
  | "VOLUME_BASED_PRICING_TIER_UPDATE"
  | "ACCOUNT_OFFBOARDED"
  | "ACCOUNT_RECONNECTED"
>;
export type RestrictionType = Open<
  | "RESTRICTED_ADD_PHONE_NUMBER_ACTION"
  | "RESTRICTED_BIZ_INITIATED_MESSAGING"
  | "RESTRICTED_CUSTOMER_INITIATED_MESSAGING"
  | "RESTRICTED_UTILITY_TEMPLATES"
  | "RESTRICTED_MARKETING_TEMPLATES"
>;
export interface Restriction {
  readonly restriction_type: RestrictionType;
  /** When it ends, in seconds. */
  readonly expiration?: number;
  readonly remediation?: string;
}

/** `account_update`: restrictions, bans, offboarding, volume pricing tiers and more. */
export interface AccountUpdateEvent extends ChangeBase<"account_update", "account_update"> {
  readonly event: AccountUpdateName;
  readonly phone_number?: string;
  readonly ban_info?: {
    readonly waba_ban_state: Open<"DISABLE" | "REINSTATE" | "SCHEDULE_FOR_DISABLE">;
    /** As sent: prose such as "April 17, 2025". */
    readonly waba_ban_date?: string;
    /** `waba_ban_date` as `YYYY-MM-DD`, when it reads as a date. */
    readonly ban_date?: string;
  };
  readonly restriction_info?: readonly Restriction[];
  readonly violation_info?: { readonly violation_type?: string };
  readonly disconnection_info?: { readonly reason?: string; readonly initiated_by?: string };
  /** `tier` as sent (`"min:max"`), and its bounds as numbers when it reads so (`max` absent for an open top tier). */
  readonly volume_tier_info?: { readonly tier: string; readonly min?: number; readonly max?: number; readonly effective_month?: string };
}

/** Daily business-initiated conversation limit of a business portfolio. */
export type MessagingLimitTier = Open<
  "TIER_50" | "TIER_250" | "TIER_1K" | "TIER_2K" | "TIER_10K" | "TIER_100K" | "TIER_UNLIMITED" | "NOT_SET" | "UNLIMITED"
>;

/** `phone_number_quality_update`: the limit or throughput moved (no more "Flagged" downgrades since 2025-10). */
export interface PhoneNumberQualityEvent extends ChangeBase<"phone_number_quality_update", "quality_update"> {
  readonly display_phone_number: string;
  readonly event: Open<"ONBOARDING" | "THROUGHPUT_UPGRADE" | "UPGRADE" | "DOWNGRADE" | "FLAGGED" | "UNFLAGGED">;
  /** The limit now; numbers (the older form) are read as their tier. */
  readonly max_daily_conversations_per_business?: MessagingLimitTier;
  /** @deprecated Meta: use `max_daily_conversations_per_business`. */
  readonly current_limit?: string;
  /** @deprecated Meta: use `max_daily_conversations_per_business`. */
  readonly old_limit?: string;
}

/** `phone_number_name_update`: the display name's review. `rejection_reason` is null when accepted. */
export interface PhoneNumberNameEvent extends ChangeBase<"phone_number_name_update", "name_update"> {
  readonly display_phone_number: string;
  readonly decision: Open<"APPROVED" | "DEFERRED" | "PENDING" | "REJECTED">;
  readonly requested_verified_name?: string;
  readonly rejection_reason?: Open<
    | "NAME_EMPLOYEE_ISSUE"
    | "NAME_ENDCLIENT_NOTRELATED"
    | "NAME_FORMAT_UNACCEPTABLE"
    | "NAME_INDIVIDUAL_ISSUE"
    | "NAME_NOT_CONSISTENT"
    | "UNKNOWN"
  > | null;
}

/**
 * `business_capability_update`. Meta's table types `max_daily_conversations_per_business` as a
 * `TIER_*` string, its example sends the number 2000 (webhooks-2026.md §1d): both are read, a number
 * as its tier (`2000` → `TIER_2K`); `raw` keeps what came.
 */
export interface BusinessCapabilityEvent extends ChangeBase<"business_capability_update", "capability_update"> {
  readonly max_daily_conversations_per_business?: MessagingLimitTier;
  readonly max_phone_numbers_per_business?: number;
  readonly max_phone_numbers_per_waba?: number;
}

/** `account_review_update`: the account's review decision. */
export interface AccountReviewEvent extends ChangeBase<"account_review_update", "review_update"> {
  readonly decision: Open<"APPROVED" | "REJECTED" | "PENDING" | "DEFERRED">;
}

/** `business_username_updates`: the business's username changed state. */
export interface BusinessUsernameEvent extends ChangeBase<"business_username_updates", "username_update"> {
  readonly display_phone_number?: string;
  readonly username?: string;
  readonly status: Open<"approved" | "deleted" | "reserved">;
}

// ── Groups ───────────────────────────────────────────────────────────────────────────────────

export type GroupField = "group_lifecycle_update" | "group_participants_update" | "group_settings_update" | "group_status_update";

/**
 * One entry of a group field's `groups[]`. Meta's own `type` (group_create, group_participants_add,
 * group_suspend, …) is `update`, an open string; every other member stays in `raw`.
 */
export interface GroupEvent<Field extends GroupField = GroupField> extends ChangeBase<Field, "group"> {
  readonly metadata?: Metadata;
  readonly group_id: string;
  readonly update: Open<
    | "group_create"
    | "group_delete"
    | "group_participants_add"
    | "group_participants_remove"
    | "group_join_request_created"
    | "group_join_request_revoked"
    | "group_settings_update"
    | "group_suspend"
    | "group_suspend_cleared"
  >;
  readonly timestamp: number;
  readonly request_id?: string;
  /** Participants added or removed (`group_participants_update`), as sent. */
  readonly participants?: readonly Readonly<Record<string, unknown>>[];
}

// ── Message templates ────────────────────────────────────────────────────────────────────────

/**
 * A `message_template_status_update` `event` (templates-management.md §3.1 and templates-management.md §5;
 * webhooks-2026.md §2). A known value in another case (`paused`, as one of Meta's pages writes it,
 * templates-management.md §6.9) is read in upper case.
 */
export type TemplateStatusUpdateName = Open<
  | "APPROVED"
  | "ARCHIVED"
  | "DELETED"
  | "DISABLED"
  | "FLAGGED"
  | "IN_APPEAL"
  | "LIMIT_EXCEEDED"
  | "LOCKED"
  | "PAUSED"
  | "PENDING"
  | "PENDING_DELETION"
  | "REINSTATED"
  | "REJECTED"
  | "UNARCHIVED"
>;
export type TemplateCategoryName = Open<"MARKETING" | "UTILITY" | "AUTHENTICATION">;
/**
 * The webhook `reason` (templates-management.md §3.2): the node's `rejected_reason` values plus
 * `INCORRECT_CATEGORY` and the deprecated `CATEGORY_NOT_AVAILABLE`.
 */
export type TemplateRejectionReason = Open<
  | "ABUSIVE_CONTENT"
  | "INVALID_FORMAT"
  | "NONE"
  | "PROMOTIONAL"
  | "TAG_CONTENT_MISMATCH"
  | "SCAM"
  | "INCORRECT_CATEGORY"
  | "CATEGORY_NOT_AVAILABLE"
>;
/** `other_info.title`: where a template is on the pause ladder (3 h, 6 h, then disabled; templates-management.md §3.1). */
export type TemplatePauseTitle = Open<"FIRST_PAUSE" | "SECOND_PAUSE" | "RATE_LIMITING_PAUSE" | "UNPAUSE" | "DISABLED">;
/** A template's quality (templates-management.md §3.3); new templates start at `UNKNOWN`. */
export type TemplateQualityScore = Open<"GREEN" | "YELLOW" | "RED" | "UNKNOWN">;
export type TemplateButtonTypeName = Open<
  | "CATALOG"
  | "COPY_CODE"
  | "EXTENSION"
  | "FLOW"
  | "MPM"
  | "ORDER_DETAILS"
  | "OTP"
  | "PHONE_NUMBER"
  | "POSTBACK"
  | "REMINDER"
  | "SEND_LOCATION"
  | "SPM"
  | "QUICK_REPLY"
  | "URL"
  | "VOICE_CALL"
>;

/** The members every template webhook carries (templates-management.md §5). */
export interface TemplateChange {
  /**
   * The template's id in digits, the form the management API's `id` has (so the two compare equal).
   * Meta sends a JSON integer; one beyond 2^53 − 1 has lost digits in `JSON.parse` before it gets here,
   * so it is read as the digits of the rounded number with an `out_of_range` issue. Digits sent as a
   * string are kept exactly.
   */
  readonly message_template_id: string;
  readonly message_template_name: string;
  /** As sent: `en_US`, or `en-US` as in Meta's status and quality examples (templates-management.md §6.8). */
  readonly message_template_language: string;
  /** `message_template_language` in the management API's form (`en-US` → `en_US`), for lookups. */
  readonly language: string;
}

/**
 * `message_template_status_update`: a template was approved, rejected, paused, unpaused, disabled,
 * archived… (`event`). `reason` is null when the template is scheduled for deletion; `rejection_info`
 * comes only with `INVALID_FORMAT`; `other_info.title` says which pause (or `UNPAUSE`).
 */
export interface TemplateStatusEvent extends ChangeBase<"message_template_status_update", "status_update">, TemplateChange {
  readonly event: TemplateStatusUpdateName;
  /** Meta always sends it; absent only when the payload lacked it (an issue says so). */
  readonly message_template_category?: TemplateCategoryName;
  /** Meta always sends it (null when scheduled for deletion); absent only when the payload lacked it (an issue says so). */
  readonly reason?: TemplateRejectionReason | null;
  /** When the template is disabled, in seconds (Meta documents an integer and shows digits in quotes: both read). */
  readonly disable_info?: { readonly disable_date?: number };
  readonly other_info?: { readonly title: TemplatePauseTitle; readonly description?: string };
  readonly rejection_info?: { readonly reason?: string; readonly recommendation?: string };
}

/** `message_template_quality_update`: the template's quality moved (RED leads to a pause). */
export interface TemplateQualityEvent extends ChangeBase<"message_template_quality_update", "quality_update">, TemplateChange {
  readonly previous_quality_score?: TemplateQualityScore;
  readonly new_quality_score: TemplateQualityScore;
}

/**
 * `template_category_update` announcing a change (templates-management.md §3.5): `new_category` is the
 * category **now**, `correct_category` the one it will have at `category_update_timestamp` (seconds).
 */
export interface TemplateCategoryPendingEvent extends ChangeBase<"template_category_update", "pending">, TemplateChange {
  readonly new_category: TemplateCategoryName;
  readonly correct_category: TemplateCategoryName;
  readonly category_update_timestamp?: number;
}

/** `template_category_update` once the change is done: `previous_category` → `new_category`. */
export interface TemplateCategoryDoneEvent extends ChangeBase<"template_category_update", "done">, TemplateChange {
  readonly previous_category?: TemplateCategoryName;
  readonly new_category: TemplateCategoryName;
  /** Present when Meta sent it equal to `new_category` (the change is done, templates-management.md §3.5). */
  readonly correct_category?: TemplateCategoryName;
}

/** One button of a `message_template_components_update`. */
export interface TemplateComponentsButton {
  readonly message_template_button_type: TemplateButtonTypeName;
  readonly message_template_button_text?: string;
  readonly message_template_button_url?: string;
  readonly message_template_button_phone_number?: string;
}

/** `message_template_components_update`: a template was edited; its texts and buttons now. */
export interface TemplateComponentsEvent extends ChangeBase<"message_template_components_update", "components_update">, TemplateChange {
  /** The body text. */
  readonly message_template_element?: string;
  /** The text header. */
  readonly message_template_title?: string;
  readonly message_template_footer?: string;
  readonly message_template_buttons?: readonly TemplateComponentsButton[];
}

/** Every template webhook event. */
export type TemplateEvent =
  | TemplateStatusEvent
  | TemplateQualityEvent
  | TemplateCategoryPendingEvent
  | TemplateCategoryDoneEvent
  | TemplateComponentsEvent;

export type ChangeEvent =
  | UserPreferenceEvent
  | StandbyMessageEvent
  | StandbyStatusEvent
  | StandbyEchoEvent
  | HandoverEvent
  | MessageEchoEvent
  | HistoryChunkEvent
  | HistoryErrorEvent
  | ContactSyncEvent
  | StateSyncUnknownEvent
  | AccountUpdateEvent
  | PhoneNumberQualityEvent
  | PhoneNumberNameEvent
  | BusinessCapabilityEvent
  | AccountReviewEvent
  | BusinessUsernameEvent
  | GroupEvent<"group_lifecycle_update">
  | GroupEvent<"group_participants_update">
  | GroupEvent<"group_settings_update">
  | GroupEvent<"group_status_update">
  | TemplateEvent;

/** Every field with a typed reader. */
export type ChangeField = ChangeEvent["field"];
