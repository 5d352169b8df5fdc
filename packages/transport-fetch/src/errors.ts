import type { GraphErrorAction, GraphErrorBody, GraphErrorCategory } from "@wacompose/builder";

export type { GraphErrorBody } from "@wacompose/builder";

/**
 * Base of every error this transport throws. `mayHaveBeenDelivered` says whether the API
 * could have accepted the message anyway (a timeout or reset after the body was sent):
 * check before resending, or you may send it twice. Messages never contain the access token.
 */
export abstract class TransportError extends Error {
  abstract readonly mayHaveBeenDelivered: boolean;
}

/** The API answered with a Graph error: the message was not accepted. */
export class GraphApiError extends TransportError {
  override readonly name = "GraphApiError";
  readonly mayHaveBeenDelivered = false;
  /** HTTP status. */
  readonly status: number;
  /** Graph error code, e.g. 131047 (re-engagement window closed); build error handling on it. */
  readonly code: number | undefined;
  /** Deprecated by Meta since v16 but still sent sometimes. */
  readonly subcode: number | undefined;
  readonly type: string | undefined;
  /** `error_data.details`: what was wrong, in the API's words. */
  readonly details: string | undefined;
  readonly fbtraceId: string | undefined;
  /**
   * What kind of problem: from the protocol's table of codes with `createClient` (see `classifyGraphError`);
   * with `createSender`, from its retryable codes and the HTTP status (see classify-briefly.ts).
   */
  readonly category: GraphErrorCategory;
  /** What to do: `retry`, `retry_after`, `fix_and_retry`, `do_not_retry` or `refresh_token`. */
  readonly action: GraphErrorAction;
  /** Whether waiting and sending again can succeed: the action is `retry` or `retry_after`. */
  readonly retryable: boolean;
  /** How long to wait, from `Retry-After` or `X-Business-Use-Case-Usage`, when the API said. */
  readonly retryAfterMs: number | undefined;

  /** `classified`: the error's category and action, e.g. `classifyGraphError(error, status)`. */
  constructor(
    status: number,
    error: GraphErrorBody,
    classified: { readonly category: GraphErrorCategory; readonly action: GraphErrorAction },
    retryAfterMs?: number,
  ) {
    const details = error.error_data?.details;
    super(`Graph API error ${error.code ?? "?"} (HTTP ${status}): ${error.message ?? "no message"}${details ? ` — ${details}` : ""}`);
    this.status = status;
    this.code = error.code;
    this.subcode = error.error_subcode;
    this.type = error.type;
    this.details = details;
    this.fbtraceId = error.fbtrace_id;
    const { category, action } = classified;
    this.category = category;
    this.action = action;
    this.retryable = action === "retry" || action === "retry_after";
    this.retryAfterMs = retryAfterMs;
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
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms; the message may have been delivered, so it was not resent — check before sending it again`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The connection failed. Before the request was written (refused, DNS) nothing was sent;
 * after (reset, closed), the API may have accepted the message and it is not resent.
 */
export class NetworkError extends TransportError {
  override readonly name = "NetworkError";
  readonly mayHaveBeenDelivered: boolean;
  /** The system error code, e.g. ECONNREFUSED or ECONNRESET, when known. */
  readonly reason: string | undefined;
  /** Where the request went (never with the token, which travels in a header). */
  readonly url: string | undefined;

  constructor(reason: string | undefined, mayHaveBeenDelivered: boolean, url?: string) {
    const where = url === undefined ? "" : ` to ${url}`;
    super(
      mayHaveBeenDelivered
        ? `connection${where} lost after the request was sent (${reason ?? "unknown"}); the message may have been delivered, so it was not resent`
        : `could not connect${where} (${reason ?? "unknown"}); nothing was sent${reason === "ECONNREFUSED" ? " — is the server (or the emulator) running?" : ""}`,
    );
    this.reason = reason;
    this.mayHaveBeenDelivered = mayHaveBeenDelivered;
    this.url = url;
  }
}

/**
 * An answer that is not the API's: an HTML 502 page from a proxy, a truncated or oversized
 * body, JSON of another shape (`{}` for a send), a redirect. A 2xx (or 5xx) status may mean
 * the message was accepted all the same: `mayHaveBeenDelivered` says so.
 */
export class UnexpectedResponseError extends TransportError {
  override readonly name = "UnexpectedResponseError";
  readonly status: number;
  /** The start of the body, for diagnosis. */
  readonly body: string;
  readonly mayHaveBeenDelivered: boolean;

  /** `problem` says what was wrong with the answer; by default, that it is not the Graph API's JSON. */
  constructor(status: number, statusText: string, body: string, problem = "a body that is not the Graph API's JSON") {
    const accepted = status >= 200 && status < 300;
    const snippet = body.replace(/\s+/g, " ").trim().slice(0, 120);
    const mayHaveBeenDelivered = accepted || status >= 500;
    super(
      `HTTP ${status}${statusText ? ` ${statusText}` : ""} with ${problem}${snippet ? `: ${snippet}` : " (empty)"}` +
        (mayHaveBeenDelivered
          ? `; the message may have been accepted${accepted ? " (the status says so)" : ""}, so it was not resent — check before sending it again`
          : ""),
    );
    this.status = status;
    this.body = snippet;
    this.mayHaveBeenDelivered = mayHaveBeenDelivered;
  }
}

/** Tells errors apart by `name`, which survives bundling and realms where `instanceof` does not. */
export const isTransportError = (error: unknown): error is TransportError =>
  error instanceof Error &&
  ["GraphApiError", "TimeoutError", "NetworkError", "UnexpectedResponseError", "TemplateListError"].includes(error.name);
