/**
 * Fields shared by every message body [cloud-api.md §1].
 * Field names are the API's own, so a built body is exactly what is sent.
 */
export interface Envelope {
  readonly messaging_product: "whatsapp";
  /** Optional for the API (default "individual"); the builder always sets it. */
  readonly recipient_type?: "individual" | "group";
  /** Phone number in international form (`+` optional) or WhatsApp ID; a group's id for groups. */
  readonly to?: string;
  /** A business-scoped user id (`US.1349…`) [api-2026.md §2]; with `to` too, `to` wins. */
  readonly recipient?: string;
  /** Set to reply to a message: the reply quotes it. */
  readonly context?: { readonly message_id: string };
  /** Free-form tracking data echoed back in status webhooks, at most 512 characters. */
  readonly biz_opaque_callback_data?: string;
  /** Deliver only if the user's identity key hash is still this one [api-2026.md §2.3]. */
  readonly recipient_identity_key_hash?: string;
}
