import type { IncomingMessage, ServerResponse } from "node:http";

/** Answers a request refused at the door and closes the connection, so its unread body is never read. */
export function refuse(response: ServerResponse, status: number, value: unknown): void {
  response.setHeader("Connection", "close");
  json(response, status, value);
}

export function html(response: ServerResponse, text: string): void {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

export function json(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  response.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

/** The request's body, or undefined past `maxBytes` (reading stops there). */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
