import { withArticle } from "../article.js";
import { templateLimits } from "../limits.js";
import { explainCount, explainString } from "./explain-leaf.js";
import { numeric } from "./numeric.js";
import { absent, isObject, type JsonObject, type Report, show } from "./report.js";
import { type CustomRule, string, type TestedRefinement } from "./rule.js";

// The template rule's refinements and custom rules, apart from its table (template.ts): the
// generated template check and explanation (rules/quick/template.generated.ts) import them by
// name, so a template send carries these and not the table that holds them.

/** Error 132018: text parameters cannot hold newlines, tabs or more than 4 consecutive spaces [§10.3]. */
export const parameterText = (max: number) =>
  string({
    max,
    pattern: /^(?![\s\S]*(?:[\n\t]| {5}))/,
    format: "text without newlines, tabs or more than 4 consecutive spaces (error 132018)",
  });

/** Named and positional parameters do not mix within one component [M-tpl §8.4]. */
export const namedOrPositional: TestedRefinement<readonly unknown[]> = {
  passes(parameters) {
    let named = 0;
    for (const parameter of parameters) if (!absent((parameter as JsonObject).parameter_name)) named++;
    return named === 0 || named === parameters.length;
  },
  explain(parameters, report) {
    const named = parameters.filter((p) => isObject(p) && !absent(p.parameter_name)).length;
    if (named > 0 && named < parameters.length)
      report.add(
        undefined,
        "conflict",
        `mix of named (${named}) and positional (${parameters.length - named}) parameters; use one or the other`,
      );
  },
};

/** The parameter type each button sub_type takes. */
export const parameterOf: { readonly [subType: string]: string } = {
  quick_reply: "payload",
  url: "text",
  copy_code: "coupon_code",
  flow: "action",
  catalog: "action",
  mpm: "action",
  voice_call: "ttl_minutes or payload",
};
const lower = (value: unknown): string | undefined => (typeof value === "string" ? value.toLowerCase() : undefined);
/** The parameter type a sub_type takes; own keys only (a sub_type "constructor" is not Object's). */
const parameterFor = (subType: unknown): string | undefined => {
  const key = lower(subType);
  return key !== undefined && Object.hasOwn(parameterOf, key) ? parameterOf[key] : undefined;
};
/** A voice_call button takes ttl_minutes and payload parameters; every other button one of its own type. */
const fits = (type: string | undefined, expected: string | undefined): boolean =>
  expected === "ttl_minutes or payload" ? type === "ttl_minutes" || type === "payload" : type === expected;

/** A voice_call button has no index and up to two parameters [M-CALL]; every other button an index and one parameter. */
export const indexAndCount: TestedRefinement = {
  passes(button) {
    const voice = lower(button.sub_type) === "voice_call";
    return (voice || !absent(button.index)) && (button.parameters as readonly unknown[]).length <= (voice ? 2 : 1);
  },
  explain(button, report) {
    const voice = lower(button.sub_type) === "voice_call";
    if (!voice && absent(button.index))
      report.add("index", "required", `is required (the button's position, ${firstIndex} to ${lastIndex})`);
    const parameters = button.parameters;
    if (Array.isArray(parameters)) explainCount(report, parameters.length, "parameters", { min: 1, max: voice ? 2 : 1, noun: "parameter" });
  },
};

export const parameterFitsButton: TestedRefinement = {
  passes: (button) => {
    const expected = parameterFor(button.sub_type);
    return (button.parameters as readonly JsonObject[]).every((parameter) => fits(lower(parameter.type), expected));
  },
  explain(button, report) {
    const expected = parameterFor(button.sub_type);
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

export const { min: firstIndex, max: lastIndex } = templateLimits.buttonIndex;

/** The button index as a number, or undefined: "0"–"9" (the reference's form) or an integer (resolution §13.8). */
const indexOf = (index: unknown): number | undefined => {
  const value = typeof index === "string" && /^\d$/.test(index) ? numeric(index) : index;
  return typeof value === "number" && Number.isInteger(value) && value >= firstIndex && value <= lastIndex ? value : undefined;
};

export const buttonIndex: CustomRule = {
  kind: "custom",
  passes: (index) => indexOf(index) !== undefined,
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
};

export const uniqueCardIndex: TestedRefinement<readonly unknown[]> = {
  passes(cards) {
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
export const firstMillisecond = 1e11;
export const expirationMs: CustomRule = {
  kind: "custom",
  passes: (value) => typeof value === "number" && Number.isSafeInteger(value) && value >= firstMillisecond && value < 1e14,
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
};

/** Each component at most once (header, body), each button index once, one copy-code button [S, M-coupon]. */
export const componentsOnce: TestedRefinement<readonly unknown[]> = {
  passes(components) {
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

const shortBodyText = parameterText(templateLimits.bodyText.max);

/** Body text parameters: 1024, or 32768 when the body is the only component [S, V23]. */
export const bodyTextWhenNotAlone: TestedRefinement<readonly unknown[]> = {
  passes(components) {
    if (components.length < 2) return true;
    const max = templateLimits.bodyText.max;
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
        if (!isObject(parameter) || typeof parameter.text !== "string" || parameter.text.length <= templateLimits.bodyText.max) return;
        report.enter(index);
        explainString(shortBodyText, parameter.text, report, "text");
        report.leave();
      });
      report.leave();
      report.leave();
    });
  },
};
