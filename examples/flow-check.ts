// Browser check, run by `pnpm test`: a WhatsApp Flow end to end. The app is a webhook receiver
// (@wacompose/webhooks) and a data endpoint (nodeFlowEndpoint, requiring Meta's signatures). The
// emulator sends a flow message; in headless Chromium (driven over the DevTools protocol) the inbox
// shows the flow's first screen, which the endpoint's INIT filled; the form is filled and submitted
// with a real mouse click, the endpoint is called encrypted for the screen's data_exchange and
// answers the next screen, which is filled and submitted too; the receiver must get a typed
// nfm_reply whose response holds the answers. Prints "N passed, N failed".
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { msg } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { complete, dataExchange, type FlowRequest, flow, generateFlowKeyPair, nodeFlowEndpoint } from "@wacompose/flows";
import { createClient } from "@wacompose/transport-fetch";
import { nodeWebhookHandler, type WebhookEvent } from "@wacompose/webhooks";
import { checker, chromium, type Page, withPage } from "./browser.js";

const { check, summary } = checker("flow");
if (chromium === undefined) {
  check("chromium is installed (apt-get install chromium)", false);
  process.exit(summary());
}

const signUp = flow({ dataApiVersion: "4.0" })
  .screen("DETAILS", (s) =>
    s
      .data({ sizes: { type: "array", items: { type: "object" }, __example__: [{ id: "m", title: "Medium" }] } })
      .title("Join the club")
      .layout((l) =>
        l
          .heading("Your details")
          .textInput("name", "Your name", { required: true })
          .dropdown("size", "T-shirt size", "${data.sizes}", { required: true })
          .footer("Continue", dataExchange({ name: "${form.name}", size: "${form.size}" })),
      ),
  )
  .screen("PLAN", (s) =>
    s
      .data({ summary: { type: "string", __example__: "Ana, size M" } })
      .title("Pick a plan")
      .terminal()
      .layout((l) =>
        l
          .body("${data.summary}")
          .radioButtons("plan", "Plan", [
            { id: "basic", title: "Basic" },
            { id: "pro", title: "Pro" },
          ])
          .checkboxGroup("extras", "Extras", [
            { id: "towel", title: "Towel" },
            { id: "locker", title: "Locker" },
          ])
          .optIn("news", "Send me the newsletter")
          .footer(
            "Sign up",
            complete({ summary: "${data.summary}", plan: "${form.plan}", extras: "${form.extras}", news: "${form.news}" }),
          ),
      ),
  )
  .routes("DETAILS", ["PLAN"])
  .build();

const appSecret = "flow-check-secret";
const keys = generateFlowKeyPair();
const events: WebhookEvent[] = [];
const endpointCalls: FlowRequest[] = [];
const bodies: string[] = [];
const webhookServer = createServer(nodeWebhookHandler({ appSecret, onEvents: (batch) => void events.push(...batch) }));
const handleFlow = nodeFlowEndpoint({
  privateKey: keys.privateKey,
  appSecret,
  requireFlowTokenSignature: true,
  flow: signUp,
  handlers: {
    INIT: (request) => {
      endpointCalls.push(request);
      return {
        screen: "DETAILS",
        data: {
          sizes: [
            { id: "s", title: "Small" },
            { id: "m", title: "Medium" },
            { id: "xss", title: `<img src=x onerror="window.__xss = 1">` },
          ],
        },
      };
    },
    data_exchange: {
      DETAILS: (request) => {
        endpointCalls.push(request);
        return { screen: "PLAN", data: { summary: `${String(request.data.name)}, size ${String(request.data.size).toUpperCase()}` } };
      },
    },
  },
});
const endpointServer = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => bodies.push(Buffer.concat(chunks).toString("utf8")));
  void handleFlow(request, response);
});
const listen = async (server: ReturnType<typeof createServer>) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const webhookUrl = `${await listen(webhookServer)}/webhook`;
const endpointUrl = `${await listen(endpointServer)}/flow`;

const emulator = await startEmulator({
  accessToken: "flow-token",
  webhook: { url: webhookUrl, appSecret, window: false },
  flows: { "424242": { json: signUp, endpoint: { url: endpointUrl, publicKey: keys.publicKey } } },
});
const wa = createClient({ phoneNumberId: "106540352242922", accessToken: "flow-token", baseUrl: emulator.url });

/** Polls until `found` returns something, for at most `seconds` (bounded: a loaded host is slow, never stuck). */
async function until<T>(found: () => T | undefined | Promise<T | undefined>, seconds = 60): Promise<T | undefined> {
  for (let i = 0; i < seconds * 10; i++) {
    const value = await found();
    if (value !== undefined && value !== null && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

/** Sets a field as typing would (the page's input listener sees it) — by script, since CDP key events per character are slow. */
const fill = (page: Page, script: string) =>
  page.evaluate<boolean>(
    `(() => { const form = document.querySelector(".wa-flow-form"); ${script}; form.dispatchEvent(new Event("input", { bubbles: true })); return true; })()`,
  );

try {
  const sent = await wa.send(
    msg
      .to("+16505551234")
      .flow("Join our club in two steps", { flowId: "424242", cta: "Join", token: "signup-7", action: "data_exchange" }),
  );
  const wamid = sent.messages[0]?.id ?? "";

  await withPage(`${emulator.url}/`, async (page) => {
    const first = await until(() =>
      page.evaluate<string | null>(`document.querySelector('.wa-flow-form[data-wamid="${wamid}"]')?.dataset.screen ?? null`),
    );
    check(`the inbox shows the flow's first screen as a form (${first})`, first === "DETAILS");
    check(
      "its dropdown holds the options the endpoint's INIT answered",
      (await page.evaluate<string>(
        `[...document.querySelectorAll('.wa-flow-form select[name="size"] option')].map((o) => o.value).join(",")`,
      )) === ",s,m,xss",
    );
    check(
      "an endpoint's string stays text",
      (await page.evaluate<boolean>(
        `document.querySelector('.wa-flow-form option[value="xss"]')?.textContent === '<img src=x onerror="window.__xss = 1">' && window.__xss === undefined`,
      )) === true,
    );

    await fill(page, `form.elements.name.value = "Ana"; form.elements.size.value = "m"`);
    await page.click(".wa-flow-form .wa-flow-submit");
    const second = await until(() =>
      page.evaluate<string | null>(`document.querySelector('.wa-flow-form[data-screen="PLAN"]') ? "PLAN" : null`),
    );
    check("submitting calls the endpoint, and its answer is the next screen", second === "PLAN");
    check(
      "the next screen shows the data the endpoint answered",
      (await page.evaluate<string>(`document.querySelector(".wa-flow-form .wa-flow-text")?.textContent ?? ""`)) === "Ana, size M",
    );

    await fill(
      page,
      `form.querySelector('input[name="plan"][value="pro"]').checked = true; form.querySelector('input[name="extras"][value="locker"]').checked = true; form.elements.news.checked = true`,
    );
    await page.click(".wa-flow-form .wa-flow-submit");
    const done = await until(() => page.evaluate<boolean>(`!!document.querySelector(".wa-flow-completed")`));
    check("the inbox shows the flow completed", done === true);
  });

  check(
    `the endpoint got INIT then DETAILS' data_exchange (${endpointCalls.map((r) => `${r.action}:${r.screen}`).join(", ")})`,
    endpointCalls.length === 2 &&
      endpointCalls[0]?.action === "INIT" &&
      endpointCalls[1]?.action === "data_exchange" &&
      endpointCalls[1]?.screen === "DETAILS" &&
      endpointCalls[1]?.data.name === "Ana" &&
      endpointCalls[1]?.flow_token === "signup-7",
  );
  check(
    "every endpoint request was encrypted (only the three base64 fields on the wire, no answer readable)",
    bodies.length === 2 &&
      bodies.every(
        (body) => Object.keys(JSON.parse(body)).join() === "encrypted_flow_data,encrypted_aes_key,initial_vector" && !body.includes("Ana"),
      ),
  );
  const reply = await until(() =>
    events.find((e) => e.kind === "message" && e.type === "interactive" && e.interactive.type === "nfm_reply"),
  );
  check("the receiver got a signed nfm_reply webhook", reply !== undefined);
  if (reply?.kind === "message" && reply.type === "interactive" && reply.interactive.type === "nfm_reply") {
    const { nfm_reply } = reply.interactive;
    check("its context.id is the flow message's wamid", reply.context?.id === wamid);
    check(`its flow_token is the message's (${nfm_reply.flow_token})`, nfm_reply.flow_token === "signup-7");
    check(
      `its response holds the answers (${nfm_reply.response_json})`,
      JSON.stringify(nfm_reply.response) ===
        JSON.stringify({ flow_token: "signup-7", summary: "Ana, size M", plan: "pro", extras: ["locker"], news: true }),
    );
  }
} catch (error) {
  check(`the browser ran (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`, false);
} finally {
  await emulator.close();
  webhookServer.close();
  endpointServer.close();
}
process.exitCode = summary();
