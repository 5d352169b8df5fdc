/**
 * The template-management endpoints' bodies and answers, in the API's field names
 * [templates-management.md §1, §2]. Enums are sent in any case (Meta accepts `"utility"` and
 * `"UTILITY"`) and answered in upper case; answers keep values this version does not know as strings.
 */

import type { AnyCase, CreationComponent, TemplateCategory, TemplateCreateBody } from "@wacompose/builder";

// The bodies are the builder's (one declaration: what `templateCreateBody()` writes is what `create()` takes).
export type { TemplateCategory, TemplateCreateBody };
/** A component as created and as answered: the builder's creation components. */
export type TemplateComponent = CreationComponent;

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
