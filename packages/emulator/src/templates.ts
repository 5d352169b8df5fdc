import { randomInt } from "node:crypto";
import { graphErrorCodes, type TemplateRuleIssue } from "@wacompose/builder";
import { type Json, list, object } from "./json.js";
import { TemplateRequestError } from "./template-request-error.js";

/** The most templates one page lists; a larger `limit` is capped to it. */
const maxPageSize = 1000;

/** One template as `GET /{waba-id}/message_templates` lists it (the fields the emulator reads). */
export interface TemplateDefinition {
  readonly name: string;
  readonly language: string;
  readonly status?: string;
  readonly category?: string;
  readonly components?: readonly Readonly<Record<string, unknown>>[];
  readonly [field: string]: unknown;
}

/** The export of `GET /{waba-id}/message_templates` (`{ data: [...] }`), or just its templates. */
export type TemplateExport = { readonly data: readonly TemplateDefinition[] } | readonly TemplateDefinition[];

/** A template's quality rating [templates-management.md §3.3]; a new template starts `UNKNOWN`. */
export type TemplateQualityScore = "GREEN" | "YELLOW" | "RED" | "UNKNOWN";

/**
 * A template's status [templates-management.md §3.1]: the ones the emulator moves templates
 * through, and any other a given export holds (`IN_APPEAL`, `LIMIT_EXCEEDED`, …) as a string.
 */
export type TemplateStatus = "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "ARCHIVED" | (string & {});

/** Where a template stands on the emulator, as `emulator.templates.list()` and `GET /__templates` give it. */
export interface EmulatedTemplate {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  readonly category: string;
  readonly status: TemplateStatus;
  readonly quality: TemplateQualityScore;
  /** Why review rejected it (`INVALID_FORMAT`, …); `NONE` otherwise. */
  readonly rejectedReason: string;
  /** How many times low quality paused it (the third time disables it). */
  readonly pauses: number;
  /** While PENDING: when its review ends, on the emulator's clock (ISO 8601). */
  readonly reviewEndsAt?: string;
  /** While PAUSED: when it is active again, on the emulator's clock (ISO 8601). */
  readonly pausedUntil?: string;
}

/** One template the emulator holds: what the API lists for it, and where it stands. */
export interface StoredTemplate {
  readonly id: string;
  /** What `GET …/message_templates` lists without `fields`: a given template's own fields, or a created one's create body with `id` and `status`. */
  readonly node: Record<string, unknown>;
  quality: { score: TemplateQualityScore; date: number };
  rejectedReason: string;
  /** While in review: when it ends, and the review-stage rule it breaks (then it is REJECTED). */
  review: { readonly at: number; readonly rejection: TemplateRuleIssue | undefined } | undefined;
  pauses: number;
  pausedUntil: number | undefined;
  /** The status an archived template goes back to when unarchived. */
  beforeArchive: string | undefined;
  /** When the template was edited while APPROVED, oldest first, within the last 30 days (the edit limits). */
  edits: number[];
}

/** A template's current status: a given template without one counts as APPROVED (an export lists what can be sent). */
export const statusOf = (template: StoredTemplate): string =>
  typeof template.node.status === "string" ? template.node.status.toUpperCase() : "APPROVED";

/** The fields `?fields=` may ask for [templates-management.md §1, "Template node fields"]. */
const knownFields = new Set([
  "id",
  "name",
  "language",
  "status",
  "category",
  "sub_category",
  "components",
  "parameter_format",
  "quality_score",
  "rejected_reason",
  "message_send_ttl_seconds",
  "previous_category",
  "correct_category",
  "cta_url_link_tracking_opted_out",
  "library_template_name",
]);

/** Distinct `{{1}}` / `{{name}}` placeholders in a text. */
const placeholders = (text: unknown): number => new Set(typeof text === "string" ? text.match(/\{\{\s*\w+\s*\}\}/g) : []).size;

/** A template problem as the API reports it: its code and the details. */
export interface TemplateProblem {
  readonly code: number;
  readonly details: string;
}

/** Every text of a template (header, body, footer), for the `content` filter. */
const textsOf = (node: Readonly<Record<string, unknown>>): string =>
  list(node.components)
    .map((component) => (typeof component.text === "string" ? component.text : ""))
    .join("\n");

/** A comma-separated filter value as a set of upper-case words (`status=approved,paused`). */
const wordsOf = (value: string): Set<string> => new Set(value.split(",").map((word) => word.trim().toUpperCase()));

/**
 * The templates of the emulator's WhatsApp Business Account (any WABA id in a path reaches the
 * same one): those given at start, and those created through the management endpoints. Listed
 * page by page like the API, and held against the template messages it is sent once it holds
 * any (an unknown name or language, or a template that is not APPROVED, is 132001; PAUSED 132015;
 * DISABLED 132016; a parameter count that does not match the definition 132000).
 */
export class TemplateStore {
  readonly #given: readonly TemplateDefinition[];
  /** By id; a Map keeps insertion order, the order the list pages in. */
  readonly #byId = new Map<string, StoredTemplate>();
  #held = false;
  /** How many templates the account may hold (250 as Meta's default). */
  readonly limit: number;

  constructor(templates: TemplateExport | undefined, limit: number) {
    const data = templates === undefined ? [] : Array.isArray(templates) ? templates : (templates as { data?: unknown }).data;
    if (!Array.isArray(data))
      throw new TypeError("startEmulator: templates is the JSON of GET /{waba-id}/message_templates ({ data: [...] })");
    if (data.length > limit)
      throw new RangeError(
        `startEmulator: templates holds ${data.length} templates, over templateLimit (${limit}); raise templateLimit (at most 6000, Meta's limit for a verified business)`,
      );
    data.forEach((template: unknown, index) => {
      const { name, language } = object(template);
      if (typeof name !== "string" || typeof language !== "string")
        throw new TypeError(`startEmulator: templates.data[${index}] needs a name and a language (strings)`);
    });
    this.#given = data as TemplateDefinition[];
    this.limit = limit;
    this.reset();
  }

  /** Back to the templates given at start; template sends are held to them only if there were some. */
  reset(): void {
    this.#byId.clear();
    for (const given of this.#given) {
      // The export's id when it is one a webhook can carry (a safe integer) and not taken; a new one otherwise.
      const usable =
        /^[1-9]\d{0,15}$/.test(String(given.id)) && Number.isSafeInteger(Number(given.id)) && !this.#byId.has(String(given.id));
      const id = usable ? String(given.id) : this.#newId();
      this.#byId.set(id, fresh(id, { ...given, id }));
    }
    this.#held = this.#given.length > 0;
  }

  /** Whether template sends are held to the templates (given at start, or any created since). */
  get held(): boolean {
    return this.#held;
  }

  get size(): number {
    return this.#byId.size;
  }

  all(): readonly StoredTemplate[] {
    return [...this.#byId.values()];
  }

  byId(id: string): StoredTemplate | undefined {
    return this.#byId.get(id);
  }

  named(name: string): readonly StoredTemplate[] {
    return this.all().filter((template) => template.node.name === name);
  }

  /** Stores a created template (with a new id) and holds template sends to the templates from now on. */
  add(node: Record<string, unknown>): StoredTemplate {
    const id = this.#newId();
    const template = fresh(id, { ...node, id });
    this.#byId.set(id, template);
    this.#held = true;
    return template;
  }

  remove(id: string): void {
    this.#byId.delete(id);
  }

  /** A 16-digit id (a safe integer, as webhooks carry it as a JSON number), never one in use. */
  #newId(): string {
    for (;;) {
      const id = `1${String(randomInt(0, 10 ** 14)).padStart(14, "0")}${randomInt(0, 10)}`;
      if (!this.#byId.has(id)) return id;
    }
  }

  /** What `GET /{template-id}` and `?fields=` read: the node, with quality and rejection reason. */
  view(template: StoredTemplate): Readonly<Record<string, unknown>> {
    return {
      ...template.node,
      status: statusOf(template),
      quality_score: template.quality,
      rejected_reason: template.rejectedReason,
    };
  }

  /**
   * The fields asked for (`?fields=name,status`) and `id`, or the node as listed when no
   * `fields` is given; a field templates do not have is an error naming it, as Graph's.
   */
  pick(template: StoredTemplate, fields: readonly string[] | undefined): Readonly<Record<string, unknown>> {
    if (fields === undefined) return template.node;
    const view = this.view(template);
    const picked: Record<string, unknown> = {};
    for (const field of fields) if (view[field] !== undefined) picked[field] = view[field];
    picked.id = template.id;
    return picked;
  }

  /** The `fields` parameter as a list; a field templates do not have is refused, naming it, as Graph does. */
  static fieldsOf(query: URLSearchParams): readonly string[] | undefined {
    const text = query.get("fields");
    if (text === null) return undefined;
    const fields = text
      .split(",")
      .map((field) => field.trim())
      .filter((field) => field !== "");
    const unknown = fields.find((field) => !knownFields.has(field));
    if (unknown !== undefined)
      throw new TemplateRequestError(`fields: one of ${[...knownFields].join(", ")}`, {
        title: `Tried accessing nonexisting field (${unknown.slice(0, 100)}) on node type (WhatsAppBusinessHSM)`,
      });
    return fields;
  }

  /**
   * `GET /{version}/{waba-id}/message_templates?limit=&after=|before=`, filtered by `name`,
   * `status`, `category`, `language`, `content`, `name_or_content`, `quality_score` and trimmed to
   * `fields`: a page and its cursors, or a Graph error (400, code 100) naming the parameter when a
   * cursor is not one this emulator issued, the limit is not a whole number ≥ 1 (above 1,000 it is
   * capped, as Graph caps it) or a field is unknown (a TemplateRequestError).
   */
  page(query: URLSearchParams, url: string): unknown {
    const fields = TemplateStore.fieldsOf(query);
    const matching = this.all().filter(filterOf(query));
    const total = matching.length;
    const limitText = query.get("limit");
    if (limitText !== null && !/^[1-9]\d{0,15}$/.test(limitText))
      throw new TemplateRequestError(`limit must be a whole number ≥ 1, got ${JSON.stringify(limitText.slice(0, 100))}`);
    const limit = Math.min(Number(limitText ?? 25), maxPageSize);
    const after = query.get("after");
    const before = query.get("before");
    if (after !== null && before !== null) throw new TemplateRequestError("give after or before, not both");
    // This emulator's cursors are positions in the (filtered) list: 0 to the number of templates.
    for (const [name, cursor] of [
      ["after", after],
      ["before", before],
    ] as const) {
      if (cursor !== null && !(/^(0|[1-9]\d{0,15})$/.test(cursor) && Number(cursor) <= total))
        throw new TemplateRequestError(
          `${name} must be a cursor from a previous page (here 0 to ${total}), got ${JSON.stringify(cursor.slice(0, 100))}`,
        );
    }
    const start = before === null ? Number(after ?? 0) : Math.max(0, Number(before) - limit);
    const end = Math.min(before === null ? start + limit : Number(before), total);
    const link = (cursor: "after" | "before", at: number): string => {
      const target = new URL(url);
      target.searchParams.delete(cursor === "after" ? "before" : "after");
      target.searchParams.set(cursor, String(at));
      target.searchParams.set("limit", String(limit));
      return target.toString();
    };
    return {
      data: matching.slice(start, end).map((template) => this.pick(template, fields)),
      paging: {
        cursors: { before: String(start), after: String(end) },
        ...(start > 0 ? { previous: link("before", start) } : {}),
        ...(end < total ? { next: link("after", end) } : {}),
      },
    };
  }

  /** What the API would say of this template message, or undefined when it may be sent. */
  check(body: Json): TemplateProblem | undefined {
    if (!this.#held) return undefined;
    const template = object(body.template);
    const name = template.name;
    const language = object(template.language).code;
    const named = this.named(String(name));
    if (named.length === 0) return { code: graphErrorCodes.templateMissing, details: `template name (${String(name)}) does not exist` };
    const definition = named.find((t) => t.node.language === language);
    if (definition === undefined)
      return {
        code: graphErrorCodes.templateMissing,
        details: `template name (${String(name)}) does not exist in ${String(language)} (it exists in ${named.map((t) => String(t.node.language)).join(", ")})`,
      };
    const status = statusOf(definition);
    const which = `template ${String(name)} (${String(language)})`;
    if (status === "PAUSED")
      return {
        code: graphErrorCodes.templatePaused,
        details: `${which} is paused${definition.pausedUntil === undefined ? "" : ` until ${new Date(definition.pausedUntil).toISOString()}`} for low quality`,
      };
    if (status === "DISABLED") return { code: graphErrorCodes.templateDisabled, details: `${which} is disabled for low quality` };
    if (status !== "APPROVED") return { code: graphErrorCodes.templateMissing, details: `${which} is ${status}, not APPROVED` };
    const sent = list(template.components);
    const parametersOf = (type: string): number => list(sent.find((c) => c.type === type)?.parameters).length;
    for (const component of list(definition.node.components)) {
      const type = String(component.type ?? "").toLowerCase();
      if (type === "body" || (type === "header" && String(component.format ?? "TEXT").toUpperCase() === "TEXT")) {
        // An authentication body is created without text: Meta's fixed one, "*{{1}}* is your verification code." [templates-management.md §2.5].
        const fixed =
          type === "body" && component.text === undefined && String(definition.node.category).toUpperCase() === "AUTHENTICATION";
        const expected = fixed ? 1 : placeholders(component.text);
        const got = parametersOf(type);
        if (expected !== got) return countProblem(`${type}: expected ${expected} parameters, got ${got}`);
      } else if (type === "header") {
        if (parametersOf("header") !== 1)
          return countProblem(
            `header: ${/^[aeio]/i.test(String(component.format)) ? "an" : "a"} ${String(component.format).toLowerCase()} header takes 1 parameter, got ${parametersOf("header")}`,
          );
      } else if (type === "buttons") {
        for (const [index, button] of list(component.buttons).entries()) {
          const dynamic = String(button.type).toUpperCase() === "URL" && placeholders(button.url) > 0;
          const given = sent.some((c) => c.type === "button" && Number(c.index) === index);
          if (dynamic && !given) return countProblem(`button ${index}: its URL has a variable, and no parameter was sent for it`);
        }
      }
    }
    return undefined;
  }
}

/** A template that has never been paused, edited or reviewed. */
const fresh = (id: string, node: Record<string, unknown>): StoredTemplate => {
  const given = object(node.quality_score);
  const score = typeof given.score === "string" && /^(GREEN|YELLOW|RED|UNKNOWN)$/.test(given.score) ? given.score : "UNKNOWN";
  return {
    id,
    node,
    quality: { score: score as TemplateQualityScore, date: typeof given.date === "number" ? given.date : 0 },
    rejectedReason: typeof node.rejected_reason === "string" ? node.rejected_reason : "NONE",
    review: undefined,
    pauses: 0,
    pausedUntil: undefined,
    beforeArchive: undefined,
    edits: [],
  };
};

/** The list filters of `GET …/message_templates` as one test: exact status, category, language and quality; `name`, `content` and `name_or_content` match part of the text. */
function filterOf(query: URLSearchParams): (template: StoredTemplate) => boolean {
  const name = query.get("name");
  const content = query.get("content");
  const nameOrContent = query.get("name_or_content");
  const status = query.get("status");
  const category = query.get("category");
  const language = query.get("language");
  const quality = query.get("quality_score");
  return (template) => {
    const node = template.node;
    const nodeName = String(node.name);
    if (name !== null && !nodeName.includes(name)) return false;
    if (content !== null && !textsOf(node).includes(content)) return false;
    if (nameOrContent !== null && !nodeName.includes(nameOrContent) && !textsOf(node).includes(nameOrContent)) return false;
    if (status !== null && !wordsOf(status).has(statusOf(template))) return false;
    if (category !== null && !wordsOf(category).has(String(node.category ?? "").toUpperCase())) return false;
    if (language !== null && !new Set(language.split(",").map((code) => code.trim())).has(String(node.language))) return false;
    if (quality !== null && !wordsOf(quality).has(template.quality.score)) return false;
    return true;
  };
}

const countProblem = (details: string): TemplateProblem => ({ code: graphErrorCodes.templateParameterCount, details });
