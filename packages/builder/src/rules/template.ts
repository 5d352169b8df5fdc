import { limits } from "../limits.js";
import { anything, link, mediaSource } from "./common.js";
import { coordinates } from "./location.js";
import { array, number, object, oneOf, optional, required, string, union } from "./rule.js";
import { productSections } from "./sections.js";
import {
  bodyTextWhenNotAlone,
  buttonIndex,
  componentsOnce,
  expirationMs,
  firstIndex,
  indexAndCount,
  lastIndex,
  namedOrPositional,
  parameterFitsButton,
  parameterOf,
  parameterText,
  uniqueCardIndex,
} from "./template-refinements.js";

const anyString = string();
const parameterName = optional(string({ ...limits.template.parameterName, pattern: /^[a-z_]+$/, format: "lowercase letters a-z and _" }));
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
