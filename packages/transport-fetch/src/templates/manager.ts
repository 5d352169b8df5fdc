import { classifyTemplateManagementError, graphBaseUrl, objectArgument } from "@wacompose/builder";
import { type Answer, type ConnectionOptions, openConnection } from "../core.js";
import { checkNumberOption, numberOption } from "../options.js";
import { isObject, own } from "../own.js";
import { askedWait } from "../retry-after.js";
import { checkFields, checkId, checkIds, checkObject, checkText, jsonText, shown } from "./arguments.js";
import { readAllPages } from "./list.js";
import type {
  TemplateCreateBody,
  TemplateCreated,
  TemplateDeleteTarget,
  TemplateEdit,
  TemplateList,
  TemplateListFilters,
  TemplateNode,
  TemplateSuccess,
  TemplatesArchived,
  TemplatesUnarchived,
} from "./wire.js";

export interface TemplateManagerOptions extends Omit<ConnectionOptions, "version"> {
  /** The WhatsApp Business Account that owns the templates (digits). */
  readonly businessAccountId: string;
  /** Graph API version, e.g. "v26.0"; default the builder's `defaultApiVersion`. */
  readonly apiVersion?: string | undefined;
  /** Default `https://graph.facebook.com`; the emulator's URL in tests. The token goes to this origin only. */
  readonly baseUrl?: string;
  /** The largest answer read, a page of a list included; default 4 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** Pages a list reads before it stops with a TemplateListError; default 1,000. */
  readonly maxPages?: number | undefined;
  /** Templates a list holds before it stops with a TemplateListError; default 20,000 (an account holds at most 6,000). */
  readonly maxTemplates?: number | undefined;
  /** The templates' JSON a list holds in all, every page together; default 64 MiB (6,000 templates take far less). */
  readonly maxListBytes?: number | undefined;
}

/**
 * The template-management endpoints of one WhatsApp Business Account [templates-management.md §1].
 * Every argument is checked before any request; failures are typed errors (`GraphApiError` with the
 * management codes classified, `TimeoutError`, `NetworkError`, `UnexpectedResponseError`, `TemplateListError`).
 */
export interface TemplateManager {
  /** `GET /{waba-id}/message_templates`, every page (`paging.next` followed on the Graph origin only). */
  list(filters?: TemplateListFilters): Promise<TemplateList>;
  /** `GET /{template-id}?fields=…`. */
  get(id: string, fields?: readonly string[]): Promise<TemplateNode>;
  /** `POST /{waba-id}/message_templates`: the new template is PENDING (or APPROVED at once, from the library). */
  create(body: TemplateCreateBody): Promise<TemplateCreated>;
  /** `POST /{template-id}`: only `category`, `components` (replaced whole) and `message_send_ttl_seconds`. */
  edit(id: string, changes: TemplateEdit): Promise<TemplateSuccess>;
  /** `DELETE /{waba-id}/message_templates`: `{ name }` deletes every language of it; `{ name, id }` one template; `{ ids }` up to 100. */
  delete(target: TemplateDeleteTarget): Promise<TemplateSuccess>;
  /** `POST /{waba-id}/message_templates/archive`, up to 100 ids; each one that was not archived says why. */
  archive(ids: readonly string[]): Promise<TemplatesArchived>;
  /** `POST /{waba-id}/message_templates/unarchive`, up to 100 ids. */
  unarchive(ids: readonly string[]): Promise<TemplatesUnarchived>;
  /** `POST /{template-id}/unpause`: for a template paused by pacing. */
  unpause(id: string): Promise<TemplateSuccess>;
}

const isStringMap = (value: unknown): boolean => isObject(value) && Object.values(value).every((reason) => typeof reason === "string");
const isStringList = (value: unknown): boolean => Array.isArray(value) && value.every((id) => typeof id === "string");

// Each field read as the answer's own (own.ts): one the API did not send must not come from a polluted prototype.
const answers = {
  template: { holds: (json) => typeof own(json, "id") === "string", missing: "JSON that is not a template (no id)" },
  created: {
    holds: (json) =>
      typeof own(json, "id") === "string" && typeof own(json, "status") === "string" && typeof own(json, "category") === "string",
    missing: "JSON that is not the answer to a create (id, status, category)",
  },
  success: {
    holds: (json) => typeof own(json, "success") === "boolean" && ["undefined", "string"].includes(typeof own(json, "reason")),
    missing: "JSON without success",
  },
  archived: {
    holds: (json) => listsAnswer(json, "archived_templates"),
    missing: "JSON that is not the answer to an archive (archived_templates, failed_templates)",
  },
  unarchived: {
    holds: (json) => listsAnswer(json, "unarchived_templates"),
    missing: "JSON that is not the answer to an unarchive (unarchived_templates, failed_templates)",
  },
} as const satisfies Record<string, Answer>;

/** TemplatesArchived or TemplatesUnarchived, by the name of the list done. */
type Archiving<Done extends string> = { readonly [K in Done]: readonly string[] } & {
  readonly failed_templates: Readonly<Record<string, string>>;
};

/** An (un)archive answer: the done list and the failed map, each of its type when present, one of them at least. */
function listsAnswer(json: unknown, done: string): boolean {
  const list = own(json, done);
  const failed = own(json, "failed_templates");
  if (!isObject(json) || (list === undefined && failed === undefined)) return false;
  return (list === undefined || isStringList(list)) && (failed === undefined || isStringMap(failed));
}

const filterKeys = ["category", "content", "language", "name", "name_or_content", "quality_score", "status", "fields", "limit", "summary"];
const editKeys = ["category", "components", "message_send_ttl_seconds"];

/**
 * A client for one account's message templates. Safety as `createClient`'s: the token goes to the
 * configured Graph origin only (never to a `paging.next` elsewhere), no redirect is followed, the
 * timeout covers each answer's body, answers are capped and shape-checked, the token is redacted
 * from every error, and a call is retried only when the API certainly did not take it.
 *
 * @example
 * const templates = createTemplateManager({ accessToken: process.env.WHATSAPP_ACCESS_TOKEN!, businessAccountId: "102290129340398" });
 * const { data } = await templates.list({ status: "APPROVED", fields: ["name", "language", "status"] });
 */
export function createTemplateManager(options: TemplateManagerOptions): TemplateManager {
  const where = "createTemplateManager";
  objectArgument(options, where, [
    "businessAccountId",
    "accessToken",
    "apiVersion",
    "baseUrl",
    "fetch",
    "timeoutMs",
    "maxResponseBytes",
    "retry",
    "maxPages",
    "maxTemplates",
    "maxListBytes",
  ]);
  const { accessToken, businessAccountId, apiVersion, baseUrl = graphBaseUrl } = options;
  if (typeof businessAccountId !== "string" || !/^\d+$/.test(businessAccountId))
    throw new TypeError(`${where}: businessAccountId must be the numeric id of the WhatsApp Business Account`);
  if (apiVersion !== undefined && (typeof apiVersion !== "string" || !/^v\d+\.\d+$/.test(apiVersion)))
    throw new TypeError(`${where}: apiVersion must look like "v26.0", got ${shown(apiVersion)}`);
  const base = checkBaseUrl(where, baseUrl);
  const maxPages = numberOption(where, options, "maxPages", 1000, 1, 100_000, true);
  const maxTemplates = numberOption(where, options, "maxTemplates", 20_000, 1, 10_000_000, true);
  const maxListBytes = numberOption(where, options, "maxListBytes", 64 << 20, 1, 2 ** 31 - 1, true);
  const { call, version, redact } = openConnection(
    where,
    { ...options, version: apiVersion, maxResponseBytes: options.maxResponseBytes ?? 4 << 20 },
    classifyTemplateManagementError,
    askedWait,
  );
  const root = `${base}/${version}`;
  const templates = `${root}/${businessAccountId}/message_templates`;
  const headers = { Authorization: `Bearer ${accessToken}` };
  const json = { ...headers, "Content-Type": "application/json" };

  const get = <T>(url: string, answer: Answer): Promise<T> => call({ url, method: "GET", headers }, answer) as Promise<T>;
  const post = <T>(url: string, body: unknown, answer: Answer, what: string): Promise<T> =>
    call(
      body === undefined ? { url, method: "POST", headers } : { url, method: "POST", headers: json, body: jsonText(what, body) },
      answer,
    ) as Promise<T>;
  const query = (parameters: Record<string, string>): string => new URLSearchParams(parameters).toString();
  /** An archive or unarchive of up to 100 ids: the list done and the failed map, each empty where Meta left it out. */
  const archiving = async <Done extends string>(
    action: "archive" | "unarchive",
    done: Done,
    answer: Answer,
    ids: readonly string[],
  ): Promise<Archiving<Done>> => {
    const given = await post<Partial<Record<string, unknown>>>(
      `${templates}/${action}`,
      { hsm_ids: checkIds(`templates.${action}: ids`, ids) },
      answer,
      `templates.${action}`,
    );
    // The answer's check (listsAnswer) has seen both members' types.
    return { [done]: given[done] ?? [], failed_templates: given.failed_templates ?? {} } as Archiving<Done>;
  };

  const manager: TemplateManager = {
    list(filters = {}) {
      return settle(() => {
        checkObject("templates.list: filters", filters, filterKeys, "a filter of GET /{waba-id}/message_templates is one of");
        const parameters: Record<string, string> = {};
        for (const [key, value] of Object.entries(filters)) {
          if (value === undefined) continue;
          const at = `templates.list: filters.${key}`;
          if (key === "limit") parameters.limit = String(checkNumberOption(at, value, 1, 1000, true));
          else if (key === "fields" || key === "summary") parameters[key] = checkFields(at, value).join(",");
          else parameters[key] = checkText(at, value);
        }
        parameters.limit ??= "100";
        return readAllPages(call, `${templates}?${query(parameters)}`, headers, { maxPages, maxTemplates, maxListBytes, redact });
      });
    },
    get(id, fields) {
      return settle(() => {
        const url = `${root}/${checkId("templates.get: id", id)}`;
        return get(
          fields === undefined ? url : `${url}?${query({ fields: checkFields("templates.get: fields", fields).join(",") })}`,
          answers.template,
        );
      });
    },
    create(body) {
      return settle(() => {
        if (!isObject(body)) throw new TypeError(`templates.create: body must be an object, got ${shown(body)}`);
        const checked: Record<string, unknown> = body;
        checkText("templates.create: body.name", checked.name);
        checkText("templates.create: body.language", checked.language);
        checkText("templates.create: body.category", checked.category);
        if (!Array.isArray(checked.components))
          throw new TypeError(`templates.create: body.components must be an array of components, got ${shown(checked.components)}`);
        return post(templates, body, answers.created, "templates.create: body");
      });
    },
    edit(id, changes) {
      return settle(() => {
        const url = `${root}/${checkId("templates.edit: id", id)}`;
        const checked = checkObject("templates.edit: changes", changes, editKeys, "only these can be edited");
        if (editKeys.every((key) => checked[key] === undefined))
          throw new TypeError(`templates.edit: changes must hold one of ${editKeys.join(", ")}`);
        if (checked.category !== undefined) checkText("templates.edit: changes.category", checked.category);
        if (checked.components !== undefined && !Array.isArray(checked.components))
          throw new TypeError(`templates.edit: changes.components must be an array of components, got ${shown(checked.components)}`);
        if (checked.message_send_ttl_seconds !== undefined)
          checkNumberOption("templates.edit: changes.message_send_ttl_seconds", checked.message_send_ttl_seconds, -1, 2_592_000, true);
        return post(url, changes, answers.success, "templates.edit: changes");
      });
    },
    delete(target) {
      return settle(() => {
        const checked = checkObject("templates.delete", target, ["name", "id", "ids"], "delete by name, by name and id, or by ids");
        let parameters: Record<string, string>;
        if (checked.ids !== undefined) {
          // Meta: hsm_ids combines with neither name nor hsm_id.
          if (checked.name !== undefined || checked.id !== undefined)
            throw new TypeError("templates.delete: ids cannot be combined with name or id (the API refuses hsm_ids with name or hsm_id)");
          parameters = { hsm_ids: JSON.stringify(checkIds("templates.delete: ids", checked.ids)) };
        } else {
          const name = checkText("templates.delete: name", checked.name);
          parameters = checked.id === undefined ? { name } : { hsm_id: checkId("templates.delete: id", checked.id), name };
        }
        return call({ url: `${templates}?${query(parameters)}`, method: "DELETE", headers }, answers.success) as Promise<TemplateSuccess>;
      });
    },
    archive(ids) {
      return settle(() => archiving("archive", "archived_templates", answers.archived, ids));
    },
    unarchive(ids) {
      return settle(() => archiving("unarchive", "unarchived_templates", answers.unarchived, ids));
    },
    unpause(id) {
      return settle(() => post(`${root}/${checkId("templates.unpause: id", id)}/unpause`, undefined, answers.success, "templates.unpause"));
    },
  };
  return Object.freeze(manager);
}

/** Runs `work`, turning a check's synchronous throw into a rejected promise, as every other failure is. */
function settle<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The base URL without a trailing slash: an absolute http(s) URL, or a TypeError naming it. */
function checkBaseUrl(where: string, value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {}
  if (url === undefined || (url.protocol !== "https:" && url.protocol !== "http:") || url.search !== "" || url.hash !== "")
    throw new TypeError(`${where}: baseUrl must be an absolute http(s) URL without a query, got ${shown(value)}`);
  return (value as string).replace(/\/+$/, "");
}
