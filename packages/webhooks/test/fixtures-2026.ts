// Example payloads of the fields besides `messages`, one per field, shaped as webhooks-2026.md gives them
// (§1a, §1d, §2; Meta's reference pages [MD] named there). Where Meta's own pages disagree the fixture
// uses one form and the tests try the other.
import { metadata } from "./fixtures.js";

export const wabaId = "102290129340398";

/** A body with one change of `field`, as Meta sends one update (`time` in seconds). */
export const changeOf = (field: string, value: unknown) => ({
  object: "whatsapp_business_account",
  entry: [{ id: wabaId, time: 1767225600, changes: [{ field, value }] }],
});

const messaging = { messaging_product: "whatsapp", metadata };

/** field → the value of its change. */
export const examples = {
  user_preferences: {
    ...messaging,
    contacts: [{ wa_id: "16505551234", profile: { name: "Ana" } }],
    user_preferences: [
      {
        wa_id: "16505551234",
        detail: "User requested to stop marketing messages",
        category: "marketing_messages",
        value: "stop",
        timestamp: 1767225600,
      },
    ],
  },
  standby: {
    ...messaging,
    contacts: [{ wa_id: "16505551234", profile: { name: "Ana" } }],
    messages: [{ from: "16505551234", id: "wamid.STANDBY1", timestamp: "1767225600", type: "text", text: { body: "Is my order late?" } }],
    statuses: [{ id: "wamid.AGENT1", status: "delivered", timestamp: "1767225601", recipient_id: "16505551234" }],
    message_echoes: [
      {
        from: "15550001111",
        to: "16505551234",
        id: "wamid.AGENT1",
        timestamp: "1767225601",
        type: "text",
        text: { body: "Let me check." },
      },
    ],
  },
  messaging_handovers: {
    ...messaging,
    type: "control_passed",
    wa_id: "16505551234",
    timestamp: "1767225600",
    control_passed: { previous_owner: "business_agent", new_owner: "app" },
  },
  smb_message_echoes: {
    ...messaging,
    message_echoes: [
      { from: "15550001111", to: "16505551234", id: "wamid.ECHO1", timestamp: "1767225600", type: "text", text: { body: "See you at 9" } },
      {
        from: "15550001111",
        to: "16505551234",
        id: "wamid.ECHO2",
        timestamp: "1767225660",
        type: "revoke",
        revoke: { original_message_id: "wamid.ECHO1" },
      },
      {
        from: "15550001111",
        to: "16505551234",
        id: "wamid.ECHO3",
        timestamp: "1767225700",
        type: "edit",
        edit: { original_message_id: "wamid.ECHO1", message: { type: "text", text: { body: "See you at 10" } } },
      },
    ],
  },
  history: {
    ...messaging,
    history: [
      {
        metadata: { phase: 0, chunk_order: 1, progress: 55 },
        threads: [
          {
            id: "16505551234",
            messages: [
              {
                from: "16505551234",
                id: "wamid.HIST1",
                timestamp: "1767139200",
                type: "text",
                text: { body: "Hello from last week" },
                history_context: { status: "read" },
              },
            ],
          },
        ],
      },
    ],
  },
  smb_app_state_sync: {
    ...messaging,
    state_sync: [
      {
        type: "contact",
        contact: { full_name: "Pablo Morales", first_name: "Pablo", phone_number: "16505551234" },
        action: "add",
        metadata: { timestamp: "1739321024" },
      },
    ],
  },
  account_update: {
    phone_number: "15550001111",
    event: "ACCOUNT_RESTRICTION",
    ban_info: { waba_ban_state: "SCHEDULE_FOR_DISABLE", waba_ban_date: "April 17, 2025" },
    restriction_info: [
      { restriction_type: "RESTRICTED_UTILITY_TEMPLATES", expiration: 1767830400, remediation: "Review template categories" },
    ],
    volume_tier_info: { tier: "250000:1000000", effective_month: "2026-11" },
  },
  phone_number_quality_update: {
    display_phone_number: "15550001111",
    event: "THROUGHPUT_UPGRADE",
    max_daily_conversations_per_business: "TIER_10K",
  },
  phone_number_name_update: {
    display_phone_number: "15550783881",
    decision: "APPROVED",
    requested_verified_name: "Lucky Shrub",
    rejection_reason: null,
  },
  business_capability_update: { max_daily_conversations_per_business: 2000, max_phone_numbers_per_business: 2 },
  account_review_update: { decision: "APPROVED" },
  business_username_updates: { display_phone_number: "15550001111", username: "luckyshrub", status: "approved" },
  group_lifecycle_update: {
    ...messaging,
    groups: [{ timestamp: "1767225600", group_id: "Y2FwaV9ncm91cDox", type: "group_create", request_id: "req-1", subject: "Orders" }],
  },
  group_participants_update: {
    ...messaging,
    groups: [
      {
        timestamp: "1767225600",
        group_id: "Y2FwaV9ncm91cDox",
        type: "group_participants_add",
        added_participants: [{ wa_id: "16505551234" }],
      },
    ],
  },
  group_settings_update: {
    ...messaging,
    groups: [{ timestamp: "1767225600", group_id: "Y2FwaV9ncm91cDox", type: "group_settings_update", group_subject: { text: "Orders 2" } }],
  },
  group_status_update: {
    ...messaging,
    groups: [{ timestamp: "1767225600", group_id: "Y2FwaV9ncm91cDox", type: "group_suspend" }],
  },
  // The four template webhooks: templates-management.md §5's examples, as printed there.
  message_template_status_update: {
    event: "REJECTED",
    message_template_id: 1689556908129835,
    message_template_name: "abandoned_cart",
    message_template_language: "en",
    reason: "INVALID_FORMAT",
    message_template_category: "MARKETING",
    rejection_info: {
      reason: "Your template has parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them.",
      recommendation: "Separate parameters with descriptive text and ensure each parameter is clearly contextualized.",
    },
  },
  message_template_quality_update: {
    previous_quality_score: "GREEN",
    new_quality_score: "YELLOW",
    message_template_id: 806312974732579,
    message_template_name: "welcome_template",
    message_template_language: "en-US",
  },
  template_category_update: {
    message_template_id: 278077987957091,
    message_template_name: "welcome_template",
    message_template_language: "en-US",
    new_category: "UTILITY",
    correct_category: "MARKETING",
    category_update_timestamp: 1746169200,
  },
  message_template_components_update: {
    message_template_id: 1315502779341834,
    message_template_name: "order_confirmation",
    message_template_language: "en_US",
    message_template_title: "Your order is confirmed!",
    message_template_element: "Thank you for your order, {{1}}! …",
    message_template_footer: "Lucky Shrub: the Succulent Specialists!",
    message_template_buttons: [
      {
        message_template_button_type: "URL",
        message_template_button_text: "Email support",
        message_template_button_url: "https://www.luckyshrub.com/support",
      },
    ],
  },
} as const;

/** `template_category_update` once the change is done (templates-management.md §5: `previous_category`, `new_category`). */
export const categoryDone = {
  message_template_id: 278077987957091,
  message_template_name: "welcome_template",
  message_template_language: "en-US",
  previous_category: "UTILITY",
  new_category: "MARKETING",
};

/** The system message that replaced the withdrawn `user_id_update` field ([CL] 2026-08-11). */
export const userChangedUserId = {
  from: "16505551234",
  id: "wamid.SYS1",
  timestamp: "1767225600",
  type: "system",
  system: {
    body: "User changed their business-scoped user id",
    type: "user_changed_user_id",
    user_id: "US.13491208655302741919",
    previous_user_id: "US.13491208655302741918",
    previous_parent_user_id: "US.ENT.1",
  },
};
