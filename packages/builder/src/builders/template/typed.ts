import { withArticle } from "../../article.js";
import type { Issue } from "../../issue.js";
import { templateRules } from "../../rules/quick/template.generated.js";
import { kindOf } from "../../rules/report.js";
import type { TemplateCreationEntry } from "../../template-creation/definition.js";
import { anyBodyKind, type RuntimeCard, type RuntimeShape, sendShapeOf } from "../../template-creation/send-shape.js";
import type { CategoryOf } from "../../template-creation/send-values.js";
import type { BusinessScopedId, PhoneNumber } from "../../type-checks.js";
import type { MediaSource, TemplateMessage } from "../../wire/index.js";
import { objectArgument } from "../arguments.js";
import { type Addressing, addressedTo } from "../message-base.js";
import { MessageBuilder } from "../message-builder.js";
import type { ButtonKind, TemplateDefinition, TemplateDefinitions, TemplateValues } from "./definitions.js";
import type { BodyParameters, Currency, DateTime, TemplateLocation } from "./parameters.js";
import { type MultiProduct, renderTemplate, TemplateBuilder, type TemplateCards } from "./template-builder.js";

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const mismatchesKey: unique symbol = Symbol();
const templatesKey: unique symbol = Symbol();
const addressingKey: unique symbol = Symbol();

/**
 * A template message built from a typed definition. Besides the API's rules, `.build()`
 * checks the values against the definition, for callers the types could not check.
 */
class TypedTemplate extends MessageBuilder<TemplateMessage> {
  declare private readonly [mismatchesKey]: readonly Issue[];

  constructor(addressing: Addressing, render: () => TemplateMessage["template"], mismatches: readonly Issue[]) {
    super(addressing, templateRules, render);
    this[mismatchesKey] = mismatches;
  }

  protected override withAddressing(addressing: Addressing): this {
    return new TypedTemplate(addressing, () => this.render(), this[mismatchesKey]) as this; // same class
  }

  /** Values that match the definition leave only the API's rules. */
  protected override passes(body: TemplateMessage): boolean {
    return this[mismatchesKey].length === 0 && super.passes(body);
  }

  protected override issuesOf(body: TemplateMessage): readonly Issue[] {
    const issues = super.issuesOf(body);
    return this[mismatchesKey].length === 0 ? issues : [...this[mismatchesKey], ...issues];
  }
}

/** The templates of `T` that are not authentication templates. */
type NotAuthentication<T extends TemplateDefinitions> = {
  readonly [K in keyof T as CategoryOf<T[K]> extends "AUTHENTICATION" ? never : K]: T[K];
};

/** Template messages typed by an app's definitions. Returned by `msg.with(templates).to(n)`. */
export class TypedRecipient<T extends TemplateDefinitions> {
  declare private readonly [templatesKey]: T;
  declare private readonly [addressingKey]: Addressing;

  /** @internal */
  constructor(templates: T, addressing: Addressing) {
    this[templatesKey] = templates;
    this[addressingKey] = addressing;
  }

  /**
   * A template by name with exactly its parameters: an unknown name, a missing, extra or
   * wrongly typed parameter is a compile error.
   *
   * @example
   * msg.with(templates).to(n).template("order_update", { header: { link }, body: ["Ana", { fallback: "$5", code: "USD", amount1000: 5000 }], buttons: { 0: "STOP" } })
   */
  template<Name extends keyof T & string>(name: Name, values: TemplateValues<T[Name]>): MessageBuilder<TemplateMessage> {
    // Own keys only: a name like "toString" is not a definition Object's prototype happens to have.
    const entry: TemplateDefinition | TemplateCreationEntry | undefined = Object.hasOwn(this[templatesKey], name)
      ? this[templatesKey][name]
      : undefined;
    // A creation definition (Meta's create body) is read as the summary its texts imply.
    const definition: RuntimeShape | undefined =
      entry === undefined || (!Array.isArray(entry) && "languages" in entry)
        ? (entry as TemplateDefinition | undefined)
        : sendShapeOf(entry as TemplateCreationEntry);
    const mismatches: Issue[] = [];
    if (definition === undefined) {
      mismatches.push({
        path: "template.name",
        code: "invalid_value",
        severity: "error",
        message: `"${name}" is not one of the defined templates (${Object.keys(this[templatesKey]).join(", ")})`,
      });
      return new TypedTemplate(this[addressingKey], () => ({ name, language: { code: "" } }), mismatches);
    }
    if (definition.category?.toUpperCase() === "AUTHENTICATION" && (this[addressingKey].to === undefined || this[addressingKey].group))
      mismatches.push({
        path: "template.name",
        code: "invalid_value",
        severity: "error",
        message: `"${name}" is an authentication template: it needs a phone number in to (the API refuses it for a business-scoped user id, error 131062, and in groups)`,
      });
    const builder = fill(
      new TemplateBuilder(this[addressingKey], name),
      definition,
      objectArgument(values, `template "${name}" values`) as Values,
      mismatches,
      name,
    );
    return new TypedTemplate(this[addressingKey], () => renderTemplate(builder), mismatches);
  }
}

/** The values as the runtime sees them (any shape, from untyped callers too). */
type Values = {
  readonly language?: unknown;
  readonly header?: unknown;
  readonly body?: unknown;
  readonly buttons?: { readonly [index: string]: unknown };
  readonly offerExpiresAt?: unknown;
  readonly cards?: unknown;
  readonly code?: unknown;
};

/** Applies typed values to a template builder, recording where they do not match the definition. */
function fill(
  start: TemplateBuilder<false, never>,
  definition: RuntimeShape,
  values: Values,
  mismatches: Issue[],
  name: string,
): TemplateBuilder<boolean, number> {
  const mismatch = (path: string, message: string): void => {
    mismatches.push({ path, code: "invalid_value", severity: "error", message: `${message} (template "${name}" as defined)` });
  };
  const language = values.language ?? (definition.languages.length === 1 ? definition.languages[0] : undefined);
  if (typeof language !== "string" || !definition.languages.includes(language)) {
    mismatch("template.language.code", `expected one of ${definition.languages.join(", ")}, got ${JSON.stringify(language)}`);
  }
  let builder: TemplateBuilder<boolean, number> = start.language(typeof language === "string" ? language : "");

  if (definition.code !== undefined) {
    // An authentication template: the code is the body's one variable and the OTP button's parameter.
    if (typeof values.code !== "string") {
      mismatch("template.components.body", `an authentication template needs code (a string), got ${kindOf(values.code)}`);
      return builder;
    }
    const code = values.code;
    return builder.body((p) => p.text(code)).urlButton(definition.code, code);
  }
  builder = fillParts(builder, definition, values, mismatch, "template.components");
  if (definition.limitedTimeOffer === true) {
    const expiresAt = values.offerExpiresAt;
    if (expiresAt instanceof Date || typeof expiresAt === "number") builder = builder.limitedTimeOffer(expiresAt);
    else
      mismatch(
        "template.components.limited_time_offer",
        `a limited-time offer needs offerExpiresAt (a Date or Unix milliseconds), got ${kindOf(expiresAt)}`,
      );
  } else if (values.offerExpiresAt !== undefined)
    mismatch("template.components.limited_time_offer", "this template has no limited-time offer");

  if (definition.carousel !== undefined) {
    const card = definition.carousel;
    const cards = values.cards;
    if (!Array.isArray(cards) || cards.length !== card.cards)
      mismatch("template.components.cards", `expected ${card.cards} cards, got ${Array.isArray(cards) ? cards.length : kindOf(cards)}`);
    else
      builder = builder.carousel(
        (c) =>
          cards.reduce(
            (all: TemplateCards<readonly unknown[]>, value: unknown, index) =>
              (all as TemplateCards).card(
                (start) =>
                  fillParts(
                    start,
                    card,
                    objectArgument(value as Values, `cards[${index}]`),
                    mismatch,
                    `template.components.cards[${index}]`,
                  ) as TemplateBuilder<true, number>,
              ),
            c,
          ) as TemplateCards<readonly [unknown, ...unknown[]]>,
      );
  } else if (values.cards !== undefined) mismatch("template.components.cards", "this template is not a carousel");
  return builder;
}

/** Header, body and button values onto a template (or a carousel card), mismatches named under `at`. */
function fillParts(
  start: TemplateBuilder<boolean, number>,
  definition: RuntimeCard,
  values: Values,
  mismatch: (path: string, message: string) => void,
  at: string,
): TemplateBuilder<boolean, number> {
  let builder = start;
  if (definition.header !== undefined) {
    const header = values.header;
    const kind = typeof definition.header === "string" ? definition.header : "text";
    const name = typeof definition.header === "string" ? undefined : definition.header.text;
    if (kind === "text" ? typeof header !== "string" : typeof header !== "object" || header === null) {
      mismatch(`${at}.header`, `expected ${withArticle(kind)} header parameter, got ${kindOf(header)}`);
    } else {
      builder = builder.header((p) =>
        kind === "text"
          ? p.text(header as string, name === undefined ? {} : { name })
          : kind === "location"
            ? p.location(header as TemplateLocation)
            : p[kind](header as MediaSource),
      );
    }
  } else if (values.header !== undefined) mismatch(`${at}.header`, "this template has no header parameter");

  if (definition.body !== undefined) builder = fillBody(builder, definition.body, values.body, mismatch, at);
  else if (values.body !== undefined) mismatch(`${at}.body`, "this template has no body parameters");

  const buttons = values.buttons ?? {};
  const defined = definition.buttons ?? {};
  for (const index of Object.keys(buttons)) {
    if (!(index in defined)) mismatch(`${at}.buttons[${index}]`, `no button with a parameter at index ${index}`);
  }
  for (const [index, kind] of Object.entries(defined) as [string, ButtonKind][]) {
    const value = buttons[index];
    if (value === undefined) {
      // A quick reply left out keeps the payload the template was approved with.
      if (kind !== "quick_reply") mismatch(`${at}.buttons[${index}]`, `the ${kind} button at index ${index} needs a value`);
      continue;
    }
    builder = fillButton(builder, kind, Number(index), value);
  }
  return builder;
}

function fillBody(
  builder: TemplateBuilder<boolean, number>,
  kinds: RuntimeShape["body"] & object,
  value: unknown,
  mismatch: (path: string, message: string) => void,
  at: string,
): TemplateBuilder<boolean, number> {
  const named = !Array.isArray(kinds);
  const entries: [string | undefined, string][] = named
    ? Object.entries(kinds)
    : (kinds as readonly string[]).map((kind) => [undefined, kind]);
  const given: unknown[] = [];
  if (named) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      mismatch(`${at}.body`, `expected an object of named parameters (${entries.map(([n]) => n).join(", ")}), got ${kindOf(value)}`);
      return builder;
    }
    const record = value as { readonly [name: string]: unknown };
    for (const key of Object.keys(record)) if (!(key in kinds)) mismatch(`${at}.body.${key}`, "is not a parameter of this template");
    for (const [key] of entries) given.push(record[key as string]);
  } else {
    if (!Array.isArray(value) || value.length !== entries.length) {
      const count = Array.isArray(value) ? `${value.length} parameters` : kindOf(value);
      mismatch(`${at}.body`, `expected ${entries.length} parameters (${entries.map(([, k]) => k).join(", ")}), got ${count}`);
      return builder;
    }
    given.push(...value);
  }
  let ok = true;
  entries.forEach(([key, kind], i) => {
    const item = given[i];
    const fits =
      kind === "text"
        ? typeof item === "string"
        : kind === anyBodyKind
          ? typeof item === "string" || (typeof item === "object" && item !== null)
          : typeof item === "object" && item !== null;
    if (!fits) {
      ok = false;
      const expected = kind === anyBodyKind ? "a text, currency or date_time" : withArticle(kind);
      mismatch(`${at}.body.${key ?? `parameters[${i}]`}`, `expected ${expected} parameter, got ${kindOf(item)}`);
    }
  });
  if (!ok) return builder;
  return builder.body((p) =>
    entries.reduce((parameters: BodyParameters, [key, kind], i) => {
      const item = given[i];
      const options = key === undefined ? {} : { name: key };
      if (kind === "text" || (kind === anyBodyKind && typeof item === "string")) return parameters.text(item as string, options);
      // A creation definition's variable takes any of the three: a currency is the value with an amount.
      if (kind === "currency" || (kind === anyBodyKind && "amount1000" in (item as object)))
        return parameters.currency(item as Currency, options);
      return parameters.dateTime(item as DateTime, options);
    }, p),
  );
}

function fillButton(
  builder: TemplateBuilder<boolean, number>,
  kind: ButtonKind,
  index: number,
  value: unknown,
): TemplateBuilder<boolean, number> {
  // Loosely typed inside: the definition's types already checked the value for typed callers,
  // and validate() reports wrong shapes for the others.
  const loose = builder as TemplateBuilder<true, never>;
  switch (kind) {
    case "quick_reply":
      return loose.quickReply(index, value as string);
    case "url":
      return loose.urlButton(index, value as string);
    case "copy_code":
      return loose.copyCode(index, value as string);
    case "flow":
      return loose.flowButton(index, value as { readonly token?: string });
    case "catalog":
      return loose.catalogButton(index, value as { readonly thumbnailProductRetailerId: string });
    case "mpm":
      return loose.mpmButton(index, value as MultiProduct);
  }
}

/** `msg.with(templates)`: recipients whose `.template()` is typed by the definitions. */
export class TemplateCatalog<T extends TemplateDefinitions> {
  declare private readonly [templatesKey]: T;

  /** @internal */
  constructor(templates: T) {
    this[templatesKey] = objectArgument(templates, "msg.with(templates)");
  }

  to<N extends string>(recipient: PhoneNumber<N>): TypedRecipient<T> {
    return new TypedRecipient(this[templatesKey], addressedTo(recipient));
  }

  /**
   * A user by business-scoped user id (see `msg.toUser`). Authentication templates are not
   * offered without `phone`: the API refuses them for such a recipient.
   */
  toUser<Id extends string, N extends string = never>(
    bsuid: BusinessScopedId<Id>,
    options: { readonly phone?: PhoneNumber<N> } = {},
  ): TypedRecipient<[N] extends [never] ? NotAuthentication<T> : T> {
    const addressing = addressedTo(options.phone, bsuid);
    return new TypedRecipient(this[templatesKey], addressing) as TypedRecipient<[N] extends [never] ? NotAuthentication<T> : T>;
  }

  /** A group (see `msg.toGroup`): templates other than authentication ones. */
  toGroup(groupId: string): TypedRecipient<NotAuthentication<T>> {
    return new TypedRecipient(this[templatesKey], addressedTo(groupId, undefined, true)) as TypedRecipient<NotAuthentication<T>>;
  }
}
