import { withArticle } from "../article.js";
import { limits } from "../limits.js";
import { anything, link, mediaSource } from "./common.js";
import { explainCount, explainString } from "./explain-leaf.js";
import { coordinates } from "./location.js";
import { numeric } from "./numeric.js";
import { isObject, type JsonObject, type Report, show } from "./report.js";
import { array, type CustomRule, number, object, oneOf, optional, required, string, type TestedRefinement, union } from "./rule.js";
import { productSections } from "./sections.js";

const anyString = string();
const parameterName = optional(string({ ...limits.template.parameterName, pattern: /^[a-z_]+$/, format: "lowercase letters a-z and _" }));
/** Error 132018: text parameters cannot hold newlines, tabs or more than 4 consecutive spaces [§10.3]. */
const parameterText = (max: number) =>
  string({
    max,
    pattern: /^(?![\s\S]*(?:[\n\t]| {5}))/,
    format: "text without newlines, tabs or more than 4 consecutive spaces (error 132018)",
  });

const templateMedia = (extra: Parameters<typeof mediaSource>[0]) => mediaSource(extra, "media in templates take no caption");

/** Header parameters [S §8.3]: media take no caption; a document may carry a filename. */
const headerParameter = union(
  "type",
  {
    text: object({ text: required(parameterText(limits.template.headerText.max)), parameter_name: parameterName }),
    image: object({ image: required(templateMedia({})) }),
    video: object({ video: required(templateMedia({})) }),
    document: object({ document: required(templateMedia({ filename: optional(anyString) })) }),
    location: object({ location: required(object(coordinates)) }),
    /** A product card's header in a product-card carousel template [M-CAR-T; shape 3P pywa]. */
    product: object({
      product: required(object({ catalog_id: required(string({ numberIsWarning: true })), product_retailer_id: required(anyString) })),
    }),
  },
  { anyCase: true, expected: (got) => `header parameters are text, image, video, document, location or product; got ${got}` },
);

const currency = object({
  fallback_value: required(anyString),
  code: required(string({ pattern: /^[A-Z]{3}$/, format: "an ISO 4217 code such as USD" })),
  amount_1000: required(
    number({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true, expected: "an integer (the amount × 1000)" }),
    "is required (the amount × 1000)",
  ),
});

/** `date_time`: the API sends `fallback_value`; the older calendar fields are accepted and ignored. */
const dateTime = object({
  fallback_value: required(anyString),
  ...Object.fromEntries(
    ["day_of_week", "year", "month", "day_of_month", "hour", "minute", "calendar"].map((key) => [key, optional(anything)]),
  ),
});

/** Named and positional parameters do not mix within one component [M-tpl §8.4]. */
export const namedOrPositional: TestedRefinement<readonly unknown[]> = {
  doc: "parameters are all named (`parameter_name`) or all positional",
  test(parameters) {
    let named = 0;
    for (const parameter of parameters) if ((parameter as JsonObject).parameter_name != null) named++;
    return named === 0 || named === parameters.length;
  },
  explain(parameters, report) {
    const named = parameters.filter((p) => isObject(p) && p.parameter_name != null).length;
    if (named > 0 && named < parameters.length)
      report.add(
        undefined,
        "conflict",
        `mix of named (${named}) and positional (${parameters.length - named}) parameters; use one or the other`,
      );
  },
};

/** Body parameters [S §8.3]; text up to 32768 when the body is the only component (see `components`). */
const bodyParameter = union(
  "type",
  {
    text: object({ text: required(parameterText(limits.template.bodyText.maxWhenOnlyComponent)), parameter_name: parameterName }),
    currency: object({ currency: required(currency), parameter_name: parameterName }),
    date_time: object({ date_time: required(dateTime), parameter_name: parameterName }),
  },
  { anyCase: true, expected: (got) => `body parameters are text, currency or date_time; got ${got}` },
);

const buttonParameter = union(
  "type",
  {
    payload: object({ payload: required(anyString) }),
    ttl_minutes: object({
      ttl_minutes: required(number({ ...limits.voiceCall.ttlMinutes, integer: true, expected: "an integer (minutes)" })),
    }),
    text: object({ text: required(anyString) }),
    coupon_code: object({ coupon_code: required(string(limits.template.couponCode)) }),
    action: object({
      action: required(
        object({
          flow_token: optional(anyString),
          flow_action_data: optional({ kind: "json" }),
          thumbnail_product_retailer_id: optional(anyString),
          /** A multi-product (`mpm`) button's products, as a product list's [api-2026.md §5; shape 3P pywa, whatsapp-api-js]. */
          sections: optional(productSections),
        }),
      ),
    }),
  },
  { anyCase: true, expected: (got) => `expected payload, text, coupon_code, action or ttl_minutes; got ${got}` },
);

/** The parameter type each button sub_type takes. */
const parameterOf: { readonly [subType: string]: string } = {
  quick_reply: "payload",
  url: "text",
  copy_code: "coupon_code",
  flow: "action",
  catalog: "action",
  mpm: "action",
  voice_call: "ttl_minutes or payload",
};
const lower = (value: unknown): string | undefined => (typeof value === "string" ? value.toLowerCase() : undefined);
/** A voice_call button takes ttl_minutes and payload parameters; every other button one of its own type. */
const fits = (type: string | undefined, expected: string | undefined): boolean =>
  expected === "ttl_minutes or payload" ? type === "ttl_minutes" || type === "payload" : type === expected;

/** A voice_call button has no index and up to two parameters [M-CALL]; every other button an index and one parameter. */
export const indexAndCount: TestedRefinement = {
  doc: "`index` on every button but `voice_call`; one parameter per button, up to two (`ttl_minutes`, `payload`) on `voice_call`",
  test(button) {
    const voice = lower(button.sub_type) === "voice_call";
    return (voice || button.index != null) && (button.parameters as readonly unknown[]).length <= (voice ? 2 : 1);
  },
  explain(button, report) {
    const voice = lower(button.sub_type) === "voice_call";
    if (!voice && button.index == null)
      report.add("index", "required", `is required (the button's position, ${firstIndex} to ${lastIndex})`);
    const parameters = button.parameters;
    if (Array.isArray(parameters)) explainCount(report, parameters.length, "parameters", { min: 1, max: voice ? 2 : 1, noun: "parameter" });
  },
};

export const parameterFitsButton: TestedRefinement = {
  doc: "a button's parameter type fits its `sub_type`: quick_reply → payload, url → text, copy_code → coupon_code, flow and catalog → action",
  test: (button) => {
    const expected = parameterOf[lower(button.sub_type) as string];
    return (button.parameters as readonly JsonObject[]).every((parameter) => fits(lower(parameter.type), expected));
  },
  explain(button, report) {
    const expected = parameterOf[lower(button.sub_type) ?? ""];
    const parameters = button.parameters;
    if (expected === undefined || !Array.isArray(parameters)) return;
    report.enter("parameters");
    parameters.forEach((parameter: unknown, index) => {
      if (isObject(parameter) && !fits(lower(parameter.type), expected)) {
        report.enter(index);
        report.add(
          "type",
          "invalid_value",
          `${withArticle(String(button.sub_type))} button takes a "${expected}" parameter, got ${show(parameter.type)}`,
        );
        report.leave();
      }
    });
    report.leave();
  },
};

const { min: firstIndex, max: lastIndex } = limits.template.buttonIndex;

/** The button index as a number, or undefined: "0"–"9" (the reference's form) or an integer (resolution §13.8). */
const indexOf = (index: unknown): number | undefined => {
  const value = typeof index === "string" && /^\d$/.test(index) ? numeric(index) : index;
  return typeof value === "number" && Number.isInteger(value) && value >= firstIndex && value <= lastIndex ? value : undefined;
};

export const buttonIndex: CustomRule = {
  kind: "custom",
  doc: `the button's position, ${firstIndex} to ${lastIndex}, as a string ("0") or an integer; unique`,
  is: (index) => indexOf(index) !== undefined,
  explain(index, report, key) {
    const value = typeof index === "string" && /^\d+$/.test(index) ? Number(index) : index;
    if (typeof index === "string" && typeof value === "number" && String(value) !== index)
      // The JSON Schema and the API's examples take "0" to "9": "05" is not one of them.
      report.add(
        key,
        "invalid_format",
        `expected ${JSON.stringify(String(value))} (no leading zeros), got ${show(index)}`,
        undefined,
        index,
      );
    else if (typeof value !== "number" || !Number.isInteger(value))
      report.add(key, "invalid_type", `expected an integer ${firstIndex} to ${lastIndex}, got ${show(index)}`);
    else if (value < firstIndex || value > lastIndex)
      report.add(key, "out_of_range", `must be between ${firstIndex} and ${lastIndex}, got ${value}`, undefined, value);
  },
  schema: {
    anyOf: [
      { type: "string", pattern: "^[0-9]$" },
      { type: "integer", minimum: firstIndex, maximum: lastIndex },
    ],
  },
};

const one = { min: 1, max: 1, noun: "parameter" } as const;
/** A header has one variable when it has any [M-tpl]; more parameters are not known to be rejected: a warning. */
const headerParameters = { min: 1, max: Number.POSITIVE_INFINITY, warnAbove: 1, noun: "parameter" } as const;

/** A header or body component, of a template or of one of its carousel's cards. */
const headerComponent = object({ parameters: required(array(headerParameter, headerParameters)) });
const bodyComponent = object({
  parameters: required(array(bodyParameter, { min: 1, max: Number.POSITIVE_INFINITY, noun: "parameter", refine: [namedOrPositional] })),
});

/** The components of one card of a template carousel: its header, body and buttons [M-CAR-T]. */
const cardComponent = union(
  "type",
  {
    header: headerComponent,
    body: bodyComponent,
    button: object(
      {
        sub_type: required(oneOf(["quick_reply", "url"], { anyCase: true })),
        index: required(buttonIndex, `is required (the button's position, ${firstIndex} to ${lastIndex})`),
        parameters: required(array(buttonParameter, one)),
      },
      { refine: [parameterFitsButton] },
    ),
  },
  { anyCase: true },
);

const templateCard = object({
  card_index: required(number({ min: 0, max: limits.carousel.templateCards.max - 1, integer: true, expected: "an integer 0 to 9" })),
  components: required(array(cardComponent, { min: 1, max: Number.POSITIVE_INFINITY, noun: "component" })),
});

export const uniqueCardIndex: TestedRefinement<readonly unknown[]> = {
  doc: "`card_index` unique across cards",
  test(cards) {
    for (let i = 1; i < cards.length; i++)
      for (let j = 0; j < i; j++) if ((cards[i] as JsonObject).card_index === (cards[j] as JsonObject).card_index) return false;
    return true;
  },
  explain(cards, report) {
    const seen = new Set<unknown>();
    cards.forEach((card, index) => {
      if (!isObject(card)) return;
      if (seen.has(card.card_index)) {
        report.enter(index);
        report.add("card_index", "duplicate", `card_index ${show(card.card_index)} is used twice`);
        report.leave();
      }
      seen.add(card.card_index);
    });
  },
};

/** Unix milliseconds from 1973 to 5138: a smaller number is most likely seconds (pywa sends seconds [3P bug]). */
const firstMillisecond = 1e11;
export const expirationMs: CustomRule = {
  kind: "custom",
  doc: "Unix time in milliseconds; a value that looks like seconds is an error",
  is: (value) => typeof value === "number" && Number.isSafeInteger(value) && value >= firstMillisecond && value < 1e14,
  explain(value, report, key) {
    if (typeof value !== "number" || !Number.isSafeInteger(value))
      report.add(key, "invalid_type", `expected an integer (Unix milliseconds), got ${show(value)}`);
    else if (value < firstMillisecond)
      report.add(
        key,
        "out_of_range",
        `expiration_time_ms is Unix milliseconds; ${value} looks like seconds (× 1000: ${value * 1000})`,
        firstMillisecond,
        value,
      );
    else if (value >= 1e14) report.add(key, "out_of_range", `expected Unix milliseconds, got ${value}`, undefined, value);
  },
  schema: { type: "integer", minimum: firstMillisecond, exclusiveMaximum: 1e14 },
};

/** A limited-time offer's expiry [M-LTO]. */
const offerParameter = object({
  type: required(oneOf(["limited_time_offer"])),
  limited_time_offer: required(object({ expiration_time_ms: required(expirationMs) })),
});

/**
 * Where tapping the message leads, overriding the template's own target: a URL and a title
 * [api-2026.md §5; 3P only, pywa, unverified].
 */
const tapTarget = object({
  type: required(oneOf(["tap_target_configuration"])),
  tap_target_configuration: required(
    array(object({ url: required(link), title: required(anyString) }), { min: 1, max: 1, noun: "tap target" }),
  ),
});

const component = union(
  "type",
  {
    header: headerComponent,
    body: bodyComponent,
    button: object(
      {
        sub_type: required(oneOf(Object.keys(parameterOf), { anyCase: true })),
        index: optional(buttonIndex),
        parameters: required(array(buttonParameter, { min: 1, max: 2, noun: "parameter" })),
      },
      { refine: [indexAndCount, parameterFitsButton] },
    ),
    carousel: object({
      cards: required(array(templateCard, { ...limits.carousel.templateCards, noun: "card", refine: [uniqueCardIndex] })),
    }),
    limited_time_offer: object({ parameters: required(array(offerParameter, one)) }),
    tap_target_configuration: object({ parameters: required(array(tapTarget, one)) }),
  },
  {
    anyCase: true,
    expected: (got) =>
      `${got.toLowerCase() === '"footer"' ? "footers take no parameters; leave the component out" : "expected one of header, body, button, carousel, limited_time_offer, tap_target_configuration"}, got ${got}`,
    missing: "expected one of header, body, button, carousel, limited_time_offer, tap_target_configuration, got undefined",
  },
);

/** Each component at most once (header, body), each button index once, one copy-code button [S, M-coupon]. */
export const componentsOnce: TestedRefinement<readonly unknown[]> = {
  doc: "at most one `header` and one `body` component; button indexes unique; at most one `copy_code` button",
  test(components) {
    let seen = 0; // bits: header, body, copy_code, then one per button index
    for (const component of components) {
      const { type } = component as JsonObject;
      const kind = type === "header" || type === "body" || type === "button" ? type : lower(type);
      let bits = kind === "header" ? 1 : kind === "body" ? 2 : 0;
      if (kind === "button") {
        const position = indexOf((component as JsonObject).index);
        if (position !== undefined) bits = 1 << (3 + position);
        if (lower((component as JsonObject).sub_type) === "copy_code") bits |= 4;
      }
      if ((seen & bits) !== 0) return false;
      seen |= bits;
    }
    return true;
  },
  explain(components, report) {
    const seen = new Set<string>();
    components.forEach((component, position) => {
      if (!isObject(component)) return;
      const kind = lower(component.type);
      report.enter(position);
      if (kind === "header" || kind === "body") {
        if (seen.has(kind)) report.add("type", "duplicate", `only one ${kind} component per template`);
        seen.add(kind);
      } else if (kind === "button") {
        if (lower(component.sub_type) === "copy_code") {
          if (seen.has("copy_code")) report.add("sub_type", "duplicate", "only one copy_code button per template");
          seen.add("copy_code");
        }
        const index = indexOf(component.index);
        if (index !== undefined) {
          if (seen.has(`index ${index}`)) report.add("index", "duplicate", `button index ${index} is used twice`, undefined, index);
          seen.add(`index ${index}`);
        }
      }
      report.leave();
    });
  },
};

const shortBodyText = parameterText(limits.template.bodyText.max);

/** Body text parameters: 1024, or 32768 when the body is the only component [S, V23]. */
export const bodyTextWhenNotAlone: TestedRefinement<readonly unknown[]> = {
  doc: `body text parameters at most ${limits.template.bodyText.max} characters, or ${limits.template.bodyText.maxWhenOnlyComponent} when the body is the only component`,
  test(components) {
    if (components.length < 2) return true;
    const max = limits.template.bodyText.max;
    for (const component of components) {
      const { type, parameters } = component as JsonObject;
      if (type !== "body" && lower(type) !== "body") continue;
      for (const parameter of parameters as readonly JsonObject[])
        if (typeof parameter.text === "string" && parameter.text.length > max) return false;
    }
    return true;
  },
  explain(components, report: Report) {
    if (components.length < 2) return;
    components.forEach((component, position) => {
      if (!isObject(component) || lower(component.type) !== "body" || !Array.isArray(component.parameters)) return;
      report.enter(position);
      report.enter("parameters");
      component.parameters.forEach((parameter: unknown, index: number) => {
        if (!isObject(parameter) || typeof parameter.text !== "string" || parameter.text.length <= limits.template.bodyText.max) return;
        report.enter(index);
        explainString(shortBodyText, parameter.text, report, "text");
        report.leave();
      });
      report.leave();
      report.leave();
    });
  },
};

const language = object({
  code: required(string({ pattern: /^[a-z]{2,3}(?:_[A-Z][A-Za-z]{1,3})?$/, format: 'a language code such as "en" or "en_US"' })),
  /** Optional and only "deterministic" (resolution §13.7). */
  policy: optional(oneOf(["deterministic"])),
});

/** `template` [S, V23, OA §8]. */
export const template = object(
  {
    name: required(string(limits.template.name)),
    language: required(language),
    components: optional(
      array(component, { min: 0, max: Number.POSITIVE_INFINITY, noun: "component", refine: [componentsOnce, bodyTextWhenNotAlone] }),
    ),
  },
  { unknown: "not a field of a template (namespace is On-Premises only)" },
);
