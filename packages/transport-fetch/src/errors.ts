import type { GraphErrorAction, GraphErrorBody, GraphErrorCategory } from "@wacompose/builder";

export type { GraphErrorBody } from "@wacompose/builder";

/** The words every "may have been delivered" error ends with: one copy of them in a bundle. */
const notResent = (what: string): string => `; the message may have been ${what}, so it was not resent — check before sending it again`;

/**
 * Base of every error this transport throws. `mayHaveBeenDelivered` says whether the API
 * could have accepted the message anyway (a timeout or reset after the body was sent):
 * check before resending, or you may send it twice. Messages never contain the access token.
 */
export abstract class TransportError extends Error {
  abstract readonly mayHaveBeenDelivered: boolean;
  /** How many attempts were made, when a retry policy (`retryWhenNotAccepted`) made more than one and gave up. */
  declare readonly attempts: number | undefined;
}

/** The API answered with a Graph error: the message was not accepted. */
export class GraphApiError extends TransportError {
  override readonly name = "GraphApiError";
  readonly mayHaveBeenDelivered = false;
  /** HTTP status. */
  declare readonly status: number;
  /** Graph error code, e.g. 131047 (re-engagement window closed); build error handling on it. */
  declare readonly code: number | undefined;
  /** Deprecated by Meta since v16 but still sent sometimes. */
  declare readonly subcode: number | undefined;
  declare readonly type: string | undefined;
  /** `error_data.details`: what was wrong, in the API's words. */
  declare readonly details: string | undefined;
  declare readonly fbtraceId: string | undefined;
  /**
   * What kind of problem: from the protocol's table of codes with `createClient` (see `classifyGraphError`);
   * with `createSender`, from its retryable codes, a bad token's codes (0, 190) and the HTTP status (see classify-briefly.ts).
   */
  declare readonly category: GraphErrorCategory;
  /** What to do: `retry`, `retry_after`, `fix_and_retry`, `do_not_retry` or `refresh_token`. */
  declare readonly action: GraphErrorAction;
  /** Whether waiting and sending again can succeed: the action is `retry` or `retry_after`. */
  declare readonly retryable: boolean;
  /** How long to wait, from `Retry-After` or `X-Business-Use-Case-Usage`, when the API said. */
  declare readonly retryAfterMs: number | undefined;

  /** `classified`: the error's category and action, e.g. `classifyGraphError(error, status)`. */
  constructor(
    status: number,
    error: GraphErrorBody,
    classified: { readonly category: GraphErrorCategory; readonly action: GraphErrorAction },
    retryAfterMs?: number,
  ) {
    const details = error.error_data?.details;
    super(`Graph API error ${error.code ?? "?"} (HTTP ${status}): ${error.message ?? "no message"}${details ? ` — ${details}` : ""}`);
    const { category, action } = classified;
    Object.assign(this, {
      status,
      code: error.code,
      subcode: error.error_subcode,
      type: error.type,
      details,
      fbtraceId: error.fbtrace_id,
      category,
      action,
      retryable: action === "retry" || action === "retry_after",
      retryAfterMs,
    });
  }
}

/**
 * Narrows `error` to a GraphApiError, of one category when given.
 *
 * @example
 * if (isGraphApiError(error, "reengagement_window")) sendTemplateInstead();
 */
export const isGraphApiError = (error: unknown, category?: GraphErrorCategory): error is GraphApiError =>
  error instanceof Error && error.name === "GraphApiError" && (category === undefined || (error as GraphApiError).category === category);

/** No answer within `timeoutMs`. The request was sent, so the API may have accepted it. */
export class TimeoutError extends TransportError {
  override readonly name = "TimeoutError";
  readonly mayHaveBeenDelivered = true;
  declare readonly timeoutMs: number;
  /** Where the request went (never with the token, which travels in a header). */
  declare readonly url: string | undefined;

  constructor(timeoutMs: number, url?: string) {
    super(`no answer${url === undefined ? "" : ` from ${url}`} within ${timeoutMs} ms${notResent("delivered")}`);
    Object.assign(this, { timeoutMs, url });
  }
}

/**
 * The connection failed. Before the request was written (refused, DNS) nothing was sent;
 * after (reset, closed), the API may have accepted the message and it is not resent.
 */
export class NetworkError extends TransportError {
  override readonly name = "NetworkError";
  declare readonly mayHaveBeenDelivered: boolean;
  /** The system error code, e.g. ECONNREFUSED or ECONNRESET, when known. */
  declare readonly reason: string | undefined;
  /** Where the request went (never with the token, which travels in a header). */
  declare readonly url: string | undefined;

  constructor(reason: string | undefined, mayHaveBeenDelivered: boolean, url?: string) {
    const where = url === undefined ? "" : ` to ${url}`;
    super(
      mayHaveBeenDelivered
        ? `connection${where} lost after the request was sent (${reason ?? "unknown"})${notResent("delivered")}`
        : `could not connect${where} (${reason ?? "unknown"}); nothing was sent${reason === "ECONNREFUSED" ? " — is the server (or the emulator) running?" : ""}`,
    );
    Object.assign(this, { reason, mayHaveBeenDelivered, url });
  }
}

/**
 * An answer that is not the API's: an HTML 502 page from a proxy, a truncated or oversized
 * body, JSON of another shape (`{}` for a send), a redirect. A 2xx (or 5xx) status may mean
 * the message was accepted all the same: `mayHaveBeenDelivered` says so.
 */
export class UnexpectedResponseError extends TransportError {
  override readonly name = "UnexpectedResponseError";
  declare readonly status: number;
  /** The start of the body, for diagnosis. */
  declare readonly body: string;
  declare readonly mayHaveBeenDelivered: boolean;

  /**
   * `problem` says what was wrong with the answer; by default, that its body is not the Graph API's JSON, and then
   * an empty body is said to be empty (a redirect or an answer over the cap was not read, so nothing is said of it).
   */
  constructor(status: number, statusText: string, body: string, problem?: string) {
    const accepted = status >= 200 && status < 300;
    const snippet = body.replace(/\s+/g, " ").trim().slice(0, 120);
    const mayHaveBeenDelivered = accepted || status >= 500;
    super(
      `HTTP ${status}${statusText ? ` ${statusText}` : ""} with ${problem ?? "a body that is not the Graph API's JSON"}${snippet ? `: ${snippet}` : problem === undefined ? " (empty)" : ""}${
        mayHaveBeenDelivered ? notResent(accepted ? "accepted (the status says so)" : "accepted") : ""
      }`,
    );
    Object.assign(this, { status, body: snippet, mayHaveBeenDelivered });
  }
}

/** Tells errors apart by `name`, which survives bundling and realms where `instanceof` does not. */
export const isTransportError = (error: unknown): error is TransportError =>
  error instanceof Error &&
  ["GraphApiError", "TimeoutError", "NetworkError", "UnexpectedResponseError", "TemplateListError"].includes(error.name);
