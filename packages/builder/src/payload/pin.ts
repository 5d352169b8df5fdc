import type { Envelope } from "./envelope.js";

/** Pins a message in a group for 1 to 30 days, or unpins it [api-2026.md §3; libraries only]. */
export interface PinMessage extends Envelope {
  readonly recipient_type: "group";
  readonly type: "pin";
  readonly pin:
    | { readonly type: "pin"; readonly message_id: string; readonly expiration_days?: number }
    | { readonly type: "unpin"; readonly message_id: string };
}
