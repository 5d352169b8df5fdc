// `pnpm start`: composes one message of every kind and sends them through transport-fetch
// to a local emulator of the Cloud API. With WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID
// and --to <number> it sends the same showcase to the real API instead.
import { type Emulator, startEmulator } from "@wacompose/emulator";
import { createClient, isTransportError } from "@wacompose/transport-fetch";
import { incoming, showcase } from "./showcase.js";

const toFlag = process.argv.indexOf("--to");
const realTo = toFlag === -1 ? undefined : process.argv[toFlag + 1];
const token = process.env.WHATSAPP_ACCESS_TOKEN;
const phoneNumberId = process.env.WHATSAPP_PHONE_NUMBER_ID;
const real = token !== undefined && phoneNumberId !== undefined && realTo !== undefined;

let emulator: Emulator | undefined;
if (!real) emulator = await startEmulator({ accessToken: "demo-token" });
const wa = createClient({
  phoneNumberId: real ? phoneNumberId : "106540352242922",
  accessToken: real ? token : "demo-token",
  version: process.env.WHATSAPP_API_VERSION ?? "v23.0",
  ...(emulator ? { baseUrl: emulator.url } : {}),
});

console.log(
  real ? `Sending the showcase to ${realTo} through the Cloud API…\n` : `Sending the showcase to the local emulator at ${emulator?.url}…\n`,
);
let failures = 0;
const messages = Object.entries(showcase(realTo ?? "+16505551234"));
for (const [kind, builder] of messages) {
  try {
    const result = await wa.send(builder);
    console.log(`  ✓ ${kind.padEnd(16)} ${result.messages[0]?.id}`);
  } catch (error) {
    failures++;
    console.log(
      `  ✗ ${kind.padEnd(16)} ${isTransportError(error) || error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
}
try {
  const read = await wa.markRead(incoming, { typing: true });
  console.log(`  ✓ ${"markRead".padEnd(16)} success: ${read.success}`);
} catch (error) {
  failures++;
  console.log(`  ✗ ${"markRead".padEnd(16)} ${error instanceof Error ? error.message : String(error)}`);
}
console.log(
  `\n${messages.length + 1 - failures} of ${messages.length + 1} sent.${emulator ? ` The emulator recorded ${emulator.received.length} requests.` : ""}`,
);
if (emulator) {
  console.log(`Inbox: ${emulator.url}/ — every message drawn as WhatsApp would show it.`);
  if (process.argv.includes("--serve")) {
    console.log("Serving the inbox until Ctrl+C…");
    await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  } else console.log("(run `pnpm start --serve` to keep it open)");
}
await emulator?.close();
process.exitCode = failures === 0 ? 0 : 1;
