import { definedMembers } from "../defined-members.js";
import { changeBase, type FieldOutput, unread } from "./change-base.js";
import type {
  TemplateButtonTypeName,
  TemplateCategoryName,
  TemplateCategoryPendingEvent,
  TemplateComponentsButton,
  TemplateComponentsEvent,
  TemplatePauseTitle,
  TemplateQualityEvent,
  TemplateQualityScore,
  TemplateRejectionReason,
  TemplateStatusEvent,
  TemplateStatusUpdateName,
} from "./change-events.js";
import { type FieldContext, type Json, MemberReader, objectsIn, own } from "./read.js";
import { knownCase, readTemplateHead } from "./template-head.js";

// The known values of each open enum (templates-management.md §3 and templates-management.md §5), for
// reading them in Meta's case.
const statusNames: ReadonlySet<TemplateStatusUpdateName> = new Set([
  "APPROVED",
  "ARCHIVED",
  "DELETED",
  "DISABLED",
  "FLAGGED",
  "IN_APPEAL",
  "LIMIT_EXCEEDED",
  "LOCKED",
  "PAUSED",
  "PENDING",
  "PENDING_DELETION",
  "REINSTATED",
  "REJECTED",
  "UNARCHIVED",
]);
const categories: ReadonlySet<TemplateCategoryName> = new Set(["MARKETING", "UTILITY", "AUTHENTICATION"]);
const reasons: ReadonlySet<TemplateRejectionReason> = new Set([
  "ABUSIVE_CONTENT",
  "INVALID_FORMAT",
  "NONE",
  "PROMOTIONAL",
  "TAG_CONTENT_MISMATCH",
  "SCAM",
  "INCORRECT_CATEGORY",
  "CATEGORY_NOT_AVAILABLE",
]);
const pauseTitles: ReadonlySet<TemplatePauseTitle> = new Set(["FIRST_PAUSE", "SECOND_PAUSE", "RATE_LIMITING_PAUSE", "UNPAUSE", "DISABLED"]);
const qualityScores: ReadonlySet<TemplateQualityScore> = new Set(["GREEN", "YELLOW", "RED", "UNKNOWN"]);
const buttonTypes: ReadonlySet<TemplateButtonTypeName> = new Set([
  "CATALOG",
  "COPY_CODE",
  "EXTENSION",
  "FLOW",
  "MPM",
  "ORDER_DETAILS",
  "OTP",
  "PHONE_NUMBER",
  "POSTBACK",
  "REMINDER",
  "SEND_LOCATION",
  "SPM",
  "QUICK_REPLY",
  "URL",
  "VOICE_CALL",
]);

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

/** `knownCase` of a member that may be absent. */
const knownCaseOf = <Known extends string>(value: string | undefined, known: ReadonlySet<Known>) =>
  value === undefined ? undefined : knownCase(value, known);

/** A template change's path (`….value`), its reader and its head (undefined, with issues, when the head is unreadable). */
function readTemplateChange(value: Json, ctx: FieldContext) {
  const path = `${ctx.path}.value`;
  return { path, change: new MemberReader(value, path, ctx.issue), head: readTemplateHead(value, path, ctx) };
}

/**
 * `message_template_status_update`: `{event, message_template_id, message_template_name,
 * message_template_language, message_template_category, reason|null, disable_info?, other_info?,
 * rejection_info?}` (templates-management.md §5; webhooks-2026.md §2).
 */
export function readTemplateStatus(value: Json, ctx: FieldContext): FieldOutput[] {
  const path = `${ctx.path}.value`;
  const change = new MemberReader(value, path, ctx.issue);
  const name = change.text("event", true);
  const head = readTemplateHead(value, path, ctx);
  // Documented as always sent: a payload without them is reported, and still typed (they are not what it is about).
  const category = change.text("message_template_category", true);
  const reason = own(value, "reason") === null ? null : change.text("reason", true);
  if (name === undefined || head === undefined) return [unread(ctx, "message_template_status_update", path, value)];
  const event: Writable<TemplateStatusEvent> = {
    ...changeBase(ctx, "message_template_status_update", "status_update", path, value),
    ...head,
    event: knownCase(name, statusNames),
  };
  if (category !== undefined) event.message_template_category = knownCase(category, categories);
  if (reason !== undefined) event.reason = reason === null ? null : knownCase(reason, reasons);

  const disable = change.member("disable_info");
  if (disable !== undefined) event.disable_info = disable.optional("seconds", "disable_date");
  const other = change.member("other_info");
  if (other !== undefined) {
    const title = other.text("title", true);
    const description = other.optional("text", "description");
    // Without a title there is nothing to type: the issue says so, `raw` keeps it.
    if (title !== undefined) event.other_info = { title: knownCase(title, pauseTitles), ...description };
  }
  const rejection = change.member("rejection_info");
  if (rejection !== undefined) event.rejection_info = rejection.optional("text", "reason", "recommendation");
  return [event];
}

/** `message_template_quality_update`: `{previous_quality_score, new_quality_score, id, name, language}`. */
export function readTemplateQuality(value: Json, ctx: FieldContext): FieldOutput[] {
  const { path, change, head } = readTemplateChange(value, ctx);
  const score = change.text("new_quality_score", true);
  const previous = change.text("previous_quality_score");
  if (head === undefined || score === undefined) return [unread(ctx, "message_template_quality_update", path, value)];
  const event: TemplateQualityEvent = {
    ...changeBase(ctx, "message_template_quality_update", "quality_update", path, value),
    ...head,
    new_quality_score: knownCase(score, qualityScores),
    ...definedMembers({ previous_quality_score: knownCaseOf(previous, qualityScores) }),
  };
  return [event];
}

/**
 * `template_category_update` (templates-management.md §3.5 and templates-management.md §5), two cases
 * told apart by their members:
 * a pending change carries `correct_category` (different from `new_category`, the category now) and
 * `category_update_timestamp`; a done one carries `previous_category` (or a `correct_category` equal to
 * `new_category`, which templates-management.md §3.5 reads as done).
 */
export function readTemplateCategory(value: Json, ctx: FieldContext): FieldOutput[] {
  const { path, change, head } = readTemplateChange(value, ctx);
  const now = change.text("new_category", true);
  const correct = change.text("correct_category");
  const previous = change.text("previous_category");
  const when = change.seconds("category_update_timestamp");
  if (head === undefined || now === undefined) return [unread(ctx, "template_category_update", path, value)];
  const base = { ...head, new_category: knownCase(now, categories) };
  const correctCategory = knownCaseOf(correct, categories);
  if (correctCategory !== undefined && correctCategory !== base.new_category) {
    const pending: TemplateCategoryPendingEvent = {
      ...changeBase(ctx, "template_category_update", "pending", path, value),
      ...base,
      correct_category: correctCategory,
      ...definedMembers({ category_update_timestamp: when }),
    };
    return [pending];
  }
  return [
    {
      ...changeBase(ctx, "template_category_update", "done", path, value),
      ...base,
      ...definedMembers({ previous_category: knownCaseOf(previous, categories), correct_category: correctCategory }),
    },
  ];
}

/** `message_template_components_update`: the texts and buttons of an edited template (templates-management.md §5). */
export function readTemplateComponents(value: Json, ctx: FieldContext): FieldOutput[] {
  const { path, change, head } = readTemplateChange(value, ctx);
  const texts = change.optional("text", "message_template_element", "message_template_title", "message_template_footer");
  const list = change.list("message_template_buttons");
  if (head === undefined) return [unread(ctx, "message_template_components_update", path, value)];
  const event: Writable<TemplateComponentsEvent> = {
    ...changeBase(ctx, "message_template_components_update", "components_update", path, value),
    ...head,
    ...texts,
  };
  if (list !== undefined)
    event.message_template_buttons = objectsIn(list, `${path}.message_template_buttons`, ctx.issue).flatMap(
      ([raw, at]): TemplateComponentsButton[] => {
        const reader = new MemberReader(raw, at, ctx.issue);
        const type = reader.text("message_template_button_type", true);
        const texts = reader.optional(
          "text",
          "message_template_button_text",
          "message_template_button_url",
          "message_template_button_phone_number",
        );
        // A button without its type is reported and left out (`raw` keeps it).
        return type === undefined ? [] : [{ message_template_button_type: knownCase(type, buttonTypes), ...texts }];
      },
    );
  return [event];
}
