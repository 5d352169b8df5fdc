import { explainMarkReadBody, markReadBodyPasses } from "../rules/quick/mark-read.generated.js";
import type { JsonObject, Report } from "../rules/report.js";
import type { MarkReadRequest } from "../wire/mark-read.generated.js";
import { Buildable } from "./buildable.js";

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const messageIdKey: unique symbol = Symbol();
const typingKey: unique symbol = Symbol();

/**
 * Marks an incoming message as read, optionally showing a typing indicator.
 *
 * @example
 * msg.markRead(wamid).typing().build();
 * // { messaging_product: "whatsapp", status: "read", message_id: wamid, typing_indicator: { type: "text" } }
 */
export class MarkReadBuilder extends Buildable<MarkReadRequest> {
  declare private readonly [messageIdKey]: string;
  declare private readonly [typingKey]: boolean;

  /** @internal */
  constructor(messageId: string, typing = false) {
    super();
    this[messageIdKey] = messageId;
    this[typingKey] = typing;
  }

  /** Also shows "typing…" to the user, until you reply or for 25 seconds. */
  typing(): MarkReadBuilder {
    return new MarkReadBuilder(this[messageIdKey], true);
  }

  protected get explanation(): (body: JsonObject, report: Report) => void {
    return explainMarkReadBody;
  }

  protected passes(body: MarkReadRequest): boolean {
    return markReadBodyPasses(body, true);
  }

  protected assemble(): MarkReadRequest {
    const body = { messaging_product: "whatsapp", status: "read", message_id: this[messageIdKey] } as const;
    return this[typingKey] ? { ...body, typing_indicator: { type: "text" } } : body;
  }
}
