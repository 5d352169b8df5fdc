import { limits } from "../limits.js";

/**
 * A creation rule a template breaks, where, and what Meta does about it: refuses the POST
 * (`"create"`) or accepts it and rejects it in review (`"review"`).
 */
export interface TemplateRuleIssue {
  /** Where, in the create body's field names: `"components[1].text"`, `"name"`. */
  readonly path: string;
  /** A stable id of the rule, e.g. `"body-no-adjacent-variables"`, `"name-charset"`. */
  readonly rule: string;
  /** Says where, the limit and the actual value. */
  readonly message: string;
  /** "create": Meta refuses the POST (400, code 100 + subcode when known); "review": accepted, then REJECTED. */
  readonly stage: "create" | "review";
  /** For stage "create": the Graph error code (and subcode when known). */
  readonly code?: number;
  readonly subcode?: number;
  /** For stage "review": the webhook `reason`, e.g. "INVALID_FORMAT". */
  readonly reason?: string;
}

/** A body's text holds at most this many characters [templates-management.md §2.2]. */
const maxBodyText = 1024;
/** Two placeholders with nothing but spaces between them: `{{1}}{{2}}`, `{{a}} {{b}}` [templates-management.md §2.3]. */
const adjacentVariables = /\}\}\s*\{\{/;

/**
 * The creation rules of a wire create body (what is POSTed to `/{waba-id}/message_templates`,
 * `name` included) that it breaks: the name's charset and length (refused, code 100), a body over
 * 1,024 characters (refused, code 100), variables next to each other (rejected in review,
 * `INVALID_FORMAT`) [templates-management.md §2.1–2.3]. Never throws: any JSON goes in.
 *
 * @example
 * checkTemplateCreation({ name: "Order Update", language: "en_US", category: "UTILITY", components: [] });
 * // [{ path: "name", rule: "name-charset", stage: "create", code: 100, message: "…" }]
 */
export function checkTemplateCreation(body: unknown): readonly TemplateRuleIssue[] {
  const issues: TemplateRuleIssue[] = [];
  const fields = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Readonly<Record<string, unknown>>) : {};
  const name = fields.name;
  if (typeof name !== "string" || !/^[a-z0-9_]+$/.test(name) || name.length > limits.template.name.max) {
    const actual = typeof name === "string" ? JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name) : typeof name;
    issues.push({
      path: "name",
      rule: "name-charset",
      stage: "create",
      code: 100,
      message: `name: lowercase letters, digits and _ only, 1 to ${limits.template.name.max} characters, got ${actual}${typeof name === "string" ? ` (${name.length} characters)` : ""}`,
    });
  }
  const components = Array.isArray(fields.components) ? (fields.components as readonly unknown[]) : [];
  components.forEach((component, index) => {
    if (typeof component !== "object" || component === null) return;
    const { type, text } = component as { readonly type?: unknown; readonly text?: unknown };
    if (typeof type !== "string" || type.toUpperCase() !== "BODY" || typeof text !== "string") return;
    const path = `components[${index}].text`;
    if (text.length > maxBodyText)
      issues.push({
        path,
        rule: "body-length",
        stage: "create",
        code: 100,
        message: `${path}: a body holds at most ${maxBodyText} characters, got ${text.length}`,
      });
    const adjacent = adjacentVariables.exec(text);
    if (adjacent !== null)
      issues.push({
        path,
        rule: "body-no-adjacent-variables",
        stage: "review",
        reason: "INVALID_FORMAT",
        message: `${path}: variables next to each other at character ${adjacent.index + 2} (${JSON.stringify(text.slice(Math.max(0, adjacent.index - 6), adjacent.index + 2 + adjacent[0].length + 4))}); put text or punctuation between them`,
      });
  });
  return issues;
}
