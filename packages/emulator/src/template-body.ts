import type { TemplateRuleIssue } from "@wacompose/builder";
import { createBodyFields, obsoleteCreateBodyFields } from "@wacompose/builder";
import { type Json, list } from "./json.js";
import { TemplateRequestError } from "./template-request-error.js";

/** The fields a create body may carry [templates-management.md §2]. */
export const createFields: ReadonlySet<string> = new Set([...createBodyFields, ...obsoleteCreateBodyFields]);
/** What an edit may change [templates-management.md §3.4]; `name` and `language` may be repeated unchanged (OA23's example does). */
export const editFields = new Set(["category", "components", "message_send_ttl_seconds", "name", "language"]);
const categories = new Set(["MARKETING", "UTILITY", "AUTHENTICATION"]);
/** The components a template may have: header, body, footer, buttons, and a few special ones; more is not a template. */
const maxComponents = 10;

/** Enum fields Meta accepts in any case and answers in upper case [templates-management.md §2]. */
const upperCased = new Set(["type", "format", "otp_type"]);

/** `value` with the enum fields of its components and buttons in upper case (it nests at most 64 levels: the door checked). */
export function upperEnums(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(upperEnums);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      upperCased.has(key) && typeof field === "string" ? field.toUpperCase() : upperEnums(field),
    ]),
  );
}

/** How a JSON value is named in an error: its type, never the whole value. */
export const kindOf = (value: unknown): string => (Array.isArray(value) ? "an array" : value === null ? "null" : typeof value);

/** The create-stage issues of a wire body as a Graph 400 (the first one's code and subcode; every message). */
export function refuseCreateIssues(issues: readonly TemplateRuleIssue[]): void {
  const refused = issues.filter((issue) => issue.stage === "create");
  const first = refused[0];
  if (first === undefined) return;
  throw new TemplateRequestError(refused.map((issue) => issue.message).join("; "), {
    ...(first.code === undefined ? {} : { code: first.code }),
    ...(first.subcode === undefined ? {} : { subcode: first.subcode }),
  });
}

/** The shape the emulator needs to store a template, whatever the rule checker covers: a Graph 100 naming the field. */
export function checkTemplateShape(body: Json, editing: boolean): void {
  const bad = (details: string) => {
    throw new TemplateRequestError(details);
  };
  if (!editing) {
    if (typeof body.name !== "string" || body.name === "") bad(`name is required (a string), got ${kindOf(body.name)}`);
    if (typeof body.language !== "string" || !/^[a-z]{2,3}(_[A-Za-z]{2})?$/.test(body.language))
      bad(
        `language is a language code such as en_US, got ${typeof body.language === "string" ? JSON.stringify(body.language.slice(0, 40)) : kindOf(body.language)}`,
      );
  }
  if (body.category !== undefined || !editing) {
    if (typeof body.category !== "string" || !categories.has(body.category.toUpperCase()))
      bad(
        `category is MARKETING, UTILITY or AUTHENTICATION, got ${typeof body.category === "string" ? JSON.stringify(body.category.slice(0, 40)) : kindOf(body.category)}`,
      );
  }
  if (body.components !== undefined || !editing) {
    if (!Array.isArray(body.components) || body.components.length === 0 || body.components.length > maxComponents)
      bad(
        `components is an array of 1 to ${maxComponents} components, got ${Array.isArray(body.components) ? `${body.components.length} components` : kindOf(body.components)}`,
      );
    list(body.components).forEach((component, index) => {
      if (typeof component !== "object" || Array.isArray(component) || typeof component.type !== "string")
        bad(`components[${index}] is an object with a type (HEADER, BODY, FOOTER, BUTTONS, …), got ${kindOf(component)}`);
    });
    if (!list(body.components).some((component) => String(component.type).toUpperCase() === "BODY"))
      bad("components: a template has exactly one BODY component, got none");
  }
  if (
    body.parameter_format !== undefined &&
    !(typeof body.parameter_format === "string" && /^(positional|named)$/i.test(body.parameter_format))
  )
    bad(`parameter_format is POSITIONAL or NAMED, got ${kindOf(body.parameter_format)}`);
  const ttl = body.message_send_ttl_seconds;
  if (ttl !== undefined && !(typeof ttl === "number" && Number.isSafeInteger(ttl) && (ttl === -1 || ttl > 0)))
    bad(`message_send_ttl_seconds is a whole number of seconds, got ${typeof ttl === "number" ? ttl : kindOf(ttl)}`);
  if (body.sub_category !== undefined && typeof body.sub_category !== "string")
    bad(`sub_category is a string, got ${kindOf(body.sub_category)}`);
}
