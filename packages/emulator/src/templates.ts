import { graphErrorCodes } from "@wacompose/builder";
import { type Json, list, object } from "./json.js";

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

  /** `GET /{version}/{waba-id}/message_templates?limit=&after=`: a page and its cursors. */
  page(query: URLSearchParams, url: string): unknown {
    const limit = Math.min(Math.max(Number(query.get("limit") ?? 25) || 25, 1), 1000);
    const start = Number(query.get("after") ?? 0) || 0;
    const data = this.#templates.slice(start, start + limit);
    const end = start + data.length;
    const next = new URL(url);
    next.searchParams.set("after", String(end));
    next.searchParams.set("limit", String(limit));
    return {
      data,
      paging: {
        cursors: { before: String(start), after: String(end) },
        ...(end < this.#templates.length ? { next: next.toString() } : {}),
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
