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
const spent = { raw: 0, client: 0 };
for (let sent = 0; sent < total; sent += batch) {
  spent.raw += await timed(raw);
  spent.client += await timed(client);
  emulator.reset();
}
await emulator.close();
const per = (ms) => `${((ms * 1000) / total).toFixed(0)} µs`;
console.log("| sends | raw fetch | createClient().send() | overhead | goal |");
console.log("|---|---|---|---|---|");
console.log(`| ${total} each | ${per(spent.raw)} | ${per(spent.client)} | ${((spent.client / spent.raw - 1) * 100).toFixed(1)}% | ≤ 5% |`);
