import type { MarkReadRequest } from "../payload/mark-read.generated.js";
import { markRead } from "../rules/mark-read.js";
import { isMarkReadBody } from "../rules/quick/mark-read.generated.js";
import type { Rule } from "../rules/rule.js";
import { Buildable } from "./buildable.js";

/**
 * Marks an incoming message as read, optionally showing a typing indicator.
 *
 * @example
 * msg.markRead(wamid).typing().build();
 * // { messaging_product: "whatsapp", status: "read", message_id: wamid, typing_indicator: { type: "text" } }
 */
export class MarkReadBuilder extends Buildable<MarkReadRequest> {
  readonly #messageId: string;
  readonly #typing: boolean;

  /** @internal */
  constructor(messageId: string, typing = false) {
    super();
    this.#messageId = messageId;
    this.#typing = typing;
  }

  /** Also shows "typing…" to the user, until you reply or for 25 seconds. */
  typing(): MarkReadBuilder {
    return new MarkReadBuilder(this.#messageId, true);
  }

  protected get rule(): Rule {
    return markRead;
  }

  protected passes(body: MarkReadRequest): boolean {
    return isMarkReadBody(body, true);
  }

  protected assemble(): MarkReadRequest {
    const body = { messaging_product: "whatsapp", status: "read", message_id: this.#messageId } as const;
    return this.#typing ? { ...body, typing_indicator: { type: "text" } } : body;
  }
}
