import { limits } from "../limits.js";
import type { TemplateBodyParameter, TemplateButtonParameter, TemplateHeaderParameter, TemplateMessage } from "../payload/index.js";
import { type Count, checkObject, eachObject } from "./common.js";
import { checkEnum, checkKnownKeys, checkString, fits, fitsEnum, stringRule } from "./fields.js";
import { acceptsMediaSource, checkMediaSource } from "./media.js";
import { isObject, type JsonObject, kindOf, type Report, show } from "./report.js";

const templateFields = ["name", "language", "components"];
const nameRule = stringRule({ required: true, ...limits.template.name });
const languageRule = stringRule({
  required: true,
  pattern: /^[a-z]{2,3}(?:_[A-Z][A-Za-z]{1,3})?$/,
  format: 'a language code such as "en" or "en_US"',
});
const required = stringRule({ required: true });
const headerTextRule = stringRule({ required: true, ...limits.template.headerText });
const bodyTextRule = stringRule({ required: true, max: limits.template.bodyText.max });
const onlyBodyTextRule = stringRule({ required: true, max: limits.template.bodyText.maxWhenOnlyComponent });
const parameterNameRule = stringRule({
  ...limits.template.parameterName,
  pattern: /^[a-z_]+$/,
  format: "lowercase letters a-z and _",
});
const currencyCodeRule = stringRule({ required: true, pattern: /^[A-Z]{3}$/, format: "an ISO 4217 code such as USD" });
const couponRule = stringRule({ required: true, ...limits.template.couponCode });
// Error 132018: template text parameters cannot hold newlines, tabs or more than 4 consecutive spaces [§10.3].
const badParameterText = /[\n\t]| {5}/;
const oneParameter: Count = { min: 1, max: 1, noun: "parameter" };
const someParameters: Count = { min: 1, max: Number.POSITIVE_INFINITY, noun: "parameter" };
const buttonParameters: Readonly<Record<string, string>> = {
  quick_reply: "payload",
  url: "text",
  copy_code: "coupon_code",
  flow: "action",
  catalog: "action",
};

/** Context shared by the checks of one template's components. */
interface Seen {
  readonly components: Set<string>;
  readonly indexes: Set<string>;
  copyCodes: number;
  bodyIsOnlyComponent: boolean;
}

/** `template` [S, V23, OA §8]. */
export function checkTemplate(report: Report, template: JsonObject): void {
  checkKnownKeys(report, template, templateFields, "not a field of a template (namespace is On-Premises only)");
  checkString(report, template.name, "name", nameRule);
  checkObject(report, template.language, "language", checkLanguage, true);
  const components = template.components;
  const seen: Seen = {
    components: new Set(),
    indexes: new Set(),
    copyCodes: 0,
    bodyIsOnlyComponent: Array.isArray(components) && components.length === 1,
  };
  eachObject(report, components, "components", (report, component) => checkComponent(report, component, seen));
}

/** `policy` is optional and only "deterministic" (resolution §13.7). */
function checkLanguage(report: Report, language: JsonObject): void {
  checkKnownKeys(report, language, ["code", "policy"]);
  checkString(report, language.code, "code", languageRule);
  checkEnum(report, language.policy, "policy", ["deterministic"]);
}

function checkComponent(report: Report, component: JsonObject, seen: Seen): void {
  const type = component.type;
  if (type !== "header" && type !== "body" && type !== "button") {
    const why = type === "footer" ? "footers take no parameters; leave the component out" : "expected one of header, body, button";
    report.add("type", type === undefined ? "required" : "invalid_value", `${why}, got ${show(type)}`);
    return;
  }
  if (type !== "button") {
    if (seen.components.has(type)) report.add("type", "duplicate", `only one ${type} component per template`);
    seen.components.add(type);
  }
  if (type === "header") {
    checkKnownKeys(report, component, ["type", "parameters"]);
    eachObject(report, component.parameters, "parameters", checkHeaderParameter, oneParameter, true);
  } else if (type === "body") {
    checkKnownKeys(report, component, ["type", "parameters"]);
    const textRule = seen.bodyIsOnlyComponent ? onlyBodyTextRule : bodyTextRule;
    const parameters = component.parameters;
    eachObject(
      report,
      parameters,
      "parameters",
      (report, parameter) => checkBodyParameter(report, parameter, textRule),
      someParameters,
      true,
    );
    if (Array.isArray(parameters)) checkNaming(report, parameters);
  } else checkButton(report, component, seen);
}

function checkHeaderParameter(report: Report, parameter: JsonObject): void {
  const type = parameter.type;
  switch (type) {
    case "text":
      checkKnownKeys(report, parameter, ["type", "text", "parameter_name"]);
      checkParameterText(report, checkString(report, parameter.text, "text", headerTextRule));
      checkString(report, parameter.parameter_name, "parameter_name", parameterNameRule);
      return;
    case "image":
    case "video":
    case "document":
      checkKnownKeys(report, parameter, ["type", type]);
      // Media templates take no caption [§8.3]; a filename is accepted for documents.
      checkObject(
        report,
        parameter[type],
        type,
        (report, media) => {
          checkKnownKeys(
            report,
            media,
            type === "document" ? ["id", "link", "filename"] : ["id", "link"],
            "media in templates take no caption",
          );
          checkMediaSource(report, media);
          checkString(report, media.filename, "filename");
        },
        true,
      );
      return;
    case "location":
      checkKnownKeys(report, parameter, ["type", "location"]);
      checkObject(report, parameter.location, "location", checkTemplateLocation, true);
      return;
    default:
      report.add(
        "type",
        type === undefined ? "required" : "invalid_value",
        `header parameters are text, image, video, document or location; got ${show(type)}`,
      );
  }
}

/** Template location headers follow the examples: coordinates as numbers or numeric strings (resolution §13.9). */
function checkTemplateLocation(report: Report, location: JsonObject): void {
  checkKnownKeys(report, location, ["latitude", "longitude", "name", "address"]);
  checkCoordinate(report, location.latitude, "latitude", limits.location.latitude);
  checkCoordinate(report, location.longitude, "longitude", limits.location.longitude);
  checkString(report, location.name, "name");
  checkString(report, location.address, "address");
}

function checkCoordinate(report: Report, value: unknown, key: string, range: { readonly min: number; readonly max: number }): void {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (value === undefined) report.add(key, "required", "is required");
  else if (typeof number !== "number" || !Number.isFinite(number)) report.add(key, "invalid_type", `expected a number, got ${show(value)}`);
  else if (number < range.min || number > range.max)
    report.add(key, "out_of_range", `must be between ${range.min} and ${range.max}, got ${show(value)}`);
}

function checkBodyParameter(report: Report, parameter: JsonObject, textRule: typeof bodyTextRule): void {
  const type = parameter.type;
  checkString(report, parameter.parameter_name, "parameter_name", parameterNameRule);
  switch (type) {
    case "text":
      checkKnownKeys(report, parameter, ["type", "text", "parameter_name"]);
      checkParameterText(report, checkString(report, parameter.text, "text", textRule));
      return;
    case "currency":
      checkKnownKeys(report, parameter, ["type", "currency", "parameter_name"]);
      checkObject(report, parameter.currency, "currency", checkCurrency, true);
      return;
    case "date_time":
      checkKnownKeys(report, parameter, ["type", "date_time", "parameter_name"]);
      checkObject(
        report,
        parameter.date_time,
        "date_time",
        (report, dateTime) => checkString(report, dateTime.fallback_value, "fallback_value", required), // other fields are ignored by the API
        true,
      );
      return;
    default:
      report.add(
        "type",
        type === undefined ? "required" : "invalid_value",
        `body parameters are text, currency or date_time; got ${show(type)}`,
      );
  }
}

function checkCurrency(report: Report, currency: JsonObject): void {
  checkKnownKeys(report, currency, ["fallback_value", "code", "amount_1000"]);
  checkString(report, currency.fallback_value, "fallback_value", required);
  checkString(report, currency.code, "code", currencyCodeRule);
  const amount = currency.amount_1000;
  if (amount === undefined) report.add("amount_1000", "required", "is required (the amount × 1000)");
  else if (typeof amount !== "number" || !Number.isSafeInteger(amount)) {
    report.add("amount_1000", "invalid_type", `expected an integer (the amount × 1000), got ${show(amount)}`);
  }
}

function checkParameterText(report: Report, text: string | undefined): void {
  if (text !== undefined && badParameterText.test(text)) {
    report.add(
      "text",
      "invalid_format",
      "template parameters cannot contain newlines, tabs or more than 4 consecutive spaces (error 132018)",
      undefined,
      text,
    );
  }
}

/** Named and positional parameters do not mix within one component. */
function checkNaming(report: Report, parameters: readonly unknown[]): void {
  const named = parameters.filter((p) => isObject(p) && p.parameter_name !== undefined).length;
  if (named > 0 && named < parameters.length) {
    report.add(
      "parameters",
      "conflict",
      `mix of named (${named}) and positional (${parameters.length - named}) parameters; use one or the other`,
    );
  }
}

function checkButton(report: Report, button: JsonObject, seen: Seen): void {
  checkKnownKeys(report, button, ["type", "sub_type", "index", "parameters"]);
  const subType = button.sub_type;
  const expected = typeof subType === "string" ? buttonParameters[subType] : undefined;
  if (expected === undefined) {
    report.add(
      "sub_type",
      subType === undefined ? "required" : "invalid_value",
      `expected one of ${Object.keys(buttonParameters).join(", ")}, got ${show(subType)}`,
    );
  }
  if (subType === "copy_code" && ++seen.copyCodes > 1) report.add("sub_type", "duplicate", "only one copy_code button per template");
  checkIndex(report, button.index, seen);
  eachObject(
    report,
    button.parameters,
    "parameters",
    (report, parameter) => {
      if (expected !== undefined && parameter.type !== expected) {
        report.add("type", "invalid_value", `a ${String(subType)} button takes a "${expected}" parameter, got ${show(parameter.type)}`);
        return;
      }
      checkButtonParameter(report, parameter);
    },
    oneParameter,
    true,
  );
}

/** `index`: 0–9, as a string (the reference's form) or an integer (resolution §13.8); unique. */
function checkIndex(report: Report, index: unknown, seen: Seen): void {
  const { min, max } = limits.template.buttonIndex;
  const value = typeof index === "string" && /^\d+$/.test(index) ? Number(index) : index;
  if (index === undefined) report.add("index", "required", `is required (the button's position, ${min} to ${max})`);
  else if (typeof index === "string" && typeof value === "number" && String(value) !== index)
    // The JSON Schema and the API's examples take "0" to "9": "05" is not one of them.
    report.add(
      "index",
      "invalid_format",
      `expected ${JSON.stringify(String(value))} (no leading zeros), got ${show(index)}`,
      undefined,
      index,
    );
  else if (typeof value !== "number" || !Number.isInteger(value))
    report.add("index", "invalid_type", `expected an integer ${min} to ${max}, got ${show(index)}`);
  else if (value < min || value > max)
    report.add("index", "out_of_range", `must be between ${min} and ${max}, got ${value}`, undefined, value);
  else if (seen.indexes.has(String(value))) report.add("index", "duplicate", `button index ${value} is used twice`, undefined, value);
  else seen.indexes.add(String(value));
}

function checkButtonParameter(report: Report, parameter: JsonObject): void {
  switch (parameter.type) {
    case "payload":
      checkKnownKeys(report, parameter, ["type", "payload"]);
      checkString(report, parameter.payload, "payload", required);
      return;
    case "text":
      checkKnownKeys(report, parameter, ["type", "text"]);
      checkString(report, parameter.text, "text", required);
      return;
    case "coupon_code":
      checkKnownKeys(report, parameter, ["type", "coupon_code"]);
      checkString(report, parameter.coupon_code, "coupon_code", couponRule);
      return;
    case "action":
      checkKnownKeys(report, parameter, ["type", "action"]);
      checkObject(
        report,
        parameter.action,
        "action",
        (report, action) => {
          checkKnownKeys(report, action, ["flow_token", "flow_action_data", "thumbnail_product_retailer_id"]);
          checkString(report, action.flow_token, "flow_token");
          if (action.flow_action_data !== undefined && !isObject(action.flow_action_data)) {
            report.add("flow_action_data", "invalid_type", `expected an object, got ${kindOf(action.flow_action_data)}`);
          }
          checkString(report, action.thumbnail_product_retailer_id, "thumbnail_product_retailer_id");
        },
        true,
      );
      return;
    default:
      report.add(
        "type",
        parameter.type === undefined ? "required" : "invalid_value",
        `expected payload, text, coupon_code or action; got ${show(parameter.type)}`,
      );
  }
}

// The builder's quick test. Its components hold only the keys above (a media header's object
// aside: a copy of the caller's) and each button the parameter type of its sub_type, so just
// the values are tested, with the same rules. True only when checkTemplate reports nothing;
// rarer shapes (a location header, an index like "01") answer false and go to checkTemplate.

const policies = ["deterministic"];
const documentExtras = ["filename"];
const fitsParameterText = (text: unknown, rule: typeof bodyTextRule): boolean => fits(text, rule) && !badParameterText.test(text as string);

export function acceptsTemplate({ template }: TemplateMessage): boolean {
  const { language, components } = template;
  if (!fits(template.name, nameRule) || language === undefined) return false;
  if (!fits(language.code, languageRule) || !fitsEnum(language.policy, policies)) return false;
  if (components === undefined) return true;
  const textRule = components.length === 1 ? onlyBodyTextRule : bodyTextRule;
  let indexes = 0; // one bit per button index used
  let copyCodes = 0;
  for (const component of components) {
    if (component.type === "header") {
      if (!acceptsHeaderParameter(component.parameters[0] as TemplateHeaderParameter)) return false;
    } else if (component.type === "body") {
      if (!acceptsBodyParameters(component.parameters, textRule)) return false;
    } else {
      const { index } = component;
      const digit = index.length === 1 ? index.charCodeAt(0) - 48 : -1;
      if (digit < 0 || digit > 9 || (indexes & (1 << digit)) !== 0) return false;
      indexes |= 1 << digit;
      if (component.sub_type === "copy_code" && ++copyCodes > 1) return false;
      if (!acceptsButtonParameter(component.parameters[0] as TemplateButtonParameter)) return false;
    }
  }
  return true;
}

function acceptsHeaderParameter(parameter: TemplateHeaderParameter): boolean {
  switch (parameter.type) {
    case "text":
      return fitsParameterText(parameter.text, headerTextRule) && fits(parameter.parameter_name, parameterNameRule);
    case "image":
      return acceptsMediaSource(parameter.image);
    case "video":
      return acceptsMediaSource(parameter.video);
    case "document": {
      const document: JsonObject = parameter.document;
      return acceptsMediaSource(document, documentExtras) && fits(document.filename);
    }
    default:
      return false;
  }
}

function acceptsBodyParameters(parameters: readonly TemplateBodyParameter[], textRule: typeof bodyTextRule): boolean {
  let named = 0;
  for (const parameter of parameters) {
    if (!fits(parameter.parameter_name, parameterNameRule)) return false;
    if (parameter.parameter_name !== undefined) named++;
    if (parameter.type === "text") {
      if (!fitsParameterText(parameter.text, textRule)) return false;
    } else if (parameter.type === "currency") {
      const { fallback_value, code, amount_1000 } = parameter.currency;
      if (!fits(fallback_value, required) || !fits(code, currencyCodeRule) || !Number.isSafeInteger(amount_1000)) return false;
    } else if (!fits(parameter.date_time.fallback_value, required)) return false;
  }
  return parameters.length >= someParameters.min && (named === 0 || named === parameters.length);
}

function acceptsButtonParameter(parameter: TemplateButtonParameter): boolean {
  switch (parameter.type) {
    case "payload":
      return fits(parameter.payload, required);
    case "text":
      return fits(parameter.text, required);
    case "coupon_code":
      return fits(parameter.coupon_code, couponRule);
    case "action": {
      const { flow_token, flow_action_data, thumbnail_product_retailer_id } = parameter.action;
      return fits(flow_token) && (flow_action_data === undefined || isObject(flow_action_data)) && fits(thumbnail_product_retailer_id);
    }
  }
}
