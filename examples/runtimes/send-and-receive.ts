// Runs unchanged on Node 22/24/26, Bun and Deno (scripts/runtime-check.mjs starts it; worker.ts does the same on workerd):
// sends a text with @wacompose/builder and @wacompose/transport-fetch to the emulator at EMULATOR_URL, serves
// @wacompose/webhooks' web `Request` handler on 127.0.0.1:PORT, and prints one JSON line once the signed sent, delivered
// and read webhooks were verified and parsed (in any order).
import { msg } from "@wacompose/builder";
import { createClient } from "@wacompose/transport-fetch";
import { type StatusName, webhookHandler } from "@wacompose/webhooks";

type Handler = (request: Request) => Promise<Response>;
interface Runtime {
  readonly Bun?: {
    serve(options: { port: number; hostname: string; fetch: Handler }): { stop(force?: boolean): unknown };
    env: Record<string, string | undefined>;
  };
  readonly Deno?: {
    serve(options: { port: number; hostname: string; onListen?: () => void }, handler: Handler): { shutdown(): Promise<void> };
    env: { get(name: string): string | undefined };
  };
}
const runtime = globalThis as Runtime & { readonly process?: { env: Record<string, string | undefined> } };
const env = (name: string): string => runtime.Bun?.env[name] ?? runtime.Deno?.env.get(name) ?? runtime.process?.env[name] ?? "";

const statuses: StatusName[] = [];
let refused = 0;
let done: () => void = () => {};
const read = new Promise<void>((resolve) => {
  done = resolve;
});
const handle = webhookHandler({
  appSecret: env("APP_SECRET"),
  onEvents(events) {
    for (const event of events) if (event.kind === "status") statuses.push(event.status);
    // Deliveries run in parallel, so they may arrive in any order (reduceStatus orders them in an app).
    if (["sent", "delivered", "read"].every((name) => statuses.includes(name as StatusName))) done();
  },
  onRejected: () => void refused++,
});
const port = Number(env("PORT"));
const stop =
  runtime.Bun !== undefined
    ? (() => {
        const server = runtime.Bun.serve({ port, hostname: "127.0.0.1", fetch: handle });
        return async () => void server.stop(true);
      })()
    : runtime.Deno !== undefined
      ? (() => {
          const server = runtime.Deno.serve({ port, hostname: "127.0.0.1", onListen: () => {} }, handle);
          return () => server.shutdown();
        })()
      : await serveOnNode(port, handle);

/** Node has no web `serve`: node:http, each request handed to the same web handler as a `Request`. */
async function serveOnNode(port: number, handler: Handler): Promise<() => Promise<void>> {
  const { createServer } = await import("node:http");
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Uint8Array);
    const headers = Object.entries(incoming.headers).flatMap(([key, value]) =>
      typeof value === "string" ? [[key, value] as [string, string]] : [],
    );
    const request = new Request(`http://127.0.0.1:${port}${incoming.url ?? "/"}`, {
      method: incoming.method ?? "GET",
      headers,
      ...(incoming.method === "POST" ? { body: new Blob(chunks) } : {}),
    });
    const response = await handler(request);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(new Uint8Array(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

const wa = createClient({ phoneNumberId: "106540352242922", accessToken: "test-token", baseUrl: env("EMULATOR_URL") });
const sent = await wa.send(msg.to("16505551234").text("Hello from another runtime"));
let timer: ReturnType<typeof setTimeout> | undefined;
await Promise.race([read, new Promise<void>((resolve) => (timer = setTimeout(resolve, 20_000)))]);
clearTimeout(timer);
await stop();
console.log(JSON.stringify({ wamid: sent.messages[0]?.id.startsWith("wamid."), statuses: [...statuses].sort(), refused }));
