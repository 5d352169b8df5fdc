import { graphErrorCodes } from "@wacompose/builder";
import { graphError } from "./graph.js";
import { type Json, list, object } from "./json.js";

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

/** Distinct `{{1}}` / `{{name}}` placeholders in a text. */
const placeholders = (text: unknown): number => new Set(typeof text === "string" ? text.match(/\{\{\s*\w+\s*\}\}/g) : []).size;

/** A template problem as the API reports it: its code and the details. */
export interface TemplateProblem {
  readonly code: number;
  readonly details: string;
}

/**
 * The templates an emulator serves: listed page by page like the API, and held against the
 * template messages it is sent (an unknown name or language is 132001; a parameter count that
 * does not match the definition is 132000).
 */
export class TemplateStore {
  readonly #templates: readonly TemplateDefinition[];

  constructor(templates: TemplateExport) {
    const data = Array.isArray(templates) ? templates : (templates as { data?: unknown }).data;
    if (!Array.isArray(data))
      throw new TypeError("startEmulator: templates is the JSON of GET /{waba-id}/message_templates ({ data: [...] })");
    this.#templates = data as TemplateDefinition[];
  }

  /**
   * `GET /{version}/{waba-id}/message_templates?limit=&after=|before=`: a page and its cursors, or
   * a Graph error (400, code 100) naming the parameter when a cursor is not one this emulator
   * issued or the limit is not a whole number ≥ 1 (above 1,000 it is capped, as Graph caps it).
   */
  page(query: URLSearchParams, url: string): { readonly status: number; readonly body: unknown } {
    const total = this.#templates.length;
    const bad = (details: string) => ({ status: 400, body: graphError(graphErrorCodes.invalidParameter, details) });
    const limitText = query.get("limit");
    if (limitText !== null && !/^[1-9]\d{0,15}$/.test(limitText))
      return bad(`limit must be a whole number ≥ 1, got ${JSON.stringify(limitText)}`);
    const limit = Math.min(Number(limitText ?? 25), maxPageSize);
    const after = query.get("after");
    const before = query.get("before");
    if (after !== null && before !== null) return bad("give after or before, not both");
    // This emulator's cursors are positions in the list: 0 to the number of templates.
    for (const [name, cursor] of [
      ["after", after],
      ["before", before],
    ] as const) {
      if (cursor !== null && !(/^(0|[1-9]\d{0,15})$/.test(cursor) && Number(cursor) <= total))
        return bad(`${name} must be a cursor from a previous page (here 0 to ${total}), got ${JSON.stringify(cursor)}`);
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
      status: 200,
      body: {
        data: this.#templates.slice(start, end),
        paging: {
          cursors: { before: String(start), after: String(end) },
          ...(start > 0 ? { previous: link("before", start) } : {}),
          ...(end < total ? { next: link("after", end) } : {}),
        },
      },
    };
  }

  /** What the API would say of this template message, or undefined when it matches a definition. */
  check(body: Json): TemplateProblem | undefined {
    const template = object(body.template);
    const name = template.name;
    const language = object(template.language).code;
    const named = this.#templates.filter((t) => t.name === name);
    if (named.length === 0) return { code: graphErrorCodes.templateMissing, details: `template name (${String(name)}) does not exist` };
    const definition = named.find((t) => t.language === language);
    if (definition === undefined)
      return {
        code: graphErrorCodes.templateMissing,
        details: `template name (${String(name)}) does not exist in ${String(language)} (it exists in ${named.map((t) => t.language).join(", ")})`,
      };
    const sent = list(template.components);
    const parametersOf = (type: string): number => list(sent.find((c) => c.type === type)?.parameters).length;
    for (const component of definition.components ?? []) {
      const type = String(component.type ?? "").toLowerCase();
      if (type === "body" || (type === "header" && String(component.format ?? "TEXT").toUpperCase() === "TEXT")) {
        const expected = placeholders(component.text);
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

const countProblem = (details: string): TemplateProblem => ({ code: graphErrorCodes.templateParameterCount, details });
