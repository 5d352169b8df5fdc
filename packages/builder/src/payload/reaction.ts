import type { Envelope } from "./envelope.js";

/** A reaction to an earlier message; an empty `emoji` removes the reaction [cloud-api.md §3]. */
export interface ReactionMessage extends Envelope {
  readonly type: "reaction";
  readonly reaction: { readonly message_id: string; readonly emoji: string };
}
