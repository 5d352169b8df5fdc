import { escapeHtml as e } from "./escape.js";

type Json = { readonly [key: string]: unknown };
const isJson = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const obj = (value: unknown): Json => (isJson(value) ? value : {});
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** Flow JSON allows 50 components per screen and 200 dropdown entries; a hostile document gets no more drawn than that. */
const maxComponents = 50;
const maxOptions = 200;
/** The longest text a Flow JSON component holds (TextBody, TextCaption: 4,096); longer strings are cut. */
const maxText = 4096;

export interface FlowScreenOptions {
  /** The screen's `${data.x}` values (from the message's `flow_action_payload`, a `navigate` payload or the endpoint). */
  readonly data?: { readonly [key: string]: unknown };
  /** Draw enabled inputs a person can fill (the emulator's inbox); by default they are drawn disabled, as a picture. */
  readonly fillable?: boolean;
}

/** A property's value with a `${data.x}` reference resolved; a `${form.x}` or an expression has no value to show yet. */
function resolve(value: unknown, data: Json): unknown {
  if (typeof value !== "string") return value;
  const reference = /^\$\{data\.([A-Za-z0-9_]+)\}$/.exec(value);
  if (reference !== null) return data[reference[1] ?? ""];
  return /^\$\{|^`/.test(value) ? "" : value;
}

const text = (value: unknown): string => {
  const shown = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
  return e(shown.length > maxText ? `${shown.slice(0, maxText)}…` : shown);
};

/** A picker's entries `{ id, title, description? }`, from a literal list or a `${data.x}` reference. */
function options(component: Json, data: Json): readonly { readonly id: string; readonly title: string; readonly description?: unknown }[] {
  return list(resolve(component["data-source"], data))
    .slice(0, maxOptions)
    .map(obj)
    .filter((entry) => typeof entry.id === "string")
    .map((entry) => ({ id: String(entry.id), title: String(entry.title ?? entry.id), description: entry.description }));
}

/** One component as HTML; every string from the flow (labels, ids, data) is escaped. */
function component(value: unknown, data: Json, disabled: string): string {
  const c = obj(value);
  const name = text(c.name);
  const label = text(resolve(c.label, data));
  const required = c.required === true ? " required" : "";
  const field = (control: string): string => `<label class="wa-flow-field">${label}${control}</label>`;
  switch (c.type) {
    case "TextHeading":
      return `<h3 class="wa-flow-heading">${text(resolve(c.text, data))}</h3>`;
    case "TextSubheading":
      return `<h4 class="wa-flow-subheading">${text(resolve(c.text, data))}</h4>`;
    case "TextBody":
    case "TextCaption":
      return `<p class="wa-flow-text">${text(resolve(c.text, data))}</p>`;
    case "TextInput": {
      const type = c["input-type"] === "number" ? "number" : c["input-type"] === "email" ? "email" : "text";
      return field(`<input name="${name}" type="${type}"${required}${disabled}>`);
    }
    case "TextArea":
      return field(`<textarea name="${name}"${required}${disabled}></textarea>`);
    case "DatePicker":
      return field(`<input name="${name}" placeholder="YYYY-MM-DD"${required}${disabled}>`);
    case "Dropdown":
      return field(
        `<select name="${name}"${required}${disabled}><option value=""></option>${options(c, data)
          .map((o) => `<option value="${e(o.id)}">${e(o.title)}</option>`)
          .join("")}</select>`,
      );
    case "RadioButtonsGroup":
    case "CheckboxGroup": {
      const kind = c.type === "RadioButtonsGroup" ? "radio" : "checkbox";
      const choices = options(c, data).map(
        (o) => `<label><input type="${kind}" name="${name}" value="${e(o.id)}"${disabled}> ${e(o.title)}</label>`,
      );
      return `<fieldset class="wa-flow-choices" data-name="${name}"><legend>${label}</legend>${choices.join("")}</fieldset>`;
    }
    case "OptIn":
      return `<label class="wa-flow-optin"><input type="checkbox" name="${name}" value="true"${required}${disabled}> ${label}</label>`;
    case "Footer":
      return `<button class="wa-flow-submit" type="submit"${disabled}>${label}</button>`;
    default:
      return `<small class="wa-flow-other">${text(c.type)}</small>`;
  }
}

/** A screen's components, a `Form`'s children (Flow JSON before 4.0) in its place; at most 50. */
export function flowComponents(screen: unknown): readonly unknown[] {
  return list(obj(obj(screen).layout).children)
    .flatMap((child) => (obj(child).type === "Form" ? list(obj(child).children) : [child]))
    .slice(0, maxComponents);
}

/**
 * One screen of a flow (an element of Flow JSON's `screens`) as HTML: its title, text, inputs and
 * Footer button. Style it with `previewStyles`. Every string is escaped.
 */
export function renderFlowScreen(screen: unknown, options: FlowScreenOptions = {}): string {
  const data = obj(options.data);
  const disabled = options.fillable === true ? "" : " disabled";
  const s = obj(screen);
  const title = s.title === undefined ? "" : `<div class="wa-flow-title">${text(resolve(s.title, data))}</div>`;
  const body = flowComponents(screen)
    .map((child) => component(child, data, disabled))
    .join("");
  return `<div class="wa-flow-screen" data-screen="${text(s.id)}">${title}${body}</div>`;
}
