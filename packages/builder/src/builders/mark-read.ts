import type { BuiltRules } from "../rules/built-issues.js";
import { explainMarkReadBody, markReadBodyPasses } from "../rules/quick/mark-read.generated.js";
import type { MarkReadRequest } from "../wire/mark-read.generated.js";
import { Buildable } from "./buildable.js";

/** Mark-as-read's compiled rules, as every builder of it runs them. */
const markReadRules: BuiltRules = { type: "mark-as-read", passes: (body) => markReadBodyPasses(body, true), explain: explainMarkReadBody };

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

  protected get rules(): BuiltRules {
    return markReadRules;
  }

  protected passes(body: MarkReadRequest): boolean {
    return markReadBodyPasses(body, true);
  }

  protected assemble(): MarkReadRequest {
    const body = { messaging_product: "whatsapp", status: "read", message_id: this[messageIdKey] } as const;
    return this[typingKey] ? { ...body, typing_indicator: { type: "text" } } : body;
  }
}
