/**
 * Pricing values of a status webhook's `pricing` object [inbound.md statuses; webhooks-2026.md §1b].
 * Open unions: Meta adds values (the group and AI categories in 2026), so an unknown one is still a
 * string, kept as sent.
 */

/** `pricing.category`. The `group_*` ones are Groups API pricing; `general_purpose_ai` is for AI Providers only. */
export const knownPricingCategories = [
  "authentication",
  "authentication_international",
  "marketing",
  "marketing_lite",
  "referral_conversion",
  "service",
  "utility",
  "group_marketing",
  "group_utility",
  "group_service",
  "general_purpose_ai",
] as const;
export type PricingCategory = (typeof knownPricingCategories)[number] | (string & {});

/**
 * `pricing.type`. From 2026-10-01 service messages, and utility messages inside the customer-service
 * window, are charged per message and carry `regular`.
 */
export const knownPricingTypes = ["regular", "free_customer_service", "free_entry_point"] as const;
export type PricingType = (typeof knownPricingTypes)[number] | (string & {});

/** `pricing.pricing_model`: `CBP` (conversation-based, before 2025-07-01) or `PMP` (per message). */
export const knownPricingModels = ["CBP", "PMP"] as const;
export type PricingModel = (typeof knownPricingModels)[number] | (string & {});
