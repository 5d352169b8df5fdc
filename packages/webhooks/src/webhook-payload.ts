import type { Metadata } from "./events.js";

/** What a `messages` change may hold. */
export interface MessagesValue {
  readonly metadata: Metadata;
  readonly contacts?: readonly unknown[];
  readonly messages?: readonly unknown[];
  readonly statuses?: readonly unknown[];
  readonly errors?: readonly unknown[];
}

/**
 * A webhook body as Meta sends one update: one entry of the account, one `messages` change.
 * For fixtures in tests and for emulators; serialise it with `metaJson` and sign that.
 *
 * @example
 * const body = metaJson(webhookPayload("102290129340398", { metadata, statuses: [{ id, status: "read", timestamp: "1767225600" }] }));
 */
export function webhookPayload(wabaId: string, value: MessagesValue) {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: wabaId, changes: [{ field: "messages", value: { messaging_product: "whatsapp", ...value } }] }],
  } as const;
}
