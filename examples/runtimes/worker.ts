// Runs unchanged on workerd, Cloudflare Workers' runtime (scripts/runtime-check.mjs bundles it with esbuild and serves it
// with workerd, without the nodejs_compat flag, so a `node:` import, `Buffer` or a Node stream fails here). The app secret
// and the emulator's URL are bindings, as on Workers. POST /webhook is @wacompose/webhooks' web `Request` handler; POST /run
// sends a text with @wacompose/builder and @wacompose/transport-fetch and answers, as send-and-receive.ts prints, one JSON
// line once the signed sent, delivered and read webhooks were verified and parsed (in any order), or after 20 s.
import { msg } from "@wacompose/builder";
import { createClient } from "@wacompose/transport-fetch";
import { type StatusName, webhookHandler } from "@wacompose/webhooks";

interface Env {
  readonly APP_SECRET: string;
  readonly EMULATOR_URL: string;
}

// workerd serves every request of this worker from one isolate, so the webhooks' requests leave here what /run reads.
const statuses: StatusName[] = [];
let refused = 0;
let handle: ((request: Request) => Promise<Response>) | undefined;

const allRead = (): boolean => ["sent", "delivered", "read"].every((name) => statuses.includes(name as StatusName));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    // Bindings arrive with the request, so the handler is made on the first one.
    handle ??= webhookHandler({
      appSecret: env.APP_SECRET,
      onEvents(events) {
        for (const event of events) if (event.kind === "status") statuses.push(event.status);
      },
      onRejected: () => void refused++,
    });
    const { pathname } = new URL(request.url);
    if (pathname === "/webhook") return handle(request);
    if (pathname !== "/run" || request.method !== "POST") return new Response("POST /run or /webhook", { status: 404 });
    const wa = createClient({ phoneNumberId: "106540352242922", accessToken: "test-token", baseUrl: env.EMULATOR_URL });
    const sent = await wa.send(msg.to("16505551234").text("Hello from workerd"));
    // Polls the list rather than awaiting a promise that the webhooks' requests resolve: what requests share here is plain
    // data, never a promise or an I/O object (Workers tie those to the request that made them).
    for (let waited = 0; waited < 20_000 && !allRead(); waited += 50) await pause(50);
    return Response.json({ wamid: sent.messages[0]?.id.startsWith("wamid."), statuses: [...statuses].sort(), refused });
  },
};
