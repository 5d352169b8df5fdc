// Transport overhead: sends to the emulator on loopback through createSender().send(builder)
// (the core, no retry policy: as a user gets it) and createClient().send(builder) (retries on) versus raw fetch given the same options the clients pass
// (a per-send AbortSignal with its timer, redirect: "manual") and a prebuilt body, interleaved
// in batches in one process; then each client's own CPU per send, with a stub fetch that
// answers at once.
import { msg } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { createClient, createSender } from "@wacompose/transport-fetch";

// Many short rounds: a burst of load on a shared host spoils a round or two, not a fifth of the figure.
const total = 2000;
const batch = 5;
const emulator = await startEmulator({ accessToken: "bench-token" });
const options = { phoneNumberId: "1", accessToken: "bench-token", version: "v23.0", baseUrl: emulator.url };
const wa = createClient(options);
const sender = createSender(options);
const builder = msg.to("16505551234").text("Your order #42 shipped: https://example.com/track/42");
const body = JSON.stringify(builder.build());
const headers = { Authorization: "Bearer bench-token", "Content-Type": "application/json" };
const url = `${emulator.url}/v23.0/1/messages`;

const timed = async (send) => {
  const started = performance.now();
  for (let i = 0; i < batch; i++) await send();
  return performance.now() - started;
};
const raw = async () => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const response = await fetch(url, { method: "POST", headers: { ...headers }, body, signal: controller.signal, redirect: "manual" });
    await response.json();
  } finally {
    clearTimeout(timer);
  }
};
const variants = { raw, sender: () => sender.send(builder), client: () => wa.send(builder) };

for (let i = 0; i < 200; i++) for (const send of Object.values(variants)) await send();
// Each round runs the three in a rotating order (whichever goes later inherits the earlier's
// garbage), and an overhead is the median of the rounds' ratios to raw: one slow batch on a
// shared machine moves it less than a ratio of totals. The raw sends take the clients' options:
// a fresh AbortController with its 30 s timer, redirect: "manual", a copy of the headers (core.ts).
const names = Object.keys(variants);
const spent = { raw: 0, sender: 0, client: 0 };
const ratios = { sender: [], client: [] };
for (let sent = 0, round = 0; sent < total; sent += batch, round++) {
  const ms = {};
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    ms[name] = await timed(variants[name]);
  }
  for (const name of names) spent[name] += ms[name];
  ratios.sender.push(ms.sender / ms.raw);
  ratios.client.push(ms.client / ms.raw);
  emulator.reset();
}
await emulator.close();
const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
};
const per = (ms) => `${((ms * 1000) / total).toFixed(0)} µs`;
const overhead = (name) => `${((median(ratios[name]) - 1) * 100).toFixed(1)}%`;
console.log(
  "| sends | raw fetch (same signal and redirect) | createSender().send() | overhead | createClient().send() | overhead | goal |",
);
console.log("|---|---|---|---|---|---|---|");
console.log(
  `| ${total} each (${total / batch} rounds of ${batch}) | ${per(spent.raw)} | ${per(spent.sender)} | ${overhead("sender")} | ${per(spent.client)} | ${overhead("client")} | ≤ 3% |`,
);

// The clients' own CPU: a stub fetch answers at once, so what is timed is the client (the request
// compiled, the signal and timer, reading and checking the answer); the body is prebuilt. The raw
// row is the floor any sender pays: the same stub called with a fresh signal and timer, the body
// serialised and the answer parsed.
const answer = JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: "1", wa_id: "1" }], messages: [{ id: "wamid.1" }] });
const stub = async () => ({ status: 200, statusText: "OK", headers: { get: () => null }, body: null, text: async () => answer });
const built = builder.build();
const rawStub = async (message) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const init = { method: "POST", headers: { ...headers }, body: JSON.stringify(message), signal: controller.signal, redirect: "manual" };
    return JSON.parse(await (await stub(url, init)).text());
  } finally {
    clearTimeout(timer);
  }
};
const stubbed = {
  "raw fetch (stub)": rawStub,
  "createSender().send(body)": createSender({ ...options, fetch: stub }).send,
  "createClient().send(body)": createClient({ ...options, fetch: stub }).send,
};
const stubNames = Object.keys(stubbed);
const cpu = Object.fromEntries(stubNames.map((name) => [name, []]));
for (let round = 0; round < 30; round++) {
  for (let k = 0; k < stubNames.length; k++) {
    const name = stubNames[(round + k) % stubNames.length];
    const started = performance.now();
    for (let i = 0; i < 2000; i++) await stubbed[name](built);
    cpu[name].push(((performance.now() - started) * 1000) / 2000);
  }
}
console.log("");
console.log("| stub fetch (2,000 sends × 30 rounds, rotating order, median) | CPU per send | above raw |");
console.log("|---|---|---|");
const floor = median(cpu["raw fetch (stub)"]);
for (const name of stubNames)
  console.log(
    `| ${name} | ${median(cpu[name]).toFixed(1)} µs | ${name.startsWith("raw") ? "—" : `${(median(cpu[name]) - floor).toFixed(1)} µs`} |`,
  );
