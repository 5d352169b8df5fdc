import { checkTemplateCreation, type TemplateRuleIssue, templateManagementErrorCodes } from "@wacompose/builder";
import type { Clock } from "./conversation.js";
import type { Json } from "./json.js";
import { checkTemplateShape, createFields, editFields, kindOf, refuseCreateIssues, upperEnums } from "./template-body.js";
import { hsmIdsOf, idsOf } from "./template-ids.js";
import { TemplateRequestError } from "./template-request-error.js";
import { componentsUpdate, qualityUpdate, statusUpdate } from "./template-webhooks.js";
import {
  type EmulatedTemplate,
  type StoredTemplate,
  statusOf,
  type TemplateQualityScore,
  type TemplateStatus,
  type TemplateStore,
} from "./templates.js";

const hour = 3_600_000;
const day = 24 * hour;
/** The longest wait a timer takes (2^31 - 1 ms). */
const maxTimerMs = 2 ** 31 - 1;

/**
 * Graph's answers to a management request the emulator refuses [templates-management.md §2.1, §4]:
 * 100 with a subcode where Meta's is known (the duplicate's; the blocked name's and the count limit's are
 * unverified readings from other libraries, named in the protocol module), 100 / 33 for an id that is not a template here.
 */
export const templateSubcodes = {
  /** Name and language already exist (Meta: "Content in This Language Already Exists"). */
  duplicate: templateManagementErrorCodes.nameAndLanguageExist,
  /** The name of a deleted APPROVED template is blocked for 30 days (unverified code). */
  nameBlocked: templateManagementErrorCodes.nameUnavailable,
  /** The account holds as many templates as it may (unverified code). */
  limitReached: templateManagementErrorCodes.templateCountLimit,
  /** The object does not exist, or is not a template. */
  noSuchObject: 33,
} as const;

/** What `emulator.templates` does in process (and `/__templates…` over HTTP): the platform's side of a template's life. */
export interface EmulatedTemplates {
  /** Every template with where it stands, in list order. */
  list(): readonly EmulatedTemplate[];
  /** A template's status; `language` may be left out when the name has one language. */
  status(name: string, language?: string): TemplateStatus;
  /**
   * Low quality pauses an APPROVED template, as Meta does [templates-management.md §3.1]: its quality drops to RED
   * (`message_template_quality_update`), then `message_template_status_update` PAUSED with `other_info.title`
   * FIRST_PAUSE (active again after 3 h on the emulator's clock, title UNPAUSE), SECOND_PAUSE (6 h), and the third
   * time DISABLED (with `disable_info`). Sends fail with 132015 while paused, 132016 once disabled.
   */
  pause(name: string, language?: string): EmulatedTemplate;
  /** A new quality rating (`message_template_quality_update`); RED on an APPROVED template pauses it as `pause` does. */
  quality(name: string, score: TemplateQualityScore, language?: string): EmulatedTemplate;
  /** Disables a template at once (`message_template_status_update` DISABLED). */
  disable(name: string, language?: string): EmulatedTemplate;
  /** Archives a template as 12 months without use do [templates-management.md §3.1] (event ARCHIVED); sends fail with 132001. */
  archive(name: string, language?: string): EmulatedTemplate;
}

const qualityScores = new Set(["GREEN", "YELLOW", "RED", "UNKNOWN"]);
/** How long the name of a deleted APPROVED template stays blocked, and how many such names are remembered. */
const nameBlockMs = 30 * day;
const maxBlockedNames = 10_000;

/**
 * The platform's side of templates on the emulator's clock: a created or edited template is
 * PENDING, then after the review delay APPROVED, or REJECTED when `checkTemplateCreation` finds a
 * review-stage rule it breaks; low quality pauses and disables; archive and unarchive; each as the
 * `message_template_*` webhooks Meta sends (through `notify`, signed by the emulator's sender).
 */
export class TemplateLifecycle {
  readonly #store: TemplateStore;
  readonly #clock: Clock;
  readonly #reviewDelayMs: number;
  readonly #notify: (field: string, value: Readonly<Record<string, unknown>>) => void;
  /** Names of deleted APPROVED templates, and until when each is blocked. */
  readonly #blockedNames = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(
    store: TemplateStore,
    clock: Clock,
    reviewDelayMs: number,
    notify: (field: string, value: Readonly<Record<string, unknown>>) => void,
  ) {
    this.#store = store;
    this.#clock = clock;
    this.#reviewDelayMs = reviewDelayMs;
    this.#notify = notify;
  }

  /**
   * Ends every review and pause that is due on the emulator's clock, oldest first, with their
   * webhooks; then waits (in real time, unref'd) for the next one. Called when the clock moves, on
   * each request, and by the timer.
   */
  settle(): void {
    if (this.#closed) return;
    const now = this.#clock.now();
    for (;;) {
      let next: { template: StoredTemplate; at: number; kind: "review" | "unpause" } | undefined;
      for (const template of this.#store.all()) {
        const status = statusOf(template);
        const due =
          status === "PENDING" && template.review !== undefined
            ? { template, at: template.review.at, kind: "review" as const }
            : status === "PAUSED" && template.pausedUntil !== undefined
              ? { template, at: template.pausedUntil, kind: "unpause" as const }
              : undefined;
        if (due !== undefined && due.at <= now && (next === undefined || due.at < next.at)) next = due;
      }
      if (next === undefined) break;
      if (next.kind === "review") this.#review(next.template);
      else this.#unpause(next.template);
    }
    this.#arm();
  }

  /** Forgets the blocked names (the store resets itself) and the timer. */
  reset(): void {
    this.#blockedNames.clear();
    this.#arm();
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The timer for the next review or pause that ends, in real time (the clock may also be advanced past it). */
  #arm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#closed) return;
    let next = Number.POSITIVE_INFINITY;
    for (const template of this.#store.all()) {
      const status = statusOf(template);
      if (status === "PENDING" && template.review !== undefined) next = Math.min(next, template.review.at);
      if (status === "PAUSED" && template.pausedUntil !== undefined) next = Math.min(next, template.pausedUntil);
    }
    if (next === Number.POSITIVE_INFINITY) return;
    this.#timer = setTimeout(() => this.settle(), Math.min(Math.max(0, next - this.#clock.now()), maxTimerMs));
    this.#timer.unref();
  }

  #setStatus(template: StoredTemplate, status: string): void {
    template.node.status = status;
  }

  #review(template: StoredTemplate): void {
    const rejection = template.review?.rejection;
    template.review = undefined;
    if (rejection === undefined) {
      this.#setStatus(template, "APPROVED");
      template.rejectedReason = "NONE";
      this.#notify("message_template_status_update", statusUpdate(template, "APPROVED", "NONE"));
      return;
    }
    const reason = rejection.reason ?? "INVALID_FORMAT";
    this.#setStatus(template, "REJECTED");
    template.rejectedReason = reason;
    // rejection_info comes only with INVALID_FORMAT [templates-management.md §3.2].
    const info =
      reason === "INVALID_FORMAT"
        ? {
            rejection_info: {
              reason: rejection.message,
              recommendation: `Fix ${rejection.path} (rule ${rejection.rule}) and submit the template again.`,
            },
          }
        : {};
    this.#notify("message_template_status_update", statusUpdate(template, "REJECTED", reason, info));
  }

  #unpause(template: StoredTemplate): void {
    template.pausedUntil = undefined;
    this.#setStatus(template, "APPROVED");
    this.#notify(
      "message_template_status_update",
      statusUpdate(template, "APPROVED", null, {
        other_info: { title: "UNPAUSE", description: "Your WhatsApp message template is active again and can be sent." },
      }),
    );
  }

  /** Starts a review: PENDING until the delay has passed on the emulator's clock. */
  #submit(template: StoredTemplate, issues: readonly TemplateRuleIssue[]): void {
    this.#setStatus(template, "PENDING");
    template.pausedUntil = undefined;
    template.review = { at: this.#clock.now() + this.#reviewDelayMs, rejection: issues.find((issue) => issue.stage === "review") };
  }

  /** `POST /{waba-id}/message_templates`: a new template, PENDING. */
  create(input: unknown): { readonly id: string; readonly status: "PENDING"; readonly category: string } {
    if (typeof input !== "object" || input === null || Array.isArray(input))
      throw new TemplateRequestError(
        `the body is a template: a JSON object { name, language, category, components }, got ${kindOf(input)}`,
      );
    const body = input as Json;
    const unknown = Object.keys(body).find((field) => !createFields.has(field));
    if (unknown !== undefined)
      throw new TemplateRequestError(
        `${JSON.stringify(unknown.slice(0, 60))} is not a field of a template (fields: ${[...createFields].join(", ")})`,
      );
    const issues = checkTemplateCreation(body);
    refuseCreateIssues(issues);
    checkTemplateShape(body, false);
    const name = body.name as string;
    const language = body.language as string;
    if (this.#store.named(name).some((template) => template.node.language === language))
      throw new TemplateRequestError(`a template named ${name} already exists in ${language}`, {
        subcode: templateSubcodes.duplicate,
        title: "Content in This Language Already Exists",
      });
    const blockedUntil = this.#blockedNames.get(name);
    if (blockedUntil !== undefined && blockedUntil > this.#clock.now())
      throw new TemplateRequestError(
        `${name} was the name of an approved template deleted less than 30 days ago; it can be used again from ${new Date(blockedUntil).toISOString()}`,
        { subcode: templateSubcodes.nameBlocked },
      );
    if (this.#store.size >= this.#store.limit)
      throw new TemplateRequestError(`the account holds ${this.#store.size} templates, its limit (LIMIT_EXCEEDED); delete one first`, {
        subcode: templateSubcodes.limitReached,
        title: "Message template limit exceeded",
      });
    const category = (body.category as string).toUpperCase();
    const template = this.#store.add({
      name,
      parameter_format: typeof body.parameter_format === "string" ? body.parameter_format.toUpperCase() : "POSITIONAL",
      components: upperEnums(body.components),
      language,
      status: "PENDING",
      category,
      ...(typeof body.sub_category === "string" ? { sub_category: body.sub_category.toUpperCase() } : {}),
      ...(body.message_send_ttl_seconds === undefined ? {} : { message_send_ttl_seconds: body.message_send_ttl_seconds }),
      ...(typeof body.cta_url_link_tracking_opted_out === "boolean"
        ? { cta_url_link_tracking_opted_out: body.cta_url_link_tracking_opted_out }
        : {}),
    });
    this.#submit(template, issues);
    this.#arm();
    return { id: template.id, status: "PENDING", category };
  }

  /** The template with this id, or Graph's answer for an object that is not one here. */
  byId(id: string, method: "get" | "post" = "post"): StoredTemplate {
    const template = this.#store.byId(id);
    if (template === undefined)
      throw new TemplateRequestError(`no template with id ${id.slice(0, 40)} (deleted, or never created here)`, {
        subcode: templateSubcodes.noSuchObject,
        title: `Unsupported ${method} request. Object with ID '${id.slice(0, 40)}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
      });
    return template;
  }

  /**
   * `POST /{template-id}`: a new category, components (replaced whole) or TTL; back to PENDING.
   * Only APPROVED, REJECTED and PAUSED templates; an APPROVED one at most once in 24 hours and 10
   * times in 30 days on the emulator's clock, and never to another category [templates-management.md §3.4].
   */
  edit(id: string, input: unknown): { readonly success: true } {
    const template = this.byId(id);
    if (typeof input !== "object" || input === null || Array.isArray(input))
      throw new TemplateRequestError(
        `the body is the changes: a JSON object { category?, components?, message_send_ttl_seconds? }, got ${kindOf(input)}`,
      );
    const changes = input as Json;
    const unknown = Object.keys(changes).find((field) => !editFields.has(field));
    if (unknown !== undefined)
      throw new TemplateRequestError(
        `${JSON.stringify(unknown.slice(0, 60))} cannot be edited; an edit changes category, components or message_send_ttl_seconds`,
      );
    for (const fixed of ["name", "language"] as const)
      if (changes[fixed] !== undefined && changes[fixed] !== template.node[fixed])
        throw new TemplateRequestError(`${fixed} cannot be edited (it is ${String(template.node[fixed])}); create a new template instead`);
    if (changes.category === undefined && changes.components === undefined && changes.message_send_ttl_seconds === undefined)
      throw new TemplateRequestError("an edit changes category, components or message_send_ttl_seconds; the body has none of them");
    const status = statusOf(template);
    if (status !== "APPROVED" && status !== "REJECTED" && status !== "PAUSED")
      throw new TemplateRequestError(
        `only APPROVED, REJECTED or PAUSED templates can be edited; ${String(template.node.name)} is ${status}`,
      );
    checkTemplateShape(changes, true);
    const now = this.#clock.now();
    if (status === "APPROVED") {
      const category = typeof changes.category === "string" ? changes.category.toUpperCase() : undefined;
      if (category !== undefined && category !== String(template.node.category).toUpperCase())
        throw new TemplateRequestError(
          `the category of an APPROVED template cannot be changed (it is ${String(template.node.category)}, got ${category})`,
        );
      template.edits = template.edits.filter((at) => now - at < 30 * day);
      const last = template.edits.at(-1);
      if (last !== undefined && now - last < day)
        throw new TemplateRequestError(
          `an APPROVED template can be edited once in 24 hours; it was edited at ${new Date(last).toISOString()}, next from ${new Date(last + day).toISOString()}`,
        );
      if (template.edits.length >= 10)
        throw new TemplateRequestError(
          `an APPROVED template can be edited 10 times in 30 days; next from ${new Date((template.edits[0] as number) + 30 * day).toISOString()}`,
        );
    }
    const merged = {
      name: template.node.name,
      language: template.node.language,
      category: changes.category ?? template.node.category,
      ...(template.node.parameter_format === undefined ? {} : { parameter_format: template.node.parameter_format }),
      components: changes.components ?? template.node.components,
      ...(changes.message_send_ttl_seconds === undefined ? {} : { message_send_ttl_seconds: changes.message_send_ttl_seconds }),
    };
    const issues = checkTemplateCreation(merged);
    refuseCreateIssues(issues);
    if (changes.category !== undefined) template.node.category = String(changes.category).toUpperCase();
    if (changes.components !== undefined) template.node.components = upperEnums(changes.components);
    if (changes.message_send_ttl_seconds !== undefined) template.node.message_send_ttl_seconds = changes.message_send_ttl_seconds;
    if (status === "APPROVED") template.edits.push(now);
    this.#submit(template, issues);
    this.#notify("message_template_components_update", componentsUpdate(template));
    this.#arm();
    return { success: true };
  }

  /**
   * `DELETE /{waba-id}/message_templates` by `name` (every language), `hsm_id` and `name` (that
   * one), or `hsm_ids` (up to 100, all or none). A DISABLED template cannot be deleted; the name of
   * a deleted APPROVED template is blocked for 30 days [templates-management.md §1, §2.1, §3.1].
   */
  delete(query: URLSearchParams): { readonly success: true } {
    const name = query.get("name");
    const hsmId = query.get("hsm_id");
    const hsmIds = query.get("hsm_ids");
    let doomed: readonly StoredTemplate[];
    if (hsmIds !== null) {
      if (name !== null || hsmId !== null) throw new TemplateRequestError("hsm_ids cannot be combined with name or hsm_id");
      const ids = idsOf(hsmIds, "hsm_ids");
      doomed = ids.map((id) => this.byId(id, "post"));
    } else if (name === null) {
      throw new TemplateRequestError("give name (every language), hsm_id with name (one template), or hsm_ids ([…], up to 100)");
    } else if (hsmId !== null) {
      const template = this.byId(hsmId, "post");
      if (template.node.name !== name)
        throw new TemplateRequestError(`template ${hsmId} is named ${String(template.node.name)}, not ${name.slice(0, 60)}`);
      doomed = [template];
    } else {
      doomed = this.#store.named(name);
      if (doomed.length === 0) throw new TemplateRequestError(`no template named ${name.slice(0, 60)}`);
    }
    const disabled = doomed.find((template) => statusOf(template) === "DISABLED");
    if (disabled !== undefined)
      throw new TemplateRequestError(
        `template ${disabled.id} (${String(disabled.node.name)}, ${String(disabled.node.language)}) is DISABLED and cannot be deleted`,
      );
    const now = this.#clock.now();
    for (const template of doomed) {
      if (statusOf(template) === "APPROVED") {
        this.#blockedNames.delete(String(template.node.name));
        this.#blockedNames.set(String(template.node.name), now + nameBlockMs);
        if (this.#blockedNames.size > maxBlockedNames) this.#blockedNames.delete(this.#blockedNames.keys().next().value as string);
      }
      this.#store.remove(template.id);
    }
    this.#arm();
    return { success: true };
  }

  /** `POST …/message_templates/archive` `{ hsm_ids }`: APPROVED and REJECTED templates are archived, the others fail [templates-management.md §1, TA]. */
  archiveIds(input: unknown): { readonly archived_templates: string[]; readonly failed_templates: Record<string, string> } {
    const archived: string[] = [];
    const failed: Record<string, string> = {};
    for (const id of hsmIdsOf(input)) {
      const template = this.#store.byId(id);
      const status = template === undefined ? undefined : statusOf(template);
      if (template === undefined) failed[id] = "Template does not exist";
      else if (status !== "APPROVED" && status !== "REJECTED") failed[id] = "Only approved or rejected templates can be archived";
      else {
        this.#archive(template);
        archived.push(id);
      }
    }
    return { archived_templates: archived, failed_templates: failed };
  }

  /** `POST …/message_templates/unarchive` `{ hsm_ids }`: each archived template goes back to the status it had. */
  unarchiveIds(input: unknown): { readonly unarchived_templates: string[]; readonly failed_templates: Record<string, string> } {
    const unarchived: string[] = [];
    const failed: Record<string, string> = {};
    for (const id of hsmIdsOf(input)) {
      const template = this.#store.byId(id);
      if (template === undefined) failed[id] = "Template does not exist";
      else if (statusOf(template) !== "ARCHIVED") failed[id] = "Template is not archived";
      else {
        this.#setStatus(template, template.beforeArchive ?? "APPROVED");
        template.beforeArchive = undefined;
        this.#notify("message_template_status_update", statusUpdate(template, "UNARCHIVED", null));
        unarchived.push(id);
      }
    }
    this.settle(); // a review or pause that ended while archived ends now
    return { unarchived_templates: unarchived, failed_templates: failed };
  }

  #archive(template: StoredTemplate): void {
    template.beforeArchive = statusOf(template);
    this.#setStatus(template, "ARCHIVED");
    this.#notify("message_template_status_update", statusUpdate(template, "ARCHIVED", null));
  }

  /** `POST /{template-id}/unpause`: a PAUSED template is active again at once; another answers why not. */
  unpause(id: string): { readonly success: boolean; readonly reason?: string } {
    const template = this.byId(id);
    const status = statusOf(template);
    if (status !== "PAUSED") return { success: false, reason: `Template is ${status}, not paused` };
    this.#unpause(template);
    this.#arm();
    return { success: true };
  }

  /** The template of a name (and language, needed when the name has several). */
  #find(name: unknown, language: unknown, action: string): StoredTemplate {
    if (typeof name !== "string" || name === "") throw new TypeError(`templates.${action}: a template name, got ${kindOf(name)}`);
    if (language !== undefined && typeof language !== "string")
      throw new TypeError(`templates.${action}: language is a language code such as en_US, got ${kindOf(language)}`);
    const named = this.#store.named(name);
    if (named.length === 0) throw new RangeError(`templates.${action}: no template named ${JSON.stringify(name.slice(0, 60))}`);
    const languages = named.map((template) => String(template.node.language)).join(", ");
    if (language === undefined) {
      if (named.length > 1) throw new RangeError(`templates.${action}: ${name} exists in ${languages}; say which language`);
      return named[0] as StoredTemplate;
    }
    const template = named.find((candidate) => candidate.node.language === language);
    if (template === undefined)
      throw new RangeError(`templates.${action}: ${name} does not exist in ${language} (it exists in ${languages})`);
    return template;
  }

  /** One step of the pause ladder for an APPROVED template: 3 h, 6 h, then disabled [templates-management.md §3.1, TP]. */
  #pauseStep(template: StoredTemplate, action: string): void {
    TemplateLifecycle.#requireApproved(template, action);
    template.pauses += 1;
    const now = this.#clock.now();
    if (template.pauses >= 3) {
      this.#disable(template, "It was paused twice before for low quality.");
      return;
    }
    const hours = template.pauses === 1 ? 3 : 6;
    template.pausedUntil = now + hours * hour;
    this.#setStatus(template, "PAUSED");
    this.#notify(
      "message_template_status_update",
      statusUpdate(template, "PAUSED", null, {
        other_info: {
          title: template.pauses === 1 ? "FIRST_PAUSE" : "SECOND_PAUSE",
          description: `Your WhatsApp message template has been paused for ${hours} hours until ${new Date(template.pausedUntil).toISOString()} because it had issues.`,
        },
      }),
    );
    this.#arm();
  }

  static #requireApproved(template: StoredTemplate, action: string): void {
    const status = statusOf(template);
    if (status !== "APPROVED")
      throw new RangeError(
        `templates.${action}: only an APPROVED template is paused for low quality; ${String(template.node.name)} is ${status}`,
      );
  }

  #disable(template: StoredTemplate, why: string): void {
    template.pausedUntil = undefined;
    template.review = undefined;
    this.#setStatus(template, "DISABLED");
    this.#notify(
      "message_template_status_update",
      statusUpdate(template, "DISABLED", null, {
        disable_info: { disable_date: Math.floor(this.#clock.now() / 1000) },
        other_info: { title: "DISABLED", description: `Your WhatsApp message template has been disabled. ${why}` },
      }),
    );
    this.#arm();
  }

  #setQuality(template: StoredTemplate, score: TemplateQualityScore): void {
    const previous = template.quality.score;
    template.quality = { score, date: Math.floor(this.#clock.now() / 1000) };
    if (previous !== score) this.#notify("message_template_quality_update", qualityUpdate(template, previous, score));
  }

  /** Where a template stands, for `list()` and the inbox. */
  static snapshot(template: StoredTemplate): EmulatedTemplate {
    const status = statusOf(template);
    return {
      id: template.id,
      name: String(template.node.name),
      language: String(template.node.language),
      category: String(template.node.category ?? ""),
      status,
      quality: template.quality.score,
      rejectedReason: template.rejectedReason,
      pauses: template.pauses,
      ...(status === "PENDING" && template.review !== undefined ? { reviewEndsAt: new Date(template.review.at).toISOString() } : {}),
      ...(status === "PAUSED" && template.pausedUntil !== undefined ? { pausedUntil: new Date(template.pausedUntil).toISOString() } : {}),
    };
  }

  /** The in-process API (`emulator.templates`). */
  get api(): EmulatedTemplates {
    const act = (action: string, name: string, language: string | undefined, step: (template: StoredTemplate) => void) => {
      this.settle();
      const template = this.#find(name, language, action);
      step(template);
      return TemplateLifecycle.snapshot(template);
    };
    return {
      list: () => {
        this.settle();
        return this.#store.all().map(TemplateLifecycle.snapshot);
      },
      status: (name, language) => {
        this.settle();
        return statusOf(this.#find(name, language, "status"));
      },
      pause: (name, language) =>
        act("pause", name, language, (template) => {
          TemplateLifecycle.#requireApproved(template, "pause");
          this.#setQuality(template, "RED");
          this.#pauseStep(template, "pause");
        }),
      quality: (name, score, language) =>
        act("quality", name, language, (template) => {
          if (typeof score !== "string" || !qualityScores.has(score))
            throw new TypeError(
              `templates.quality: score is GREEN, YELLOW, RED or UNKNOWN, got ${typeof score === "string" ? JSON.stringify(score.slice(0, 40)) : kindOf(score)}`,
            );
          this.#setQuality(template, score);
          if (score === "RED" && statusOf(template) === "APPROVED") this.#pauseStep(template, "quality");
        }),
      disable: (name, language) =>
        act("disable", name, language, (template) => {
          const status = statusOf(template);
          if (status === "DISABLED") throw new RangeError(`templates.disable: ${name} is DISABLED already`);
          this.#disable(template, "The platform disabled it.");
        }),
      archive: (name, language) =>
        act("archive", name, language, (template) => {
          const status = statusOf(template);
          if (status === "ARCHIVED") throw new RangeError(`templates.archive: ${name} is ARCHIVED already`);
          this.#archive(template);
        }),
    };
  }
}
