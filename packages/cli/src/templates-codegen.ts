import type { BodyKind, ButtonKind, CardDefinition, HeaderKind, TemplateDefinition } from "@wacompose/builder";

/** One template as `GET /{waba-id}/message_templates` returns it (the fields codegen reads). */
export interface TemplateExport {
  readonly name: string;
  readonly language: string;
  readonly status?: string;
  readonly parameter_format?: "POSITIONAL" | "NAMED";
  readonly category?: string;
  readonly components: readonly TemplateComponentExport[];
}

/** One component of an exported template (a carousel's cards have components of their own). */
export interface TemplateComponentExport {
  readonly type: string;
  readonly format?: string;
  readonly text?: string;
  readonly buttons?: readonly { readonly type: string; readonly url?: string }[];
  readonly cards?: readonly { readonly components: readonly TemplateComponentExport[] }[];
}

/** The response of `GET /{waba-id}/message_templates`: one entry per template and language. */
export interface TemplateListExport {
  readonly data: readonly TemplateExport[];
}

export interface CodegenOptions {
  /**
   * Only templates with one of these statuses; default `["APPROVED"]` (a REJECTED or PENDING
   * template cannot be sent). `"any"` keeps every template.
   */
  readonly statuses?: readonly string[] | "any";
  /** Named in the header comment. */
  readonly source?: string;
}

type Shape = Omit<TemplateDefinition, "languages">;

const placeholders = (text: string | undefined): string[] =>
  text === undefined ? [] : [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] as string);

/**
 * The most positional variables one template may have here. Meta documents no number; real
 * templates have a handful, and a bound keeps `{{30000000}}` from allocating for half a minute.
 */
const maxPositional = 100;

/** The variable parts of one template, as `defineTemplates` describes them. */
function shapeOf(template: TemplateExport): Shape {
  const shape: { -readonly [K in keyof Shape]: Shape[K] } = {};
  const named = template.parameter_format === "NAMED";
  const category = template.category?.toUpperCase();
  // An authentication template cannot go to a business-scoped user id alone: the types need to know.
  if (category === "MARKETING" || category === "UTILITY" || category === "AUTHENTICATION") shape.category = category;
  for (const component of template.components) {
    const type = component.type.toUpperCase();
    if (type === "HEADER") {
      const format = (component.format ?? "TEXT").toLowerCase();
      const [variable] = placeholders(component.text);
      if (format !== "text") shape.header = format as HeaderKind;
      else if (variable !== undefined) shape.header = named ? { text: variable } : "text";
    } else if (type === "BODY") {
      const names = [...new Set(placeholders(component.text))];
      if (names.length === 0) continue;
      // The template list does not say which variables are currency or date_time; every
      // variable accepts text, so codegen writes "text" (edit the kinds if you send others).
      if (named) shape.body = Object.fromEntries(names.map((name): [string, BodyKind] => [name, "text"]));
      else {
        const count = Math.max(...names.map(Number));
        if (!Number.isSafeInteger(count) || count < 1 || count > maxPositional) {
          const odd = names.find((name) => !/^\d+$/.test(name) || Number(name) < 1 || Number(name) > maxPositional);
          throw new Error(
            `template ${JSON.stringify(template.name)}: positional placeholders are {{1}} to {{${maxPositional}}}, got {{${odd ?? count}}}`,
          );
        }
        shape.body = Array.from({ length: count }, (): BodyKind => "text");
      }
    } else if (type === "LIMITED_TIME_OFFER") {
      shape.limitedTimeOffer = true;
    } else if (type === "CAROUSEL") {
      // Every card of a carousel has the same parameters [M-CAR-T]: the first card's are the cards'.
      const cards = component.cards ?? [];
      const [first, ...rest] = cards.map((card) =>
        JSON.stringify(
          shapeOf({
            name: template.name,
            language: template.language,
            ...(named ? { parameter_format: "NAMED" as const } : {}),
            components: card.components,
          }),
        ),
      );
      if (rest.some((other) => other !== first))
        throw new Error(`template ${JSON.stringify(template.name)}: its carousel cards have different parameters`);
      shape.carousel = { cards: cards.length, ...(first === undefined ? {} : (JSON.parse(first) as Shape)) };
    } else if (type === "BUTTONS") {
      const buttons: { [index: number]: ButtonKind } = {};
      (component.buttons ?? []).forEach((button, index) => {
        const kind = buttonKind(button);
        if (kind !== undefined) buttons[index] = kind;
      });
      if (Object.keys(buttons).length > 0) shape.buttons = buttons;
    }
  }
  return shape;
}

/** The kind of a button that takes a parameter when sent; undefined for static buttons. */
function buttonKind(button: { readonly type: string; readonly url?: string }): ButtonKind | undefined {
  switch (button.type.toUpperCase()) {
    case "QUICK_REPLY":
      return "quick_reply";
    case "URL":
      return placeholders(button.url).length > 0 ? "url" : undefined;
    case "COPY_CODE":
      return "copy_code";
    case "FLOW":
      return "flow";
    case "CATALOG":
      return "catalog";
    case "MPM":
      return "mpm";
    default:
      return undefined; // PHONE_NUMBER, OTP, static URL: nothing to send
  }
}

/**
 * A string literal in generated code. `JSON.stringify` escapes `\n` and `\r` but not U+2028 and
 * U+2029, which end a line in JavaScript: escaped here too, so no name can end a comment or a line.
 */
const literal = (text: string): string =>
  JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/**
 * An object key in generated code, written as data: a name that is not a plain identifier is a
 * string literal, and `__proto__` is computed (`["__proto__"]`), which makes an own property
 * where a plain `__proto__:` would set the object's prototype and the template would vanish.
 */
const key = (name: string): string =>
  name === "__proto__" ? `[${literal(name)}]` : /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name);

const quoted = (items: readonly string[]): string => `[${items.map(literal).join(", ")}]`;

function render(definition: TemplateDefinition): string {
  const parts = [`languages: ${quoted(definition.languages)}`];
  if (definition.category !== undefined) parts.push(`category: ${literal(definition.category)}`);
  parts.push(...renderParts(definition));
  if (definition.limitedTimeOffer === true) parts.push("limitedTimeOffer: true");
  if (definition.carousel !== undefined)
    parts.push(`carousel: { ${[`cards: ${definition.carousel.cards}`, ...renderParts(definition.carousel)].join(", ")} }`);
  return `{ ${parts.join(", ")} }`;
}

/** The header, body and buttons of a template or of its carousel's cards. */
function renderParts(definition: CardDefinition): string[] {
  const parts: string[] = [];
  const header = definition.header;
  if (typeof header === "string") parts.push(`header: ${literal(header)}`);
  else if (header !== undefined) parts.push(`header: { text: ${literal(header.text)} }`);
  if (Array.isArray(definition.body)) parts.push(`body: ${quoted(definition.body)}`);
  else if (definition.body !== undefined) {
    parts.push(
      `body: { ${Object.entries(definition.body)
        .map(([name, kind]) => `${key(name)}: ${literal(kind)}`)
        .join(", ")} }`,
    );
  }
  if (definition.buttons !== undefined) {
    parts.push(
      `buttons: { ${Object.entries(definition.buttons)
        .map(([index, kind]) => `${index}: ${literal(kind)}`)
        .join(", ")} }`,
    );
  }
  return parts;
}

/** The type a JSON value has, as an error message says it. */
const typeOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** Throws a TypeError naming the path when a field codegen reads has the wrong JSON type (an export edited by hand, another API's JSON). */
function expectType(value: unknown, type: "string" | "array" | "object", path: string, optional = false): void {
  if (optional && value === undefined) return;
  if (typeOf(value) !== type)
    throw new TypeError(
      `${path}: expected ${type === "array" ? "an array" : `a${type === "object" ? "n" : ""} ${type}`}, got ${typeOf(value)}`,
    );
}

/** Checks the fields codegen reads, before it reads them: a wrong type is an error at its path, not a crash inside. */
function checkTemplate(template: unknown, path: string): void {
  expectType(template, "object", path);
  const { name, language, status, category, parameter_format, components } = template as Record<string, unknown>;
  expectType(name, "string", `${path}.name`);
  expectType(language, "string", `${path}.language`);
  expectType(status, "string", `${path}.status`, true);
  expectType(category, "string", `${path}.category`, true);
  expectType(parameter_format, "string", `${path}.parameter_format`, true);
  expectType(components, "array", `${path}.components`);
  for (const [index, component] of (components as unknown[]).entries()) checkComponent(component, `${path}.components[${index}]`);
}

function checkComponent(component: unknown, path: string): void {
  expectType(component, "object", path);
  const { type, format, text, buttons, cards } = component as Record<string, unknown>;
  expectType(type, "string", `${path}.type`);
  expectType(format, "string", `${path}.format`, true);
  expectType(text, "string", `${path}.text`, true);
  expectType(buttons, "array", `${path}.buttons`, true);
  (Array.isArray(buttons) ? buttons : []).forEach((button, index) => {
    expectType(button, "object", `${path}.buttons[${index}]`);
    expectType((button as Record<string, unknown>).type, "string", `${path}.buttons[${index}].type`);
    expectType((button as Record<string, unknown>).url, "string", `${path}.buttons[${index}].url`, true);
  });
  expectType(cards, "array", `${path}.cards`, true);
  (Array.isArray(cards) ? cards : []).forEach((card, index) => {
    expectType(card, "object", `${path}.cards[${index}]`);
    const inner = (card as Record<string, unknown>).components;
    expectType(inner, "array", `${path}.cards[${index}].components`);
    // A carousel card holds header, body and buttons, never another carousel: one level, no recursion on input depth.
    (inner as unknown[]).forEach((part, at) => {
      checkComponent(part, `${path}.cards[${index}].components[${at}]`);
      if (typeOf((part as Record<string, unknown>).cards) !== "undefined")
        throw new TypeError(`${path}.cards[${index}].components[${at}]: a carousel card cannot hold another carousel`);
    });
  });
}

/**
 * Writes the `defineTemplates` module for the templates of a WhatsApp Business account, as
 * exported by `GET /{waba-id}/message_templates`. Languages of one template are merged; a
 * template whose languages differ in shape is an error that names them.
 *
 * @example
 * const source = generateTemplates(JSON.parse(readFileSync("message_templates.json", "utf8")));
 */
export function generateTemplates(list: TemplateListExport, options: CodegenOptions = {}): string {
  if (typeof list !== "object" || list === null || !Array.isArray(list.data)) {
    throw new TypeError('expected the JSON of GET /{waba-id}/message_templates: an object with a "data" array');
  }
  for (const [index, template] of list.data.entries()) checkTemplate(template, `data[${index}]`);
  const definitions = new Map<string, { languages: string[]; shape: Shape; shapeJson: string; firstLanguage: string }>();
  for (const template of list.data) {
    const statuses = options.statuses ?? ["APPROVED"];
    // A template without a status is not known to be sendable: kept with "any" only.
    if (statuses !== "any" && (template.status === undefined || !statuses.includes(template.status.toUpperCase()))) continue;
    const shape = shapeOf(template);
    const shapeJson = JSON.stringify(shape);
    const known = definitions.get(template.name);
    if (known === undefined)
      definitions.set(template.name, { languages: [template.language], shape, shapeJson, firstLanguage: template.language });
    else if (known.shapeJson !== shapeJson) {
      throw new Error(
        `template "${template.name}": its ${known.firstLanguage} and ${template.language} versions have different parameters; make them match, or rename one`,
      );
    } else if (!known.languages.includes(template.language)) known.languages.push(template.language);
  }
  const entries = [...definitions.entries()].sort(([a], [b]) => a.localeCompare(b));
  const body = entries.map(
    ([name, { languages, shape }]) => `  ${key(name)}: ${render({ languages: languages as [string, ...string[]], ...shape })},`,
  );
  return [
    // The source is a file name: written as a string literal, so no line terminator in it can end the comment.
    `// Generated by \`wacompose templates\`${options.source ? ` from ${literal(options.source)}` : ""}. Do not edit: run it again when templates change.`,
    'import { defineTemplates } from "@wacompose/builder";',
    "",
    "export const templates = defineTemplates({",
    ...body,
    "});",
    "",
  ].join("\n");
}
