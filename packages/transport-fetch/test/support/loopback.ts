import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "@jest/globals";

/** One request a loopback server was asked. */
export interface Seen {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly authorization: string | undefined;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, seen: readonly Seen[]) => void;

/**
 * `serve(handler)` for one test file: a server on 127.0.0.1 that answers with `handler` once a
 * request's body is read. Every server still open is closed after each test, its connections
 * first: a handler that never answers (or a failed test) must not hold close() open.
 */
export function loopbackServers() {
  const open = new Set<Server>();
  const close = (server: Server): Promise<void> => {
    open.delete(server);
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  afterEach(async () => {
    await Promise.all([...open].map(close));
  });

  return async function serve(handler: Handler) {
    const seen: Seen[] = [];
    const server = createServer((request, response) => {
      seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
      request.resume();
      request.on("end", () => handler(request, response, seen));
    });
    open.add(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      seen,
      /** How many requests reached the server. */
      requests: () => seen.length,
      /** Closes the server now, so that its port refuses. */
      close: () => close(server),
    };
  };
}
