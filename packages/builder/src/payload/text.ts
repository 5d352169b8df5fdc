import type { Envelope } from "./envelope.js";

/** A text message [cloud-api.md §2]. */
export interface TextMessage extends Envelope {
  readonly type: "text";
  readonly text: {
    readonly body: string;
    /** Render a preview of the first http(s) URL in the body. */
    readonly preview_url?: boolean;
  };
}
