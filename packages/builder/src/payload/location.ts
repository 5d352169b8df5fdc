import type { Envelope } from "./envelope.js";

/** A location pin; `name` and `address` are optional (resolution cloud-api.md §13.10). */
export interface LocationMessage extends Envelope {
  readonly type: "location";
  readonly location: {
    readonly latitude: number;
    readonly longitude: number;
    readonly name?: string;
    readonly address?: string;
  };
}
