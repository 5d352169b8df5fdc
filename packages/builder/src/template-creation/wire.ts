import type { TemplateCreateBody, TemplateCreation } from "./definition.js";
import { createBodyFields } from "./fields.js";

type Json = { readonly [key: string]: unknown };
const isJson = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const upperIfText = (value: unknown): unknown => (typeof value === "string" ? value.toUpperCase() : value);
/** A fresh copy that shares nothing with its source, as JSON.stringify sees it (own properties, no undefined). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Enums in upper case, as the API answers them: component type and format, button type and otp_type. */
function canonicalComponent(component: Json): Json {
  const out: { [key: string]: unknown } = { ...component, type: upperIfText(component.type) };
  if (component.format !== undefined) out.format = upperIfText(component.format);
  if (Array.isArray(component.buttons))
    out.buttons = component.buttons.map((button: unknown) => {
      if (!isJson(button)) return button;
      const next: { [key: string]: unknown } = { ...button, type: upperIfText(button.type) };
      if (button.otp_type !== undefined) next.otp_type = upperIfText(button.otp_type);
      return next;
    });
  if (Array.isArray(component.cards))
    out.cards = component.cards.map((card: unknown) =>
      isJson(card) && Array.isArray(card.components)
        ? { ...card, components: card.components.map((part: unknown) => (isJson(part) ? canonicalComponent(part) : part)) }
        : card,
    );
  return out;
}

/** The fields of a create body other than `name`, in the order Meta documents them. */
const creationFields = createBodyFields.slice(1) as readonly Exclude<(typeof createBodyFields)[number], "name">[];

function createBody(name: string, definition: TemplateCreation): TemplateCreateBody {
  const body: { [key: string]: unknown } = { name };
  for (const key of creationFields) {
    const value = definition[key];
    if (value === undefined) continue;
    if (key === "category" || key === "parameter_format") body[key] = upperIfText(value);
    else if (key === "components") body[key] = (value as readonly unknown[]).map((c) => (isJson(c) ? canonicalComponent(c) : c));
    else body[key] = value;
  }
  return copy(body) as unknown as TemplateCreateBody;
}

/**
 * The body(s) to POST to `/{waba}/message_templates` for a creation definition: `name` added,
 * enums in upper case. A definition with several languages gives one body per language.
 * Check a body with `checkTemplateCreation` before sending it.
 *
 * @example
 * templateCreateBody("order_update", templates.order_update); // { name: "order_update", language: "en_US", category: "UTILITY", components: [...] }
 */
export function templateCreateBody(name: string, definition: TemplateCreation): TemplateCreateBody;
export function templateCreateBody(name: string, definition: readonly TemplateCreation[]): TemplateCreateBody[];
export function templateCreateBody(
  name: string,
  definition: TemplateCreation | readonly TemplateCreation[],
): TemplateCreateBody | TemplateCreateBody[] {
  if (typeof name !== "string") throw new TypeError(`templateCreateBody: name must be a string, got ${typeof name}`);
  if (Array.isArray(definition)) return definition.map((one: TemplateCreation) => createBody(name, one));
  if (!isJson(definition)) throw new TypeError(`templateCreateBody("${name}"): expected a creation definition (an object)`);
  return createBody(name, definition as TemplateCreation);
}

/** Meta's fixed authentication texts, as a GET returns them in place of the creation flags [AUTH]. */
const securitySentence = /for your security, do not share this code/i;
const expiresIn = /expires in (\d+) minutes?/i;

/**
 * The creation definition of a template node from `GET /{waba}/message_templates`: the
 * creation fields only (id, name, status, quality, rejection and category-review fields are
 * dropped), enums in upper case. `definitionFromTemplate(templateCreateBody(name, d))` gives `d`
 * back with its enums in upper case. An AUTHENTICATION node's OTP button (returned as URL) and
 * fixed texts are read back into `OTP`, `add_security_recommendation` and
 * `code_expiration_minutes` (best effort: Meta does not document the GET form).
 *
 * @example
 * const definitions = list.data.map(definitionFromTemplate);
 */
export function definitionFromTemplate(node: unknown): TemplateCreation {
  if (!isJson(node))
    throw new TypeError(
      `definitionFromTemplate: expected a template node (an object), got ${node === null ? "null" : Array.isArray(node) ? "array" : typeof node}`,
    );
  const where = `definitionFromTemplate(${typeof node.name === "string" ? JSON.stringify(node.name.slice(0, 60)) : "template"})`;
  if (typeof node.language !== "string") throw new TypeError(`${where}: language must be a string`);
  if (typeof node.category !== "string") throw new TypeError(`${where}: category must be a string`);
  if (!Array.isArray(node.components)) throw new TypeError(`${where}: components must be an array`);
  const category = node.category.toUpperCase();
  const definition: { [key: string]: unknown } = {};
  for (const key of creationFields) {
    const value = node[key];
    if (value === undefined || value === null) continue;
    // POSITIONAL is the default, and Meta lists it on every template: left out, as a definition leaves it out.
    if (key === "parameter_format" && upperIfText(value) === "POSITIONAL") continue;
    if (key === "category" || key === "parameter_format") definition[key] = upperIfText(value);
    else if (key === "components")
      definition[key] = (value as readonly unknown[]).map((component, index) => {
        if (!isJson(component)) throw new TypeError(`${where}: components[${index}] must be an object`);
        const canonical = canonicalComponent(component);
        return category === "AUTHENTICATION" ? authenticationComponent(canonical) : canonical;
      });
    else definition[key] = value;
  }
  return copy(definition) as unknown as TemplateCreation;
}

function authenticationComponent(component: Json): Json {
  if (component.type === "BUTTONS" && Array.isArray(component.buttons))
    return { ...component, buttons: component.buttons.map((button: unknown) => (isJson(button) ? otpButton(button) : button)) };
  const { text, ...rest } = component;
  if (typeof text !== "string") return component;
  if (component.type === "BODY")
    return securitySentence.test(text) && rest.add_security_recommendation === undefined
      ? { ...rest, add_security_recommendation: true }
      : rest;
  if (component.type === "FOOTER") {
    const minutes = expiresIn.exec(text)?.[1];
    return minutes !== undefined && rest.code_expiration_minutes === undefined
      ? { ...rest, code_expiration_minutes: Number(minutes) }
      : rest;
  }
  return component;
}

/** A GET answers an OTP button as a URL button whose link carries `otp_type` [TC]; read it back. */
function otpButton(button: Json): Json {
  if (button.type !== "URL") return button;
  const { url, ...rest } = button;
  const otpType = typeof url === "string" ? /[?&]otp_type=([A-Za-z_]+)/.exec(url)?.[1] : undefined;
  return { ...rest, type: "OTP", otp_type: (otpType ?? "COPY_CODE").toUpperCase() };
}
