/** Marks an incoming message (and earlier ones in the thread) as read [cloud-api.md §9]. */
export interface MarkReadRequest {
  readonly messaging_product: "whatsapp";
  readonly status: "read";
  readonly message_id: string;
  /** Shows "typing…" until you reply or for 25 seconds; also marks the message read. */
  readonly typing_indicator?: { readonly type: "text" };
}
