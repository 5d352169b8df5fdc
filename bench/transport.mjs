// Transport overhead: sends to the emulator on loopback through createClient().send(builder)
// versus raw fetch with a prebuilt body, interleaved in batches in one process.
import { msg } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { createClient } from "@wacompose/transport-fetch";

const total = 2000;
const batch = 100;
const emulator = await startEmulator({ accessToken: "bench-token" });
const wa = createClient({ phoneNumberId: "1", accessToken: "bench-token", version: "v23.0", baseUrl: emulator.url });
const builder = msg.to("16505551234").text("Your order #42 shipped: https://example.com/track/42");
const body = JSON.stringify(builder.build());
const init = { method: "POST", headers: { Authorization: "Bearer bench-token", "Content-Type": "application/json" }, body };
const url = `${emulator.url}/v23.0/1/messages`;

const timed = async (send) => {
  const started = performance.now();
  for (let i = 0; i < batch; i++) await send();
  return performance.now() - started;
};
const raw = async () => {
  const response = await fetch(url, init);
  await response.json();
};
const client = () => wa.send(builder);

for (let i = 0; i < 200; i++) {
  await raw();
  await client();
}
// Each pair of batches runs in alternating order (whichever goes second inherits the first's
// garbage), and the overhead is the median of the pairs' ratios: one slow batch on a shared
// machine moves it less than a ratio of totals.
const spent = { raw: 0, client: 0 };
const ratios = [];
for (let sent = 0, pair = 0; sent < total; sent += batch, pair++) {
  const first = pair % 2 === 0 ? raw : client;
  const a = await timed(first);
  const b = await timed(first === raw ? client : raw);
  const [rawMs, clientMs] = first === raw ? [a, b] : [b, a];
  spent.raw += rawMs;
  spent.client += clientMs;
  ratios.push(clientMs / rawMs);
  emulator.reset();
}
await emulator.close();
ratios.sort((x, y) => x - y);
const median = (ratios[(ratios.length - 1) >> 1] + ratios[ratios.length >> 1]) / 2;
const per = (ms) => `${((ms * 1000) / total).toFixed(0)} µs`;
console.log("| sends | raw fetch | createClient().send() | overhead (median of batch pairs) | goal |");
console.log("|---|---|---|---|---|");
console.log(`| ${total} each | ${per(spent.raw)} | ${per(spent.client)} | ${((median - 1) * 100).toFixed(1)}% | ≤ 5% |`);
