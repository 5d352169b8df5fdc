/** The fields of a create body, in the order Meta documents them, `name` first [templates-management.md §2.1]. */
export const createBodyFields = [
  "name",
  "language",
  "category",
  "parameter_format",
  "components",
  "message_send_ttl_seconds",
  "sub_category",
  "cta_url_link_tracking_opted_out",
] as const;

/** Obsolete since 2025-04-09 (its effect is now the default) but still sent by libraries [TCAT]: accepted, not read. */
export const obsoleteCreateBodyFields = ["allow_category_change"] as const;
