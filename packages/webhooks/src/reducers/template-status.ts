import { definedMembers } from "../defined-members.js";
import type { WebhookEvent } from "../events.js";
import type {
  TemplateCategoryName,
  TemplateComponentsEvent,
  TemplateEvent,
  TemplatePauseTitle,
  TemplateQualityScore,
  TemplateRejectionReason,
  TemplateStatusEvent,
  TemplateStatusUpdateName,
} from "../fields/change-events.js";
import { templateLanguageOf } from "../fields/template-head.js";
import { eventKey } from "../status.js";

/** The parts of a template's state that change independently, each by its own webhook. */
type Part = "status" | "pause" | "quality" | "category" | "components";

/** What the template webhooks said about one template, as of the latest of each. */
export interface TrackedTemplate {
  /** `message_template_id` in digits (the management API's `id`). */
  readonly id: string;
  readonly wabaId: string;
  readonly name: string;
  /** In the management API's form (`en_US`), whichever form the webhooks used. */
  readonly language: string;
  /**
   * The status now, in the template node's words (templates-management.md §3.1): the last status event,
   * except that an unpause (`other_info.title` `UNPAUSE`) and `REINSTATED` are `APPROVED` again, and
   * `UNARCHIVED` is the status the template had before it was archived (else `APPROVED`). An event not
   * known yet is the status as sent. Undefined until a status webhook arrived.
   */
  readonly status?: TemplateStatusUpdateName;
  /** The last status webhook's `event` as it came (`REINSTATED`, `UNARCHIVED`, …). */
  readonly event?: TemplateStatusUpdateName;
  /** The last status webhook's members (absent when it had none: an approval after a rejection clears `rejection_info`). */
  readonly reason?: TemplateRejectionReason | null;
  readonly rejection_info?: TemplateStatusEvent["rejection_info"];
  readonly other_info?: TemplateStatusEvent["other_info"];
  readonly disable_info?: TemplateStatusEvent["disable_info"];
  /**
   * The title of the last pause (`FIRST_PAUSE`, `SECOND_PAUSE`, `RATE_LIMITING_PAUSE`), kept after the
   * unpause: where the template is on the ladder (after a second pause, the next one disables it). A
   * part of its own: a pause that arrives after a later status still counts.
   */
  readonly lastPause?: TemplatePauseTitle;
  /** The status before `ARCHIVED`, which `UNARCHIVED` restores (when the `ARCHIVED` event arrived first). */
  readonly archivedFrom?: TemplateStatusUpdateName;
  readonly quality?: TemplateQualityScore;
  readonly category?: TemplateCategoryName;
  readonly previous_category?: TemplateCategoryName;
  /** A category change announced and not done yet: to `correct_category`, at `category_update_timestamp` (seconds). */
  readonly categoryChange?: { readonly correct_category: TemplateCategoryName; readonly category_update_timestamp?: number };
  /** The texts and buttons of the last edit (`message_template_components_update`). */
  readonly components?: Pick<
    TemplateComponentsEvent,
    "message_template_element" | "message_template_title" | "message_template_footer" | "message_template_buttons"
  >;
  /** `entry[].time` (seconds) of the event that last set each part. */
  readonly since: { readonly [Key in Part]?: number };
  /** The latest `entry[].time` of any event applied (seconds); undefined while none had one. */
  readonly updatedAt?: number;
}

type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };

/** Redeliveries at the same second as a part's time are told apart from new events by their keys (at most this many kept per part). */
const eventsPerSecond = 16;
/**
 * The events applied at each part's latest second, per record, for telling a redelivery at that second
 * by its key (computed only then: most events have a second of their own). Kept beside the caller's
 * map, not in it: a record restored from storage without them only loses the same-second check.
 */
const appliedAt = new WeakMap<TrackedTemplate, { readonly [Key in Part]?: readonly TemplateEvent[] }>();

const isTemplateEvent = (event: WebhookEvent): event is TemplateEvent =>
  event.kind === "change" &&
  (event.field === "message_template_status_update" ||
    event.field === "message_template_quality_update" ||
    event.field === "template_category_update" ||
    event.field === "message_template_components_update");

/** A title that names a pause (`FIRST_PAUSE`, `SECOND_PAUSE`, `RATE_LIMITING_PAUSE`, or one Meta adds), not its end. */
const isPause = (title: TemplatePauseTitle | undefined): title is TemplatePauseTitle =>
  title !== undefined && title !== "UNPAUSE" && title !== "DISABLED";

/** The status a status webhook leaves the template in (see `TrackedTemplate.status`). */
function statusAfter(event: TemplateStatusEvent, current: TrackedTemplate | undefined): TemplateStatusUpdateName {
  const name = event.event;
  if (event.other_info?.title === "UNPAUSE" || name === "REINSTATED" || name === "UNPAUSE" || name === "UNPAUSED") return "APPROVED";
  if (name === "UNARCHIVED") return current?.archivedFrom ?? "APPROVED";
  return name;
}

/**
 * Each template's current state after these webhooks, keyed by `message_template_id` (digits):
 * status, last reason, pause ladder, quality, category (a pending change and when it happens) and the
 * last edit's texts. Delivery order does not matter: each part (status, last pause, quality, category,
 * texts) keeps the event with the latest `entry[].time`, so an older event arriving late does not undo a
 * newer one; a redelivery is applied once; events of the same second apply in arrival order; an event
 * without a time applies in arrival order and leaves the times as they were. One exception: UNARCHIVED
 * restores the status from before archival only when its ARCHIVED event came first; arriving before it,
 * it gives APPROVED (the status before archival is not in the event).
 *
 * Pass the same map again as more events arrive. It holds one small entry per template id seen, and
 * Meta allows at most 6,000 templates per account, each language counting as one
 * (templates-management.md §3.6), so it is bounded by your accounts' templates. A deleted template
 * stays with status `DELETED` (delete its entry once late events no longer matter). `findTemplate`
 * looks one up by name and language.
 *
 * @example
 * const templates = trackTemplates(events);
 * if (findTemplate(templates, "order_update", "en_US")?.status === "PAUSED") holdCampaign();
 */
export function trackTemplates(events: Iterable<WebhookEvent>, into = new Map<string, TrackedTemplate>()): Map<string, TrackedTemplate> {
  for (const event of events) {
    if (!isTemplateEvent(event)) continue;
    const current = into.get(event.message_template_id);
    const since: { [Key in Part]?: number } = { ...current?.since };
    const next: Mutable<TrackedTemplate> = current === undefined ? { ...identity(event), since } : { ...current, since };
    const applied = { ...(current === undefined ? undefined : appliedAt.get(current)) };
    let key: string | undefined;
    const isRedelivery = (earlier: TemplateEvent): boolean => {
      if (earlier === event) return true;
      key ??= eventKey(event);
      return eventKey(earlier) === key;
    };
    /** Whether `event` is newer than what set `part` (or a same-second event not applied yet); records it if so. */
    const takes = (part: Part): boolean => {
      const last = since[part];
      const time = event.time;
      if (time === undefined) return true;
      if (last !== undefined && time < last) return false;
      const seen = last === time ? (applied[part] ?? []) : [];
      if (seen.some(isRedelivery)) return false;
      applied[part] = [...seen, event].slice(-eventsPerSecond);
      since[part] = time;
      if (next.updatedAt === undefined || time > next.updatedAt) next.updatedAt = time;
      return true;
    };
    let changed = false;
    switch (event.field) {
      case "message_template_status_update": {
        const title = event.other_info?.title;
        if (takes("status")) {
          changed = true;
          applyStatus(next, event, current);
        }
        if (isPause(title) && takes("pause")) {
          changed = true;
          next.lastPause = title;
        }
        if (event.message_template_category !== undefined && takes("category")) {
          changed = true;
          next.category = event.message_template_category;
          if (next.categoryChange?.correct_category === event.message_template_category) delete next.categoryChange;
        }
        break;
      }
      case "message_template_quality_update":
        if (takes("quality")) {
          changed = true;
          next.quality = event.new_quality_score;
        }
        break;
      case "template_category_update":
        if (takes("category")) {
          changed = true;
          next.category = event.new_category;
          if (event.type === "pending")
            next.categoryChange = {
              correct_category: event.correct_category,
              ...definedMembers({ category_update_timestamp: event.category_update_timestamp }),
            };
          else {
            delete next.categoryChange;
            if (event.previous_category !== undefined) next.previous_category = event.previous_category;
          }
        }
        break;
      case "message_template_components_update":
        if (takes("components")) {
          changed = true;
          next.components = definedMembers({
            message_template_element: event.message_template_element,
            message_template_title: event.message_template_title,
            message_template_footer: event.message_template_footer,
            message_template_buttons: event.message_template_buttons,
          });
        }
        break;
    }
    if (!changed) continue;
    appliedAt.set(next, applied);
    into.set(event.message_template_id, next);
  }
  return into;
}

/** Who the template is: the latest event's account, name and language (an id never changes template). */
function identity(event: TemplateEvent): Pick<TrackedTemplate, "id" | "wabaId" | "name" | "language"> {
  return { id: event.message_template_id, wabaId: event.wabaId, name: event.message_template_name, language: event.language };
}

function applyStatus(next: Mutable<TrackedTemplate>, event: TemplateStatusEvent, current: TrackedTemplate | undefined): void {
  Object.assign(next, identity(event));
  const status = statusAfter(event, current);
  if (event.event === "ARCHIVED" && current?.status !== undefined && current.status !== "ARCHIVED") next.archivedFrom = current.status;
  else if (status !== "ARCHIVED") delete next.archivedFrom;
  next.status = status;
  next.event = event.event;
  // The members of the last status event only: an approval after a rejection has no rejection_info.
  const { reason, rejection_info, other_info, disable_info } = event;
  delete next.reason;
  delete next.rejection_info;
  delete next.other_info;
  delete next.disable_info;
  if (reason !== undefined) next.reason = reason;
  if (rejection_info !== undefined) next.rejection_info = rejection_info;
  if (other_info !== undefined) next.other_info = other_info;
  if (disable_info !== undefined) next.disable_info = disable_info;
}

/**
 * The template called `name` in `language` (`en_US` and `en-US` alike), optionally of one account: the
 * most recently updated one when a name was deleted and created again (a new id).
 *
 * @example
 * findTemplate(trackTemplates(events), "order_update", "en-US")?.status; // "APPROVED"
 */
export function findTemplate(
  templates: ReadonlyMap<string, TrackedTemplate>,
  name: string,
  language: string,
  wabaId?: string,
): TrackedTemplate | undefined {
  const code = templateLanguageOf(language);
  let found: TrackedTemplate | undefined;
  for (const template of templates.values()) {
    if (template.name !== name || template.language !== code || (wabaId !== undefined && template.wabaId !== wabaId)) continue;
    if (found === undefined || (template.updatedAt ?? Number.NEGATIVE_INFINITY) >= (found.updatedAt ?? Number.NEGATIVE_INFINITY))
      found = template;
  }
  return found;
}
