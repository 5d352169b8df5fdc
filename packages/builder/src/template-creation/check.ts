import { templateCreationLimits } from "../limits.js";
import { checkAuthentication } from "./authentication.js";
import { checkButtons } from "./buttons.js";
import { checkCarousel } from "./carousel.js";
import { createBodyFields, obsoleteCreateBodyFields } from "./fields.js";
import { templateLanguages } from "./languages.js";
import { checkLimitedTimeOffer } from "./limited-time-offer.js";
import { type CheckContext, field, isObject, type JsonObject, kindOf, knownFields, show, upper } from "./read.js";
import { RuleIssues, type TemplateRuleIssue } from "./rule-issue.js";
import { checkBody, checkFooter, checkHeader } from "./text-components.js";

export type { TemplateRuleIssue } from "./rule-issue.js";

const creation = templateCreationLimits;
const categories = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;
const componentTypes = ["HEADER", "BODY", "FOOTER", "BUTTONS", "LIMITED_TIME_OFFER", "CAROUSEL", "CALL_PERMISSION_REQUEST"];
const topFields: readonly string[] = [...createBodyFields, ...obsoleteCreateBodyFields];
/** Components past this many are not walked: a template has at most one of each of 7 types. */
const maxComponents = 20;

/**
 * Checks a template create body (what is POSTed to `/{waba}/message_templates`, with `name`)
 * against every creation rule of templates-management.md §2, and lists every rule it breaks:
 * the path, the rule's id, a message with the limit and the actual value, and whether Meta
 * refuses the POST (`stage: "create"`, code and subcode) or rejects the template in review
 * (`stage: "review"`, the webhook reason). Any JSON is accepted; nothing throws.
 *
 * @example
 * checkTemplateCreation({ name: "Order Update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hi" }] });
 * // [{ path: "name", rule: "name-charset", stage: "create", code: 100, message: 'name: lowercase a-z, 0-9 and _ only, got "Order Update"' }]
 */
export function checkTemplateCreation(body: unknown): readonly TemplateRuleIssue[] {
  const out = new RuleIssues();
  if (!isObject(body)) {
    out.add("template-object", "", `expected a template create body (an object), got ${kindOf(body)}`);
    return out.list;
  }
  const category = upper(field(body, "category"));
  const format = upper(field(body, "parameter_format"));
  const rawComponents = field(body, "components");
  const components = Array.isArray(rawComponents) ? rawComponents : [];
  const typeOf = (component: unknown): string | undefined => (isObject(component) ? upper(field(component, "type")) : undefined);
  const context: CheckContext = {
    out,
    category: categories.find((known) => known === category),
    named: format === "NAMED",
    offer: components.slice(0, maxComponents).some((component) => typeOf(component) === "LIMITED_TIME_OFFER"),
  };

  knownFields(context, body, topFields, "");
  checkName(context, field(body, "name"));
  const language = field(body, "language");
  if (typeof language !== "string" || !templateLanguages().has(language))
    out.add(
      "language-code",
      "language",
      `expected one of the ${templateLanguages().size} template language codes (en_US, pt_BR, …), got ${show(language)}`,
    );
  if (context.category === undefined)
    out.add("category", "category", `expected MARKETING, UTILITY or AUTHENTICATION (any case), got ${show(field(body, "category"))}`);
  if (field(body, "parameter_format") !== undefined && format !== "NAMED" && format !== "POSITIONAL")
    out.add(
      "parameter-format",
      "parameter_format",
      `expected POSITIONAL or NAMED (any case), got ${show(field(body, "parameter_format"))}`,
    );
  checkTtl(context, field(body, "message_send_ttl_seconds"));
  for (const key of ["sub_category"]) {
    const value = field(body, key);
    if (value !== undefined && typeof value !== "string") out.add("field-type", key, `expected a string, got ${kindOf(value)}`);
  }
  const optOut = field(body, "cta_url_link_tracking_opted_out");
  if (optOut !== undefined && typeof optOut !== "boolean")
    out.add("field-type", "cta_url_link_tracking_opted_out", `expected a boolean, got ${kindOf(optOut)}`);

  if (!Array.isArray(rawComponents) || rawComponents.length === 0) {
    out.add(
      "components-required",
      "components",
      `expected an array of components with a BODY, got ${Array.isArray(rawComponents) ? "[]" : kindOf(rawComponents)}`,
    );
    return out.list;
  }
  if (rawComponents.length > maxComponents)
    out.add("component-duplicate", "components", `at most one of each component type, got ${rawComponents.length} components`);
  const seen: (readonly [JsonObject, string, string | undefined])[] = [];
  const counts = new Map<string, number>();
  rawComponents.slice(0, maxComponents).forEach((component, index) => {
    const path = `components[${index}]`;
    if (!isObject(component)) {
      out.add("field-type", path, `expected a component object, got ${kindOf(component)}`);
      return;
    }
    const type = typeOf(component);
    if (type === undefined || !componentTypes.includes(type)) {
      out.add(
        "component-type",
        `${path}.type`,
        `expected one of ${componentTypes.join(", ")} (any case), got ${show(field(component, "type"))}`,
      );
      return;
    }
    counts.set(type, (counts.get(type) ?? 0) + 1);
    if ((counts.get(type) ?? 0) === 2) out.add("component-duplicate", `${path}.type`, `at most one ${type} component per template`);
    seen.push([component, path, type]);
    checkComponent(context, component, path, type);
  });
  if (!counts.has("BODY")) out.add("body-required", "components", "a template needs exactly one BODY component");
  if (context.offer && counts.has("FOOTER")) {
    const footer = seen.find(([, , type]) => type === "FOOTER");
    out.add("lto-no-footer", footer?.[1] ?? "components", "a limited-time offer template has no footer");
  }
  if (context.category === "AUTHENTICATION") checkAuthentication(context, seen);
  return out.list;
}

/** Each component type's own check (a Map: a type read from the body is never a prototype key). */
const componentChecks: ReadonlyMap<string, (context: CheckContext, component: JsonObject, path: string) => void> = /* @__PURE__ */ new Map([
  ["HEADER", checkHeader],
  ["BODY", checkBody],
  ["FOOTER", checkFooter],
  ["BUTTONS", checkButtons],
  ["LIMITED_TIME_OFFER", checkLimitedTimeOffer],
  ["CAROUSEL", checkCarousel],
]);

function checkComponent(context: CheckContext, component: JsonObject, path: string, type: string): void {
  const check = componentChecks.get(type);
  if (check === undefined)
    knownFields(context, component, ["type"], path); // call_permission_request takes no fields
  else check(context, component, path);
}

const nameCharset = /^[a-z0-9_]+$/;

/** `^[a-z0-9_]+$`, ≤ 512 characters [TM]. */
function checkName(context: CheckContext, name: unknown): void {
  const { out } = context;
  if (name === undefined || name === "") {
    out.add("name-required", "name", "a template needs a name");
    return;
  }
  if (typeof name !== "string") {
    out.add("name-charset", "name", `expected a string of lowercase a-z, 0-9 and _, got ${kindOf(name)}`);
    return;
  }
  if (name.length > creation.name.max) out.add("name-length", "name", `at most ${creation.name.max} characters, got ${name.length}`);
  if (!nameCharset.test(name)) {
    const bad = [...name].find((char) => !nameCharset.test(char));
    out.add("name-charset", "name", `lowercase a-z, 0-9 and _ only, got ${show(bad)} in ${show(name)}`);
  }
}

/** `message_send_ttl_seconds` per category [TTL]; `-1` is not accepted (unverified, the strict side). */
function checkTtl(context: CheckContext, ttl: unknown): void {
  if (ttl === undefined) return;
  const range = context.category === undefined ? undefined : creation.ttlSeconds[context.category];
  if (!Number.isInteger(ttl) || (range !== undefined && ((ttl as number) < range.min || (ttl as number) > range.max)))
    context.out.add(
      "message-send-ttl",
      "message_send_ttl_seconds",
      range === undefined
        ? `expected a whole number of seconds, got ${show(ttl)}`
        : `${context.category} templates take ${range.min} to ${range.max} seconds, got ${show(ttl)}`,
    );
}
