import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from "node:http";

/**
 * How much of an oversized body is read and dropped before answering 413: a client that writes
 * its whole body before reading (fetch does) then reads the 413, not a reset. Past it, the 413 is
 * sent and the connection closed.
 */
const drainBytes = 64 << 20;

/** Answers a request refused at the door and closes the connection, so its unread body is never read. */
export function refuse(response: ServerResponse, status: number, value: unknown): void {
  response.setHeader("Connection", "close");
  json(response, status, value);
}

/**
 * An HTML page: never inside a frame on another site (clickjacking the inbox's buttons), by
 * `frame-ancestors 'none'` added to any policy already set, and `X-Frame-Options` for old browsers.
 */
export function html(response: ServerResponse, text: string): void {
  response.setHeader("Content-Security-Policy", unframeable(response.getHeader("Content-Security-Policy")));
  response.setHeader("X-Frame-Options", "DENY");
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

/** Each policy with its `frame-ancestors` directive (if any) replaced by `frame-ancestors 'none'`. */
export function unframeable(existing: OutgoingHttpHeader | undefined): string | string[] {
  const policies = (existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)]).filter(
    (policy) => policy.trim() !== "",
  );
  const merged = (policies.length === 0 ? [""] : policies).map((policy) =>
    [
      ...policy
        .split(";")
        .map((directive) => directive.trim())
        .filter((directive) => directive !== "" && !/^frame-ancestors(\s|$)/i.test(directive)),
      "frame-ancestors 'none'",
    ].join("; "),
  );
  return merged.length === 1 ? (merged[0] as string) : merged;
}

export function json(response: ServerResponse, status: number, value: unknown): void {
  // Answered before its body was read (a 404, a refused type): closed, else the client is stuck writing the rest.
  if (bodyUnread(response.req)) response.setHeader("Connection", "close");
  const text = JSON.stringify(value);
  response.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

/** Whether the request came with a body that has not been read to its end. */
function bodyUnread(request: IncomingMessage | undefined): boolean {
  if (request === undefined || request.readableEnded) return false;
  const length = request.headers["content-length"];
  return request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/**
 * The request's body, or undefined past `maxBytes`. An oversized body is still read to its end
 * (and dropped, up to `drainBytes` more) so the caller's 413 reaches the client: a read that
 * stops early destroys the socket, and the client sees a reset instead of the answer.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (value: Buffer | undefined): void => {
      request.off("data", onData).off("end", onEnd).off("close", onClose).off("error", reject);
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (chunks.length > 0) chunks.length = 0; // over: keep nothing
      if (size > maxBytes + drainBytes) finish(undefined); // no end in sight: answer now, the 413 closes the connection
    };
    const onEnd = (): void => finish(size > maxBytes ? undefined : Buffer.concat(chunks));
    // The client went away mid-body: nothing to answer, but the handler must not wait forever.
    const onClose = (): void => finish(undefined);
    request.on("data", onData).on("end", onEnd).on("close", onClose).on("error", reject);
  });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
