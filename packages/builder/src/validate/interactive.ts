import { headerTypes, interactiveTypes, limits } from "../limits.js";
import type {
  ButtonInteractive,
  CatalogInteractive,
  CtaUrlInteractive,
  FlowInteractive,
  InteractiveHeader,
  InteractiveMessage,
  ListInteractive,
  LocationRequestInteractive,
  ProductInteractive,
  ProductListInteractive,
} from "../payload/index.js";
import { type Count, checkCount, checkObject, eachObject, httpUrl } from "./common.js";
import { checkEnum, checkKnownKeys, checkString, fits, fitsEnum, type StringRule, stringRule } from "./fields.js";
import { acceptsMediaSource, checkMediaSource } from "./media.js";
import { isObject, type JsonObject, kindOf, type Report, show } from "./report.js";
import { isPlainJson } from "./wire.js";

type InteractiveType = (typeof interactiveTypes)[number];
type ActionRule = (report: Report, action: JsonObject) => void;

const interactiveFields = ["type", "header", "body", "footer", "action"];
const bodyRule = stringRule({ required: true, ...limits.interactive.body });
const footerRule = stringRule({ required: true, ...limits.interactive.footer });
const headerTextRule = stringRule({ required: true, ...limits.interactive.header });
const subTextRule = stringRule(limits.interactive.header);
const required = stringRule({ required: true });
const noEdgeSpaces = /^\S(?:[\s\S]*\S)?$/;
const buttonIdRule = stringRule({ required: true, ...limits.buttons.id, pattern: noEdgeSpaces, format: "no leading or trailing spaces" });
const buttonTitleRule = stringRule({ required: true, ...limits.buttons.title });
const listButtonRule = stringRule({ required: true, ...limits.list.button });
const sectionTitleRule = stringRule(limits.list.sectionTitle);
const requiredSectionTitleRule = stringRule({ required: true, ...limits.list.sectionTitle });
const rowIdRule = stringRule({ required: true, ...limits.list.row.id });
const rowTitleRule = stringRule({ required: true, ...limits.list.row.title });
const rowDescriptionRule = stringRule(limits.list.row.description);
const productSectionTitleRule = stringRule(limits.productList.sectionTitle);
const requiredProductSectionTitleRule = stringRule({ required: true, ...limits.productList.sectionTitle });
const displayTextRule = stringRule({ required: true, ...limits.ctaUrl.displayText });
const urlRule = stringRule({ required: true, pattern: httpUrl, format: "an http or https URL" });
const flowCtaRule = stringRule({ required: true, ...limits.flow.cta });
const pictographic = /\p{Extended_Pictographic}/u;

const buttonCount: Count = { ...limits.buttons, noun: "reply button" };
const sectionCount: Count = { ...limits.list.sections, noun: "section" };
const rowTotal: Count = { ...limits.list.rows, noun: "row", scope: " across all sections" };
const productSectionCount: Count = { ...limits.productList.sections, noun: "section" };
const productTotal: Count = { ...limits.productList.products, noun: "product", scope: " across all sections" };

/** What each interactive kind requires besides its action [§7]. */
const kinds: {
  readonly [K in InteractiveType]: {
    readonly body: "required" | "optional";
    readonly header: "required" | "optional";
    readonly action: ActionRule;
  };
} = {
  button: { body: "required", header: "optional", action: checkButtons },
  list: { body: "required", header: "optional", action: checkList },
  product: { body: "optional", header: "optional", action: checkProduct },
  product_list: { body: "required", header: "required", action: checkProductList },
  catalog_message: { body: "required", header: "optional", action: checkCatalog },
  flow: { body: "required", header: "optional", action: checkFlow },
  cta_url: { body: "required", header: "optional", action: checkCtaUrl },
  location_request_message: { body: "required", header: "optional", action: named("send_location") },
  address_message: { body: "required", header: "optional", action: checkAddressMessage },
  call_permission_request: { body: "required", header: "optional", action: named("call_permission_request") },
};

/** `interactive` [S §7]: shared parts, then the action of its `type`. */
export function checkInteractive(report: Report, interactive: JsonObject): void {
  checkKnownKeys(report, interactive, interactiveFields);
  const type = interactive.type;
  if (typeof type !== "string" || !Object.hasOwn(kinds, type)) {
    const expected = `expected one of ${interactiveTypes.join(", ")}`;
    if (type === undefined) report.add("type", "required", `is required (${expected})`);
    else report.add("type", "invalid_value", `${expected}, got ${show(type)}`);
    return;
  }
  const kind = kinds[type as InteractiveType];
  checkHeader(report, interactive.header, type as InteractiveType, kind.header === "required");
  checkObject(report, interactive.body, "body", checkBody, kind.body === "required");
  checkObject(report, interactive.footer, "footer", checkFooter);
  checkObject(report, interactive.action, "action", kind.action, true);
}

function checkBody(report: Report, body: JsonObject): void {
  checkKnownKeys(report, body, ["text"]);
  checkString(report, body.text, "text", bodyRule);
}

function checkFooter(report: Report, footer: JsonObject): void {
  checkKnownKeys(report, footer, ["text"]);
  checkString(report, footer.text, "text", footerRule);
}

function checkHeader(report: Report, header: unknown, type: InteractiveType, isRequired: boolean): void {
  const allowed: readonly string[] = headerTypes[type];
  if (header === undefined) {
    if (isRequired) report.add("header", "required", `is required for ${type} messages (a text header)`);
    return;
  }
  if (allowed.length === 0) {
    report.add("header", "unknown_field", `not allowed on ${type} messages`);
    return;
  }
  if (!isObject(header)) {
    report.add("header", "invalid_type", `expected an object, got ${kindOf(header)}`);
    return;
  }
  report.enter("header");
  const headerType = header.type;
  if (typeof headerType !== "string" || !allowed.includes(headerType)) {
    report.add(
      "type",
      headerType === undefined ? "required" : "invalid_value",
      `${type} headers are ${allowed.join(", ")}; got ${show(headerType)}`,
    );
  } else if (headerType === "text") {
    checkKnownKeys(report, header, ["type", "text", "sub_text"]);
    checkString(report, header.text, "text", headerTextRule);
    checkString(report, header.sub_text, "sub_text", subTextRule);
  } else {
    checkKnownKeys(report, header, ["type", headerType]);
    checkObject(report, header[headerType], headerType, checkHeaderMedia, true);
  }
  report.leave();
}

function checkHeaderMedia(report: Report, media: JsonObject): void {
  checkKnownKeys(report, media, ["id", "link"], "a header media object takes only id or link");
  checkMediaSource(report, media);
}

/** An action that is only `{ name }` (location request, call permission). */
function named(name: string): ActionRule {
  return (report, action) => {
    checkKnownKeys(report, action, ["name"]);
    checkEnum(report, action.name, "name", [name], true);
  };
}

/** Reports a repeated `value` (button ids and titles, row ids) at `key`; a Set keeps it linear on hostile input. */
function checkUnique(report: Report, seen: Set<string>, value: unknown, key: string, what: string): void {
  if (typeof value !== "string") return;
  if (seen.has(value)) report.add(key, "duplicate", `${what} must be unique; ${show(value)} is used twice`, undefined, value);
  else seen.add(value);
}

function checkButtons(report: Report, action: JsonObject): void {
  checkKnownKeys(report, action, ["buttons"]);
  const ids = new Set<string>();
  const titles = new Set<string>();
  // One closure per message, not per button: a message far over its count stays cheap to explain.
  const checkReply = (report: Report, reply: JsonObject): void => {
    checkKnownKeys(report, reply, ["id", "title"]);
    checkString(report, reply.id, "id", buttonIdRule);
    checkString(report, reply.title, "title", buttonTitleRule);
    checkUnique(report, ids, reply.id, "id", "reply button ids");
    checkUnique(report, titles, reply.title, "title", "reply button titles");
  };
  const checkButton = (report: Report, button: JsonObject): void => {
    checkKnownKeys(report, button, ["type", "reply"]);
    checkEnum(report, button.type, "type", ["reply"], true);
    checkObject(report, button.reply, "reply", checkReply, true);
  };
  eachObject(report, action.buttons, "buttons", checkButton, buttonCount, true);
}

interface SectionsSpec {
  /** The key of each section's entries: "rows" or "product_items". */
  readonly items: string;
  readonly title: StringRule;
  readonly requiredTitle: StringRule;
  readonly sections: Count;
  /** Entries counted across all sections; at least `min` in each section. */
  readonly total: Count;
  readonly check: (report: Report, entry: JsonObject) => void;
}

/**
 * Sections of lists and product lists: titled when there is more than one [S; resolution
 * §13.5], each with at least one entry, entries counted across all sections.
 */
function checkSections(report: Report, sections: unknown, spec: SectionsSpec): void {
  const titled = Array.isArray(sections) && sections.length > 1;
  let entries = 0;
  eachObject(
    report,
    sections,
    "sections",
    (report, section) => {
      checkKnownKeys(report, section, ["title", spec.items]);
      checkString(report, section.title, "title", titled ? spec.requiredTitle : spec.title);
      const items = section[spec.items];
      if (Array.isArray(items)) entries += items.length;
      eachObject(report, items, spec.items, spec.check, { ...spec.total, max: Number.POSITIVE_INFINITY, scope: "" }, true);
    },
    spec.sections,
    true,
  );
  if (entries > spec.total.max) checkCount(report, entries, "sections", spec.total);
}

function checkList(report: Report, action: JsonObject): void {
  checkKnownKeys(report, action, ["button", "sections"]);
  checkString(report, action.button, "button", listButtonRule);
  const ids = new Set<string>();
  checkSections(report, action.sections, {
    items: "rows",
    title: sectionTitleRule,
    requiredTitle: requiredSectionTitleRule,
    sections: sectionCount,
    total: rowTotal,
    check: (report, row) => {
      checkKnownKeys(report, row, ["id", "title", "description"]);
      checkString(report, row.id, "id", rowIdRule);
      checkString(report, row.title, "title", rowTitleRule);
      checkString(report, row.description, "description", rowDescriptionRule);
      checkUnique(report, ids, row.id, "id", "row ids");
    },
  });
}

function checkProduct(report: Report, action: JsonObject): void {
  checkKnownKeys(report, action, ["catalog_id", "product_retailer_id"]);
  checkString(report, action.catalog_id, "catalog_id", required);
  checkString(report, action.product_retailer_id, "product_retailer_id", required);
}

function checkProductList(report: Report, action: JsonObject): void {
  checkKnownKeys(report, action, ["catalog_id", "sections"]);
  checkString(report, action.catalog_id, "catalog_id", required);
  checkSections(report, action.sections, {
    items: "product_items",
    title: productSectionTitleRule,
    requiredTitle: requiredProductSectionTitleRule,
    sections: productSectionCount,
    total: productTotal,
    check: (report, item) => {
      checkKnownKeys(report, item, ["product_retailer_id"]);
      checkString(report, item.product_retailer_id, "product_retailer_id", required);
    },
  });
}

function checkCatalog(report: Report, action: JsonObject): void {
  checkKnownKeys(report, action, ["name", "parameters"]);
  checkEnum(report, action.name, "name", ["catalog_message"], true);
  checkObject(report, action.parameters, "parameters", (report, parameters) => {
    checkKnownKeys(report, parameters, ["thumbnail_product_retailer_id"]);
    checkString(report, parameters.thumbnail_product_retailer_id, "thumbnail_product_retailer_id");
  });
}

function checkCtaUrl(report: Report, action: JsonObject): void {
  checkKnownKeys(report, action, ["name", "parameters"]);
  checkEnum(report, action.name, "name", ["cta_url"], true);
  checkObject(
    report,
    action.parameters,
    "parameters",
    (report, parameters) => {
      checkKnownKeys(report, parameters, ["display_text", "url"]);
      checkString(report, parameters.display_text, "display_text", displayTextRule);
      checkString(report, parameters.url, "url", urlRule);
    },
    true,
  );
}

const flowModes = ["draft", "published"];
const flowActions = ["navigate", "data_exchange"];
const flowFields = ["flow_message_version", "flow_token", "flow_id", "flow_name", "flow_cta", "mode", "flow_action", "flow_action_payload"];

function checkFlow(report: Report, action: JsonObject): void {
  checkKnownKeys(report, action, ["name", "parameters"]);
  checkEnum(report, action.name, "name", ["flow"], true);
  checkObject(report, action.parameters, "parameters", checkFlowParameters, true);
}

/** Flow parameters [S, M-flow §7.7]; token optional (resolution §13.2), id xor name (§13.3). */
function checkFlowParameters(report: Report, parameters: JsonObject): void {
  checkKnownKeys(report, parameters, flowFields);
  checkEnum(report, parameters.flow_message_version, "flow_message_version", ["3"], true);
  checkString(report, parameters.flow_token, "flow_token");
  const hasId = parameters.flow_id !== undefined;
  const hasName = parameters.flow_name !== undefined;
  if (hasId && hasName) report.add(undefined, "conflict", "exactly one of flow_id or flow_name, got both");
  else if (!hasId && !hasName) report.add(undefined, "required", "exactly one of flow_id or flow_name is required");
  checkString(report, parameters.flow_id, "flow_id");
  checkString(report, parameters.flow_name, "flow_name");
  const cta = checkString(report, parameters.flow_cta, "flow_cta", flowCtaRule);
  if (cta !== undefined && pictographic.test(cta))
    report.add("flow_cta", "invalid_format", `must not contain emoji, got ${show(cta)}`, undefined, cta);
  checkEnum(report, parameters.mode, "mode", flowModes);
  checkEnum(report, parameters.flow_action, "flow_action", flowActions);
  if (parameters.flow_action === "data_exchange") {
    if (parameters.flow_action_payload !== undefined)
      report.add("flow_action_payload", "unknown_field", "only allowed when flow_action is navigate");
    return;
  }
  checkObject(report, parameters.flow_action_payload, "flow_action_payload", (report, payload) => {
    checkKnownKeys(report, payload, ["screen", "data"]);
    checkString(report, payload.screen, "screen");
    const data = payload.data;
    if (data === undefined) return;
    if (!isObject(data)) report.add("data", "invalid_type", `expected an object, got ${kindOf(data)}`);
    else if (Object.keys(data).length === 0) report.add("data", "too_few", "must not be empty when present (omit it instead)");
  });
}

/** Address messages [M-addr §7.10]: India only today; `country` is mandatory. */
function checkAddressMessage(report: Report, action: JsonObject): void {
  checkKnownKeys(report, action, ["name", "parameters"]);
  checkEnum(report, action.name, "name", ["address_message"], true);
  checkObject(
    report,
    action.parameters,
    "parameters",
    (report, parameters) => {
      checkKnownKeys(report, parameters, ["country", "values", "saved_addresses", "validation_errors"]);
      checkString(report, parameters.country, "country", required);
    },
    true,
  );
}

// The builders' quick tests. Their objects hold only the keys above (a media header's
// object aside: it is a copy of the caller's), so just the values are tested, with the
// same rules. Each is true only when checkInteractive reports nothing.

interface SharedParts {
  readonly type: InteractiveType;
  readonly header?: InteractiveHeader | undefined;
  readonly body?: { readonly text: string } | undefined;
  readonly footer?: { readonly text: string } | undefined;
}

function acceptsShared({ type, header, body, footer }: SharedParts): boolean {
  const kind = kinds[type];
  return (
    acceptsHeader(type, header, kind.header === "required") &&
    (body === undefined ? kind.body === "optional" : fits(body.text, bodyRule)) &&
    (footer === undefined || fits(footer.text, footerRule))
  );
}

function acceptsHeader(type: InteractiveType, header: InteractiveHeader | undefined, isRequired: boolean): boolean {
  if (header === undefined) return !isRequired;
  if (!(headerTypes[type] as readonly string[]).includes(header.type)) return false;
  if (header.type === "text") return fits(header.text, headerTextRule) && fits(header.sub_text, subTextRule);
  return acceptsMediaSource(header.type === "image" ? header.image : header.type === "video" ? header.video : header.document);
}

export function acceptsButtons({ interactive }: InteractiveMessage<ButtonInteractive>): boolean {
  const buttons = interactive.action.buttons;
  if (!acceptsShared(interactive) || buttons.length < buttonCount.min || buttons.length > buttonCount.max) return false;
  for (let i = 0; i < buttons.length; i++) {
    const { id, title } = (buttons[i] as (typeof buttons)[number]).reply;
    if (!fits(id, buttonIdRule) || !fits(title, buttonTitleRule)) return false;
    for (let j = 0; j < i; j++) {
      const earlier = (buttons[j] as (typeof buttons)[number]).reply;
      if (earlier.id === id || earlier.title === title) return false;
    }
  }
  return true;
}

export function acceptsList({ interactive }: InteractiveMessage<ListInteractive>): boolean {
  const { button, sections } = interactive.action;
  if (!acceptsShared(interactive) || !fits(button, listButtonRule)) return false;
  if (sections.length < sectionCount.min || sections.length > sectionCount.max) return false;
  const titleRule = sections.length > 1 ? requiredSectionTitleRule : sectionTitleRule;
  const ids: string[] = [];
  // One bit per last character of the ids so far: an id whose last character is new cannot
  // repeat one, so most ids need no string comparison (the scan below is most of the cost).
  let endings = 0;
  for (const { title, rows } of sections) {
    if (!fits(title, titleRule) || rows.length < rowTotal.min) return false;
    for (const { id, title, description } of rows) {
      if (!fits(id, rowIdRule) || !fits(title, rowTitleRule) || !fits(description, rowDescriptionRule)) return false;
      const ending = 1 << (id.charCodeAt(id.length - 1) & 31);
      if ((endings & ending) !== 0 && ids.includes(id)) return false;
      endings |= ending;
      ids.push(id);
    }
  }
  return ids.length <= rowTotal.max;
}

export const acceptsCtaUrl = ({ interactive }: InteractiveMessage<CtaUrlInteractive>): boolean =>
  acceptsShared(interactive) &&
  fits(interactive.action.parameters.display_text, displayTextRule) &&
  fits(interactive.action.parameters.url, urlRule);

export const acceptsLocationRequest = ({ interactive }: InteractiveMessage<LocationRequestInteractive>): boolean =>
  acceptsShared(interactive);

export const acceptsProduct = ({ interactive }: InteractiveMessage<ProductInteractive>): boolean =>
  acceptsShared(interactive) && fits(interactive.action.catalog_id, required) && fits(interactive.action.product_retailer_id, required);

export const acceptsCatalog = ({ interactive }: InteractiveMessage<CatalogInteractive>): boolean =>
  acceptsShared(interactive) && fits(interactive.action.parameters?.thumbnail_product_retailer_id);

export function acceptsProductList({ interactive }: InteractiveMessage<ProductListInteractive>): boolean {
  const { catalog_id, sections } = interactive.action;
  if (!acceptsShared(interactive) || !fits(catalog_id, required)) return false;
  if (sections.length < productSectionCount.min || sections.length > productSectionCount.max) return false;
  const titleRule = sections.length > 1 ? requiredProductSectionTitleRule : productSectionTitleRule;
  let products = 0;
  for (const { title, product_items: items } of sections) {
    if (!fits(title, titleRule) || items.length < productTotal.min) return false;
    for (const item of items) if (!fits(item.product_retailer_id, required)) return false;
    products += items.length;
  }
  return products <= productTotal.max;
}

export function acceptsFlow({ interactive }: InteractiveMessage<FlowInteractive>): boolean {
  const parameters = interactive.action.parameters;
  const { flow_id, flow_name, flow_cta, flow_action, flow_action_payload: payload } = parameters;
  return (
    acceptsShared(interactive) &&
    parameters.flow_message_version === "3" &&
    fits(parameters.flow_token) &&
    (flow_id === undefined) !== (flow_name === undefined) &&
    fits(flow_id) &&
    fits(flow_name) &&
    fits(flow_cta, flowCtaRule) &&
    !pictographic.test(flow_cta) &&
    fitsEnum(parameters.mode, flowModes) &&
    fitsEnum(flow_action, flowActions) &&
    (payload === undefined ||
      (flow_action !== "data_exchange" &&
        fits(payload.screen) &&
        (payload.data === undefined || (isObject(payload.data) && Object.keys(payload.data).length > 0 && isPlainJson(payload.data)))))
  );
}
