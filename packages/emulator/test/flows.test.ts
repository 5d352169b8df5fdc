import { createServer, type IncomingMessage, type Server } from "node:http";
import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import {
  complete,
  dataExchange,
  type FlowJson,
  type FlowRequest,
  finishFlow,
  flow,
  generateFlowKeyPair,
  navigate,
  nodeFlowEndpoint,
  rejectFlowToken,
} from "@wacompose/flows";
import { nodeWebhookHandler, type WebhookEvent } from "@wacompose/webhooks";
import { type EmulatedFlows, type Emulator, FlowPlayError, startEmulator } from "../src/index.js";
import { messageClient } from "./support/message-client.js";
import { listenReleased, releasedAfterEach, startReleased } from "./support/released.js";

const appSecret = "flows-test-secret";
const user = "16505551234";
const keys = generateFlowKeyPair();

/** Signs up with navigate only: WELCOME → PLAN → complete. */
const signUp = flow()
  .screen("WELCOME", (s) =>
    s.title("Welcome").layout((l) =>
      l
        .heading("Join our club")
        .textInput("name", "Your name", { required: true })
        .dropdown("size", "Size", [
          { id: "s", title: "Small" },
          { id: "m", title: "Medium" },
        ])
        .footer("Continue", navigate("PLAN", { name: "${form.name}" })),
    ),
  )
  .screen("PLAN", (s) =>
    s
      .data({ name: { type: "string", __example__: "Ana" } })
      .terminal()
      .layout((l) =>
        l
          .body("${data.name}")
          .checkboxGroup("extras", "Extras", [
            { id: "towel", title: "Towel" },
            { id: "locker", title: "Locker" },
          ])
          .optIn("news", "Send me the newsletter")
          .footer(
            "Sign up",
            complete({ name: "${data.name}", size: "${screen.WELCOME.form.size}", extras: "${form.extras}", news: "${form.news}" }),
          ),
      ),
  )
  .build();

/** Books with the endpoint: INIT → APPOINTMENT → data_exchange → CONFIRM → data_exchange → SUCCESS. */
const booking = flow({ dataApiVersion: "4.0" })
  .screen("APPOINTMENT", (s) =>
    s
      .data({ slots: { type: "array", items: { type: "object" }, __example__: [{ id: "10", title: "10:00" }] } })
      .layout((l) =>
        l.dropdown("slot", "Time", "${data.slots}", { required: true }).footer("Continue", dataExchange({ slot: "${form.slot}" })),
      ),
  )
  .screen("CONFIRM", (s) =>
    s
      .data({ summary: { type: "string", __example__: "Monday at 10:00" } })
      .terminal()
      .layout((l) => l.body("${data.summary}").footer("Confirm", dataExchange({ confirmed: true }))),
  )
  .routes("APPOINTMENT", ["CONFIRM"])
  .build();

const open = releasedAfterEach();

const listen = (server: Server): Promise<string> => listenReleased(open, server);

/** The app: a webhook receiver and the booking flow's endpoint, both checking Meta's signatures. */
async function app(options: { readonly rejectToken?: boolean } = {}) {
  const events: WebhookEvent[] = [];
  const requests: FlowRequest[] = [];
  const raw: string[] = [];
  const webhook = await listen(createServer(nodeWebhookHandler({ appSecret, onEvents: (batch) => void events.push(...batch) })));
  const handle = nodeFlowEndpoint({
    privateKey: keys.privateKey,
    appSecret,
    requireFlowTokenSignature: true,
    flow: booking,
    handlers: {
      INIT: (request) => {
        requests.push(request);
        return {
          screen: "APPOINTMENT",
          data: {
            slots: [
              { id: "10", title: "10:00" },
              { id: "11", title: "11:00" },
            ],
          },
        };
      },
      data_exchange: {
        APPOINTMENT: (request) => {
          requests.push(request);
          return { screen: "CONFIRM", data: { summary: `Monday at ${String(request.data.slot)}:00` } };
        },
        CONFIRM: (request) => {
          requests.push(request);
          return options.rejectToken ? rejectFlowToken() : finishFlow(request, { booked: "11" });
        },
      },
    },
    onError: () => {},
  });
  const endpoint = await listen(
    createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => raw.push(Buffer.concat(chunks).toString("utf8")));
      void handle(request, response);
    }),
  );
  return { events, requests, raw, webhook: `${webhook}/webhook`, endpoint: `${endpoint}/flow` };
}

async function setup(options: { readonly rejectToken?: boolean } = {}) {
  const theApp = await app(options);
  const flows: EmulatedFlows = {
    "1001": { json: signUp },
    "1002": { json: booking, endpoint: { url: theApp.endpoint, publicKey: keys.publicKey } },
  };
  const emulator: Emulator = await startReleased(open, {
    webhook: { url: theApp.webhook, appSecret, statuses: { delaysMs: { read: false } }, window: false },
    flows,
  });
  return { ...theApp, emulator, wa: client(emulator) };
}

const client = messageClient;

const replies = (events: readonly WebhookEvent[]) =>
  events.flatMap((event) => (event.kind === "message" && event.type === "interactive" ? [event.interactive] : []));

describe("completesFlow walks a registered flow", () => {
  it("navigates screen to screen and sends the complete payload as a typed nfm_reply", async () => {
    const { emulator, wa, events } = await setup();
    const sent = await wa.send(msg.to(user).flow("Join us", { flowId: "1001", cta: "Join", token: "tok-1" }));
    const inbound = await emulator.user(user).completesFlow(sent, { name: "Ana", size: "m", extras: ["locker"], news: true });
    await emulator.webhooks.idle();
    expect(inbound.id).toMatch(/^wamid\./);
    expect(replies(events)).toEqual([
      {
        type: "nfm_reply",
        nfm_reply: expect.objectContaining({
          name: "flow",
          body: "Sent",
          flow_token: "tok-1",
          response: { flow_token: "tok-1", name: "Ana", size: "m", extras: ["locker"], news: true },
        }),
      },
    ]);
  });

  it("calls the endpoint encrypted and signed, INIT then data_exchange per screen, and follows its answers", async () => {
    const { emulator, wa, events, requests, raw } = await setup();
    const sent = await wa.send(msg.to(user).flow("Book", { flowId: "1002", cta: "Book", token: "tok-2", action: "data_exchange" }));
    await emulator.user(user).completesFlow(sent, { slot: "11" });
    await emulator.webhooks.idle();
    expect(requests.map((r) => [r.action, r.screen, r.data, r.flow_token])).toEqual([
      ["INIT", "", {}, "tok-2"],
      ["data_exchange", "APPOINTMENT", { slot: "11" }, "tok-2"],
      ["data_exchange", "CONFIRM", { confirmed: true }, "tok-2"],
    ]);
    // On the wire: only the three encrypted fields; neither the answer nor the token is readable.
    expect(raw).toHaveLength(3);
    for (const body of raw) {
      expect(Object.keys(JSON.parse(body))).toEqual(["encrypted_flow_data", "encrypted_aes_key", "initial_vector"]);
      expect(body).not.toContain("tok-2");
    }
    expect(replies(events)).toEqual([
      { type: "nfm_reply", nfm_reply: expect.objectContaining({ flow_token: "tok-2", response: { flow_token: "tok-2", booked: "11" } }) },
    ]);
  });

  it("refuses what the WhatsApp client would not let through, naming the screen and input", async () => {
    const { emulator, wa, events } = await setup();
    const sent = await wa.send(msg.to(user).flow("Join us", { flowId: "1001", cta: "Join" }));
    const ana = emulator.user(user);
    await expect(ana.completesFlow(sent, { size: "m" })).rejects.toThrow(
      "flow: screen WELCOME: TextInput name is required, and has no answer",
    );
    await expect(ana.completesFlow(sent, { name: "Ana", size: "xl" })).rejects.toThrow(
      'flow: screen WELCOME: Dropdown size offers "s", "m", got "xl"',
    );
    await expect(ana.completesFlow(sent, { name: "x".repeat(81) })).rejects.toThrow("TextInput name takes at most 80 characters, got 81");
    await expect(ana.completesFlow(sent, { name: ["Ana"] })).rejects.toThrow("TextInput name takes text, got array");
    await expect(ana.completesFlow(sent, { name: "Ana", extras: ["<script>"] })).rejects.toThrow(
      'flow: screen PLAN: CheckboxGroup extras offers "towel", "locker", got "<script>"',
    );
    await expect(ana.completesFlow(sent, { name: "Ana", news: "yes" })).rejects.toBeInstanceOf(FlowPlayError);
    await emulator.webhooks.idle();
    expect(replies(events)).toEqual([]);
  });

  it("reports the endpoint's 427 and an endpoint that is gone, and sends no reply", async () => {
    const { emulator, wa, events } = await setup({ rejectToken: true });
    const sent = await wa.send(msg.to(user).flow("Book", { flowId: "1002", cta: "Book", token: "tok-3", action: "data_exchange" }));
    await expect(emulator.user(user).completesFlow(sent, { slot: "10" })).rejects.toThrow(
      "flow 1002: data_exchange from CONFIRM: the endpoint answered HTTP 427 (flow token no longer valid)",
    );
    await emulator.webhooks.idle();
    expect(replies(events)).toEqual([]);

    const gone = await startReleased(open, {
      webhook: { url: `${emulator.url}/nowhere`, appSecret, window: false },
      flows: { "1002": { json: booking, endpoint: { url: "http://127.0.0.1:1/flow", publicKey: keys.publicKey } } },
    });
    const again = await client(gone).send(msg.to(user).flow("Book", { flowId: "1002", cta: "Book", action: "data_exchange" }));
    await expect(gone.user(user).completesFlow(again, { slot: "10" })).rejects.toThrow(
      // fetch's cause, not its "fetch failed": port 1 is on fetch's list of blocked ports.
      "flow 1002: INIT: the endpoint http://127.0.0.1:1/flow did not answer (bad port)",
    );
  });

  it("an endpoint that redirects is answering HTTP 3xx: the encrypted, signed request is not sent on to the Location", async () => {
    const theApp = await app();
    // A 307 keeps the method and body: fetch's default would post the whole exchange to the Location, and the walk would go on.
    const redirects = await listen(
      createServer((request, response) => {
        request.resume();
        request.on("end", () => response.writeHead(307, { Location: theApp.endpoint }).end());
      }),
    );
    const emulator = await startReleased(open, {
      webhook: { url: theApp.webhook, appSecret, window: false },
      flows: { "1002": { json: booking, endpoint: { url: `${redirects}/flow`, publicKey: keys.publicKey } } },
    });
    const sent = await client(emulator).send(msg.to(user).flow("Book", { flowId: "1002", cta: "Book", action: "data_exchange" }));
    await expect(emulator.user(user).completesFlow(sent, { slot: "10" })).rejects.toThrow(
      "flow 1002: INIT: the endpoint answered HTTP 307",
    );
    expect(theApp.raw).toEqual([]);
  });

  it("a hostile endpoint: an answer over 1 MiB, one that does not decrypt, a screen the flow does not have", async () => {
    const theApp = await app();
    let mode = "huge";
    const wrongScreen = nodeFlowEndpoint({ privateKey: keys.privateKey, handlers: { INIT: () => ({ screen: "NOWHERE", data: {} }) } });
    let exchanges = 0;
    const again = () => ({ screen: "APPOINTMENT", data: { slots: [{ id: "10", title: "10:00" }] } });
    const loop = nodeFlowEndpoint({
      privateKey: keys.privateKey,
      handlers: {
        INIT: again,
        data_exchange: () => {
          exchanges++;
          return again();
        },
      },
    });
    const url = await listen(
      createServer((request, response) => {
        if (mode === "screen") return void wrongScreen(request, response);
        if (mode === "loop") return void loop(request, response);
        request.resume();
        response.writeHead(200, { "Content-Type": "text/plain" });
        if (mode === "garbage") return void response.end("bm90IGVuY3J5cHRlZCBhdCBhbGw=");
        const chunk = "A".repeat(64 * 1024);
        for (let i = 0; i < 40; i++) response.write(chunk); // 2.5 MiB
        response.end();
      }),
    );
    const emulator = await startReleased(open, {
      webhook: { url: theApp.webhook, appSecret, window: false },
      flows: { "1002": { json: booking, endpoint: { url, publicKey: keys.publicKey } } },
    });
    const sent = await client(emulator).send(msg.to(user).flow("Book", { flowId: "1002", cta: "Book", action: "data_exchange" }));
    const ana = emulator.user(user);
    await expect(ana.completesFlow(sent, { slot: "10" })).rejects.toThrow("flow 1002: INIT: the endpoint's answer is over 1048576 bytes");
    mode = "garbage";
    await expect(ana.completesFlow(sent, { slot: "10" })).rejects.toThrow("flow 1002: INIT: the endpoint's answer does not decrypt");
    mode = "screen";
    await expect(ana.completesFlow(sent, { slot: "10" })).rejects.toThrow(
      'flow 1002: the endpoint answered INIT with screen "NOWHERE", not a screen of the flow',
    );
    mode = "loop"; // an endpoint that always answers the same screen
    await expect(ana.completesFlow(sent, { slot: "10" })).rejects.toThrow("flow 1002: did not complete after 100 screens");
    expect(exchanges).toBe(100);
    mode = "screen";
    // The inbox shows the broken flow as failed, escaped, and offers no form (its INIT runs on the first look: polled, bounded).
    let failed = "";
    for (let i = 0; i < 200 && !failed.includes("wa-flow-failed"); i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      failed = await (await fetch(`${emulator.url}/__inbox`)).text();
    }
    expect(failed).toContain("✗ flow 1002: the endpoint answered INIT with screen &quot;NOWHERE&quot;, not a screen of the flow");
    expect(failed).not.toContain("wa-flow-form");
  });

  it("a flow the emulator does not know: the answers are the response_json, as before", async () => {
    const { emulator, wa, events } = await setup();
    const sent = await wa.send(msg.to(user).flow("Other", { flowId: "9999", cta: "Go", token: "tok-4" }));
    await emulator.user(user).completesFlow(sent, { anything: "goes" });
    await emulator.webhooks.idle();
    expect(replies(events)[0]).toMatchObject({ nfm_reply: { response: { flow_token: "tok-4", anything: "goes" } } });
  });

  it("refuses Flow JSON that does not validate, and an endpoint URL that is not http(s), at start", async () => {
    const broken = { version: "7.3", screens: [{ id: "A", terminal: true, layout: { type: "SingleColumnLayout", children: [] } }] };
    await expect(startEmulator({ flows: { "1": { json: broken as unknown as typeof signUp } } })).rejects.toThrow(
      'startEmulator: flows["1"].json is not valid Flow JSON',
    );
    await expect(
      startEmulator({ flows: { "1": { json: signUp, endpoint: { url: "file:///etc/passwd", publicKey: keys.publicKey } } } }),
    ).rejects.toThrow('startEmulator: flows["1"].endpoint.url must be an http(s) URL, got "file:///etc/passwd"');
    // fetch would refuse it at each exchange, with an error holding the password, shown in the inbox.
    const withPassword = startReleased(open, {
      flows: { "1": { json: signUp, endpoint: { url: "https://app:pa55@flows.example/flow", publicKey: keys.publicKey } } },
    });
    await expect(withPassword).rejects.toThrow(
      'startEmulator: flows["1"].endpoint.url must not hold a user name or password (fetch refuses it), got one for flows.example (not shown)',
    );
  });
});

describe("the inbox's flow form", () => {
  const post = (emulator: Emulator, body: unknown, contentType = "application/json") =>
    fetch(`${emulator.url}/__flow`, { method: "POST", headers: { "Content-Type": contentType }, body: JSON.stringify(body) });

  it("draws the screen as a form, one screen per submit, and completes with the nfm_reply", async () => {
    const { emulator, wa, events } = await setup();
    const sent = await wa.send(msg.to(user).flow("Join us", { flowId: "1001", cta: "Join", token: "tok-5" }));
    const wamid = sent.messages[0]?.id ?? "";
    const page = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(page).toContain(`<form class="wa-flow-form" data-wamid="${wamid}" data-screen="WELCOME">`);
    expect(page).toContain('<input name="name" type="text" required>');
    expect(page).toContain('<option value="m">Medium</option>');
    expect((await post(emulator, { wamid, screen: "WELCOME", answers: { name: "Ana" } })).status).toBe(200);
    const second = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(second).toContain('data-screen="PLAN"');
    expect(second).toContain('<p class="wa-flow-text">Ana</p>'); // ${data.name} from the navigate payload
    // A form for a screen no longer shown is refused and changes nothing.
    const stale = await post(emulator, { wamid, screen: "WELCOME", answers: { name: "Bo" } });
    expect([stale.status, ((await stale.json()) as { error: string }).error]).toEqual([
      400,
      'flow: screen "WELCOME" is not the one shown (PLAN)',
    ]);
    const done = await post(emulator, { wamid, screen: "PLAN", answers: { extras: ["towel"], news: true } });
    expect(await done.json()).toMatchObject({ state: "completed" });
    await emulator.webhooks.idle();
    expect(replies(events)[0]).toMatchObject({
      nfm_reply: { response: { flow_token: "tok-5", name: "Ana", extras: ["towel"], news: true } },
    });
    expect(await (await fetch(`${emulator.url}/__inbox`)).text()).toContain("✅ flow completed");
  });

  it("a double submit runs the screen once: the endpoint gets one data_exchange", async () => {
    const { emulator, wa, requests } = await setup();
    const sent = await wa.send(msg.to(user).flow("Book", { flowId: "1002", cta: "Book", token: "tok-6", action: "data_exchange" }));
    const wamid = sent.messages[0]?.id ?? "";
    let inbox = "";
    for (let i = 0; i < 200 && !inbox.includes('data-screen="APPOINTMENT"'); i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      inbox = await (await fetch(`${emulator.url}/__inbox`)).text();
    }
    expect(inbox).toContain('<option value="11">11:00</option>'); // from the endpoint's INIT
    const submit = { wamid, screen: "APPOINTMENT", answers: { slot: "10" } };
    const answers = await Promise.all([post(emulator, submit), post(emulator, submit)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    const refused = (await answers.find((answer) => answer.status === 400)?.json()) as { error: string };
    // Refused while the first waits for the endpoint, or after it, as a form for a screen no longer shown.
    expect(refused.error).toMatch(/^flow: screen (APPOINTMENT is being submitted already|"APPOINTMENT" is not the one shown \(CONFIRM\))$/);
    expect(requests.filter((r) => r.action === "data_exchange")).toHaveLength(1);
  });

  it("escapes every string of the flow and its data", async () => {
    const hostile = flow()
      .screen("START", (s) =>
        s
          .title("<b>T</b>")
          .terminal()
          .layout((l) =>
            l
              .heading('<img src=x onerror="alert(1)">')
              .radioButtons("pick", "<i>x</i>", [{ id: '"><script>1</script>', title: "<script>2</script>" }])
              .footer("</form><script>3</script>", complete({ pick: "${form.pick}" })),
          ),
      )
      .build();
    const { emulator, wa } = await startHostile(hostile);
    await wa.send(msg.to(user).flow("Hi", { flowId: "2001", cta: "Go" }));
    const page = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(page).not.toMatch(/<script>|<img|<b>T|<i>x/);
    expect(page).toContain("&lt;script&gt;2&lt;/script&gt;");
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;1&lt;/script&gt;"');
  });

  async function startHostile(json: FlowJson) {
    const theApp = await app();
    const emulator = await startReleased(open, { webhook: { url: theApp.webhook, appSecret, window: false }, flows: { "2001": { json } } });
    return { emulator, wa: client(emulator) };
  }

  it("refuses hostile submits with a clear status", async () => {
    const { emulator, wa } = await setup();
    const sent = await wa.send(msg.to(user).flow("Join us", { flowId: "1001", cta: "Join" }));
    const wamid = sent.messages[0]?.id ?? "";
    await fetch(`${emulator.url}/__inbox`); // opens the flow
    expect((await post(emulator, { wamid, screen: "WELCOME", answers: {} }, "text/plain")).status).toBe(415);
    expect((await post(emulator, [wamid])).status).toBe(400);
    expect((await post(emulator, { wamid, screen: "WELCOME", answers: ["x"] })).status).toBe(400);
    expect((await post(emulator, { wamid: "wamid.nope", screen: "WELCOME", answers: {} })).status).toBe(404);
    const big = await post(emulator, { wamid, screen: "WELCOME", answers: { name: "x".repeat(70_000) } });
    expect(big.status).toBe(413);
    const missing = await post(emulator, { wamid, screen: "WELCOME", answers: { name: { deep: [1] } } });
    expect(await missing.json()).toEqual({ error: "flow: screen WELCOME: TextInput name takes text, got object" });
    // A bad answer leaves the screen open for the person to fix.
    expect(await (await fetch(`${emulator.url}/__inbox`)).text()).toContain('data-screen="WELCOME"');
  });
});
