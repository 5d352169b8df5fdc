import { footerlessTypes, headerTypes, interactiveTypes, limits } from "../limits.js";
import { carouselAction, voiceCallAction } from "./carousel.js";
import { anything, link, mediaSource, textObject } from "./common.js";
import { flowIdOrName, listRows, payloadOnlyWhenNavigating, rowsAcross } from "./interactive-refinements.js";
import {
  array,
  type Field,
  type JsonObjectRule,
  type ObjectRule,
  object,
  oneOf,
  optional,
  required,
  string,
  type UnionRule,
  union,
} from "./rule.js";
import { productSections, sections } from "./sections.js";
import { uniqueIn } from "./unique.js";

type InteractiveType = (typeof interactiveTypes)[number];

const json: JsonObjectRule = { kind: "json" };
const name = (value: string): Field => required(oneOf([value]));
const anyString = string();
/** A numeric `catalog_id` is accepted (sent by libraries, §15): a warning. */
const catalogId = required(string({ numberIsWarning: true }));

const noEdgeSpaces = /^\S(?:[\s\S]*\S)?$/;
const replyButton = object({
  type: required(oneOf(["reply"])),
  reply: required(
    object({
      id: required(string({ ...limits.buttons.id, pattern: noEdgeSpaces, format: "no leading or trailing spaces" })),
      title: required(string(limits.buttons.title)),
    }),
  ),
});

/** Reply buttons [S, M-btn §7.2]: 1–3, ids and titles unique. */
const buttons = object({
  buttons: required(
    array(replyButton, {
      ...limits.buttons,
      noun: "reply button",
      refine: [uniqueIn("reply button ids", ["reply", "id"]), uniqueIn("reply button titles", ["reply", "title"])],
    }),
  ),
});

const row = object({
  id: required(string(limits.list.row.id)),
  title: required(string(limits.list.row.title)),
  description: optional(string(limits.list.row.description)),
});

/** Lists [S, M-list §7.3]. */
const list = object({
  button: required(string(limits.list.button)),
  sections: required(sections("rows", row, listRows, limits.list.sectionTitle, limits.list.sections, rowsAcross)),
});

/** Product lists [V23, OA §7.5]. */
const productList = object({ catalog_id: catalogId, sections: required(productSections) });

const product = object({ catalog_id: catalogId, product_retailer_id: required(anyString) });

const catalog = object({
  name: name("catalog_message"),
  parameters: optional(object({ thumbnail_product_retailer_id: optional(anyString) })),
});

const ctaUrl = object({
  name: name("cta_url"),
  parameters: required(
    object({
      display_text: required(string(limits.ctaUrl.displayText)),
      url: required(link),
    }),
  ),
});

/** Flow parameters [S, M-flow §7.7]; token optional (resolution §13.2), id xor name (§13.3), CTA without emoji [S]. */
const flowParameters = object(
  {
    flow_message_version: required(oneOf(["3"])),
    flow_token: optional(anyString),
    flow_id: optional(anyString),
    flow_name: optional(anyString),
    flow_cta: required(string({ ...limits.flow.cta, pattern: /^\P{Extended_Pictographic}*$/u, format: "text without emoji" })),
    mode: optional(oneOf(["draft", "published"])),
    flow_action: optional(oneOf(["navigate", "data_exchange"])),
    flow_action_payload: optional(object({ screen: optional(anyString), data: optional({ kind: "json", nonEmpty: true }) })),
  },
  { refine: [flowIdOrName, payloadOnlyWhenNavigating] },
);

const flow = object({ name: name("flow"), parameters: required(flowParameters) });

/** Address messages [M-addr §7.10]: India only today; `country` is mandatory. */
const address = object({
  name: name("address_message"),
  parameters: required(
    object({
      country: required(anyString),
      values: optional(json),
      saved_addresses: optional(anything),
      validation_errors: optional(anything),
    }),
  ),
});

/**
 * Payments [api-2026.md §4; M-pay: …/payments/payments-in, …/payments-br/orders]: `review_and_pay` with the order's
 * parameters (reference id, amounts, payment settings: they differ by country and integration, and are passed on
 * unchecked but for being a non-empty object), then `review_order` with its status.
 */
const payment = (action: string) =>
  object({ name: name(action), parameters: required({ kind: "json", nonEmpty: true }, "is required (the order's parameters)") });

const actions: { readonly [K in InteractiveType]: ObjectRule } = {
  button: buttons,
  list,
  product,
  product_list: productList,
  catalog_message: catalog,
  flow,
  cta_url: ctaUrl,
  location_request_message: object({ name: name("send_location") }),
  address_message: address,
  call_permission_request: object({ name: name("call_permission_request") }),
  carousel: carouselAction,
  voice_call: voiceCallAction,
  request_contact_info: object({ name: name("request_contact_info") }),
  order_details: payment("review_and_pay"),
  order_status: payment("review_order"),
};

const headerMedia = mediaSource({}, "a header media object takes only id or link");
/** A document header is a media object, whose documents may carry a filename [S §4]. */
const headerDocument = mediaSource({ filename: optional(string()) }, "a header document takes only id, link or filename");
const headerCases: { readonly [type: string]: ObjectRule } = {
  text: object({ text: required(string(limits.interactive.header)), sub_text: optional(string(limits.interactive.header)) }),
  image: object({ image: required(headerMedia) }),
  video: object({ video: required(headerMedia) }),
  document: object({ document: required(headerDocument) }),
};

/** The header a kind accepts [§7.1]: text only for lists and flows, media too for buttons and CTA URLs. */
function header(type: InteractiveType): UnionRule {
  const allowed: readonly string[] = headerTypes[type];
  const expected = (got: string) => `${type} headers are ${allowed.join(", ")}; got ${got}`;
  return union("type", Object.fromEntries(allowed.map((kind) => [kind, headerCases[kind] as ObjectRule])), {
    expected,
    missing: expected("undefined"),
  });
}

const body = textObject(string(limits.interactive.body));
/** A list's body: 1024 by most sources, 4096 by [M-list] (§15): a warning between. */
const listBody = textObject(string({ max: limits.interactive.listBody.maxAccepted, warnAbove: limits.interactive.listBody.max }));
const footer = optional(textObject(string(limits.interactive.footer)));
/** Kinds whose body may be left out [S; api-2026.md §4: call_permission_request]; every other kind requires one. */
const optionalBody: readonly InteractiveType[] = ["product", "call_permission_request"];

function kind(type: InteractiveType): ObjectRule {
  const fields: Record<string, Field> = {};
  if (headerTypes[type].length > 0)
    fields.header =
      type === "product_list" ? required(header(type), `is required for ${type} messages (a text header)`) : optional(header(type));
  fields.body = { rule: type === "list" ? listBody : body, required: !optionalBody.includes(type) };
  if (!(footerlessTypes as readonly string[]).includes(type)) fields.footer = footer;
  fields.action = required(actions[type]);
  return object(fields, {
    unknown: { keys: ["header", "footer"], message: `not allowed on ${type} messages`, otherwise: "not a field of this object" },
  });
}

const expected = `expected one of ${interactiveTypes.join(", ")}`;
const byType = { anyCase: true, missing: `is required (${expected})`, expected: (got: string) => `${expected}, got ${got}` };
const cases = Object.fromEntries(interactiveTypes.map((type) => [type, kind(type)])) as Record<InteractiveType, ObjectRule>;

/** `interactive` [S §7]: shared parts, then the action of its `type`. Upper-case types are accepted (§15): warnings. */
export const interactive = union("type", cases, byType);

/**
 * One interactive type's rule alone (the union of its one case, with the whole union's messages): each builder
 * checks and explains its own type, so a buttons message carries no list, flow or carousel rules. Each is a named
 * export, as the generated checks (rules/quick/interactive-*.generated.ts) import them by name.
 */
const only = (type: InteractiveType): UnionRule => union("type", { [type]: cases[type] }, byType);
export const buttonInteractiveRule = /* @__PURE__ */ only("button");
export const listInteractiveRule = /* @__PURE__ */ only("list");
export const productInteractiveRule = /* @__PURE__ */ only("product");
export const productListInteractiveRule = /* @__PURE__ */ only("product_list");
export const catalogMessageInteractiveRule = /* @__PURE__ */ only("catalog_message");
export const flowInteractiveRule = /* @__PURE__ */ only("flow");
export const ctaUrlInteractiveRule = /* @__PURE__ */ only("cta_url");
export const locationRequestMessageInteractiveRule = /* @__PURE__ */ only("location_request_message");
export const addressMessageInteractiveRule = /* @__PURE__ */ only("address_message");
export const callPermissionRequestInteractiveRule = /* @__PURE__ */ only("call_permission_request");
export const carouselInteractiveRule = /* @__PURE__ */ only("carousel");
export const voiceCallInteractiveRule = /* @__PURE__ */ only("voice_call");
export const requestContactInfoInteractiveRule = /* @__PURE__ */ only("request_contact_info");
export const orderDetailsInteractiveRule = /* @__PURE__ */ only("order_details");
export const orderStatusInteractiveRule = /* @__PURE__ */ only("order_status");
