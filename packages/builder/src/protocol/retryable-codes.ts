import type { GraphErrorAction, GraphErrorCategory } from "./error-codes.js";

/**
 * The codes of the protocol's table on which waiting and sending again can succeed, and theirs alone,
 * with the table's category and action (a test holds them to `classifyGraphError`): what a sender
 * needs to retry, in a module of its own so that it does not carry the whole table.
 */
export const retryableGraphErrorCodes: Readonly<Record<number, readonly [GraphErrorCategory, GraphErrorAction]>> = {
  1: ["server", "retry"],
  2: ["server", "retry"],
  4: ["throttling", "retry_after"],
  80007: ["throttling", "retry_after"],
  130429: ["throttling", "retry_after"],
  131000: ["server", "retry"],
  131016: ["server", "retry"],
  131056: ["throttling", "retry_after"],
  131057: ["server", "retry_after"],
  132069: ["throttling", "retry_after"],
  139103: ["server", "retry"],
};
