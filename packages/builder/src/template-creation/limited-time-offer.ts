import { templateCreationLimits } from "../limits.js";
import { type CheckContext, field, isObject, type JsonObject, kindOf, knownFields, maxLength, textField } from "./read.js";

/**
 * LIMITED_TIME_OFFER [LTO]: MARKETING only, `limited_time_offer.text` ≤ 16. The template has no
 * footer (check.ts) and its body is ≤ 600 (text-components.ts).
 */
export function checkLimitedTimeOffer(context: CheckContext, component: JsonObject, path: string): void {
  const { out, category } = context;
  knownFields(context, component, ["type", "limited_time_offer"], path);
  if (category !== undefined && category !== "MARKETING")
    out.add("lto-category", `${path}.type`, `a limited-time offer is for MARKETING templates only, got ${category}`);
  const offer = field(component, "limited_time_offer");
  if (!isObject(offer)) {
    out.add("lto-text", `${path}.limited_time_offer`, `expected { text, has_expiration? }, got ${kindOf(offer)}`);
    return;
  }
  const at = `${path}.limited_time_offer`;
  knownFields(context, offer, ["text", "has_expiration"], at);
  maxLength(
    context,
    "lto-text",
    textField(context, offer, "text", at, "lto-text"),
    templateCreationLimits.limitedTimeOffer.text.max,
    `${at}.text`,
  );
  const expiration = field(offer, "has_expiration");
  if (expiration !== undefined && typeof expiration !== "boolean")
    out.add("field-type", `${at}.has_expiration`, `expected a boolean, got ${kindOf(expiration)}`);
}
