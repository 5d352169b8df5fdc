// The slice of Deno's and Bun's globals that docs/edge-runtimes.md uses, for scripts/check-docs.mjs: the doc
// snippets compile with Node's types only, and neither runtime's types are installed. The signatures are the
// runtimes' own, narrowed to what the guide calls; scripts/runtime-check.mjs makes the same calls on the real
// Deno and Bun (examples/runtimes/send-and-receive.ts).

declare namespace Deno {
  interface ServeOptions {
    readonly port?: number;
    readonly hostname?: string;
    readonly onListen?: (address: { readonly hostname: string; readonly port: number }) => void;
  }
  interface HttpServer {
    shutdown(): Promise<void>;
  }
  function serve(options: ServeOptions, handler: (request: Request) => Response | Promise<Response>): HttpServer;
  function serve(handler: (request: Request) => Response | Promise<Response>): HttpServer;
  const env: { get(name: string): string | undefined };
}

declare namespace Bun {
  interface Server {
    readonly port: number;
    stop(closeActiveConnections?: boolean): Promise<void>;
  }
  function serve(options: {
    readonly port?: number;
    readonly hostname?: string;
    readonly fetch: (request: Request) => Response | Promise<Response>;
  }): Server;
  const env: Record<string, string | undefined>;
}
