import type { ButtonKind, HeaderKind } from "../builders/template/definitions.js";
import type { TemplateCreationEntry } from "./definition.js";

/** A body variable of a creation definition at runtime: text, currency or date_time, told apart by the value. */
export const anyBodyKind = "any";

/** The summary a send reads from a creation definition, as the types do; `code` is the OTP button's index. */
export interface RuntimeShape extends RuntimeCard {
  readonly languages: readonly string[];
  readonly category?: string;
  readonly code?: number;
  readonly limitedTimeOffer?: true;
  readonly carousel?: RuntimeCard & { readonly cards: number };
}

/** The parameters of a template or of each carousel card; a summary's `BodyKind`s, or `"any"`. */
export interface RuntimeCard {
  readonly header?: HeaderKind | { readonly text: string };
  readonly body?: readonly string[] | { readonly [name: string]: string };
  readonly buttons?: { readonly [index: string]: ButtonKind };
}

type Loose = { readonly [key: string]: unknown };
const loose = (value: unknown): Loose => (typeof value === "object" && value !== null ? (value as Loose) : {});
const upper = (value: unknown): string => (typeof value === "string" ? value.toUpperCase() : "");
const placeholder = /\{\{([A-Za-z0-9_]+)\}\}/g;
const names = (text: unknown): string[] =>
  typeof text === "string" ? [...new Set(Array.from(text.matchAll(placeholder), (m) => m[1] as string))] : [];

/** Header, body and buttons of a template's (or a card's) components. */
function parts(components: unknown, named: boolean): RuntimeCard {
  const shape: { -readonly [K in keyof RuntimeCard]: RuntimeCard[K] } = {};
  for (const component of Array.isArray(components) ? components.map(loose) : []) {
    const type = upper(component.type);
    if (type === "HEADER") {
      const format = upper(component.format);
      const [variable] = names(component.text);
      if (format === "TEXT") {
        if (variable !== undefined) shape.header = named ? { text: variable } : "text";
      } else if (["IMAGE", "VIDEO", "DOCUMENT", "LOCATION"].includes(format)) shape.header = format.toLowerCase() as HeaderKind;
      else if (format === "GIF") shape.header = "video";
    } else if (type === "BODY") {
      const variables = names(component.text);
      if (variables.length > 0)
        shape.body = named ? Object.fromEntries(variables.map((name) => [name, anyBodyKind])) : variables.map(() => anyBodyKind);
    } else if (type === "BUTTONS") {
      const buttons: { [index: string]: ButtonKind } = {};
      (Array.isArray(component.buttons) ? component.buttons.map(loose) : []).forEach((button, index) => {
        const kind = upper(button.type);
        if (kind === "QUICK_REPLY") buttons[index] = "quick_reply";
        else if (kind === "URL" && names(button.url).length > 0) buttons[index] = "url";
        else if (["COPY_CODE", "FLOW", "CATALOG", "MPM"].includes(kind)) buttons[index] = kind.toLowerCase() as ButtonKind;
      });
      if (Object.keys(buttons).length > 0) shape.buttons = buttons;
    }
  }
  return shape;
}

/** Reads a creation definition (one language or several) the way `msg.with(templates)` sends it. */
export function sendShapeOf(entry: TemplateCreationEntry): RuntimeShape {
  const list = (Array.isArray(entry) ? entry : [entry]).map(loose);
  const first = list[0] ?? {};
  const languages = list.map((one) => one.language).filter((language): language is string => typeof language === "string");
  const category = upper(first.category);
  const components = Array.isArray(first.components) ? first.components.map(loose) : [];
  if (category === "AUTHENTICATION") {
    const buttons = components.find((component) => upper(component.type) === "BUTTONS")?.buttons;
    const index = Array.isArray(buttons) ? buttons.findIndex((button) => upper(loose(button).type) === "OTP") : -1;
    return { languages, category, code: index === -1 ? 0 : index };
  }
  const named = upper(first.parameter_format) === "NAMED";
  const shape: { -readonly [K in keyof RuntimeShape]: RuntimeShape[K] } = { languages, category, ...parts(components, named) };
  if (components.some((component) => upper(component.type) === "LIMITED_TIME_OFFER")) shape.limitedTimeOffer = true;
  const carousel = components.find((component) => upper(component.type) === "CAROUSEL");
  if (carousel !== undefined) {
    const cards = Array.isArray(carousel.cards) ? carousel.cards.map(loose) : [];
    shape.carousel = { cards: cards.length, ...parts(cards[0]?.components, named) };
  }
  return shape;
}
