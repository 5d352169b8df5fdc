import type { WebhookEvent } from "../events.js";
import { readAccountReview, readBusinessUsername } from "./account-review-and-username.js";
import { readAccountUpdate } from "./account-update.js";
import type { ChangeField } from "./change-events.js";
import { groupReader } from "./groups.js";
import { readHistory } from "./history.js";
import { readMessageEchoes } from "./message-echoes.js";
import { readTemplateCategory, readTemplateComponents, readTemplateQuality, readTemplateStatus } from "./message-templates.js";
import { readMessagingHandovers } from "./messaging-handovers.js";
import { readBusinessCapability, readPhoneNumberName, readPhoneNumberQuality } from "./phone-number-updates.js";
import type { FieldContext, Json } from "./read.js";
import { readStateSync } from "./smb-app-state-sync.js";
import { readStandby } from "./standby.js";
import { readUserPreferences } from "./user-preferences.js";

type FieldReader = (value: Json, ctx: FieldContext) => WebhookEvent[];

/**
 * The reader of each field besides `messages`. A field not here (a withdrawn one such as
 * `user_id_update`, or one Meta adds) stays an `other` event with its raw value.
 */
const readers: { readonly [Field in ChangeField]: FieldReader } = {
  user_preferences: readUserPreferences,
  standby: readStandby,
  messaging_handovers: readMessagingHandovers,
  smb_message_echoes: readMessageEchoes,
  history: readHistory,
  smb_app_state_sync: readStateSync,
  account_update: readAccountUpdate,
  phone_number_quality_update: readPhoneNumberQuality,
  phone_number_name_update: readPhoneNumberName,
  business_capability_update: readBusinessCapability,
  account_review_update: readAccountReview,
  business_username_updates: readBusinessUsername,
  group_lifecycle_update: groupReader("group_lifecycle_update"),
  group_participants_update: groupReader("group_participants_update"),
  group_settings_update: groupReader("group_settings_update"),
  group_status_update: groupReader("group_status_update"),
  message_template_status_update: readTemplateStatus,
  message_template_quality_update: readTemplateQuality,
  template_category_update: readTemplateCategory,
  message_template_components_update: readTemplateComponents,
};

/** The reader for a field (own keys only: `constructor` or `__proto__` as a field name is just unknown). */
export function fieldReader(field: string): FieldReader | undefined {
  return Object.hasOwn(readers, field) ? readers[field as ChangeField] : undefined;
}
