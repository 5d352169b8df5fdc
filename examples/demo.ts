// `pnpm start`: composes one message of every kind, sends them through transport-fetch to a
// local emulator of the Cloud API, then plays the whole loop: the emulator's status webhooks
// reach a small bot (examples/bot.ts), a simulated user taps a reply button, and the bot
// answers. Keeps the emulator's inbox open until Ctrl+C.
//   --port <n>   the emulator's port (default 4010, or WACOMPOSE_PORT)
//   --once       send and exit (for scripts)
//   --to <n>     send the showcase to the real API instead: needs WHATSAPP_ACCESS_TOKEN and
//                WHATSAPP_PHONE_NUMBER_ID (WHATSAPP_API_VERSION optional); see docs/setup.md.
//                WHATSAPP_API_BASE_URL sends it elsewhere: what `pnpm emulator` prints points it there
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Emulator, startEmulator } from "@wacompose/emulator";
import { createClient, isTransportError } from "@wacompose/transport-fetch";
import { type Bot, startBot } from "./bot.js";
import { incoming, showcase } from "./showcase.js";

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
// Strict: a typo (--prot 4011, --onec) or a --to without its number was ignored, and the demo ran as if it were not given.
const parsed = (() => {
  try {
    return parseArgs({
      // `pnpm start -- --once` (npm's habit) passes the "--" on: it separates pnpm's options from ours, not ours from files.
      args: process.argv.slice(process.argv[2] === "--" ? 3 : 2),
      options: { port: { type: "string" }, once: { type: "boolean" }, to: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(`pnpm start: ${(error as Error).message} (pnpm start --help lists the options)`);
  }
})();
const flag = (name: "port" | "to"): string | undefined => parsed[name];
const realTo = flag("to");
const once = parsed.once === true;
if (parsed.help === true) {
  console.log(`usage: pnpm start [options]
  Sends one message of every kind to a local emulator; a simulated customer talks to a bot; the inbox stays open until Ctrl+C.
  --port <n>   the emulator's port (default 4010, or WACOMPOSE_PORT)
  --once       send and exit (for scripts)
  --to <n>     send the showcase to the real API instead: needs WHATSAPP_ACCESS_TOKEN and
               WHATSAPP_PHONE_NUMBER_ID (WHATSAPP_API_VERSION optional); see docs/setup.md;
               WHATSAPP_API_BASE_URL sends it elsewhere (the variables pnpm emulator prints)
  --help       this text
The emulator alone, for tests in any language: pnpm emulator --help (in an app, once published: npx wacompose emulator --help)`);
  process.exit(0);
}

let target: { phoneNumberId: string; accessToken: string; baseUrl?: string };
let emulator: Emulator | undefined;
let bot: Bot | undefined;
if (realTo !== undefined) {
  const missing = ["WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"].filter((name) => !process.env[name]);
  if (missing.length > 0)
    fail(
      `--to ${realTo} sends to the real API and needs ${missing.join(" and ")} in the environment (see docs/setup.md); nothing was sent.`,
    );
  // The variables `pnpm emulator` prints: with WHATSAPP_API_BASE_URL, --to goes there instead of the Graph API.
  const baseUrl = process.env.WHATSAPP_API_BASE_URL || undefined;
  target = {
    phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID ?? "",
    accessToken: process.env.WHATSAPP_ACCESS_TOKEN ?? "",
    ...(baseUrl === undefined ? {} : { baseUrl }),
  };
} else {
  const port = Number(flag("port") ?? process.env.WACOMPOSE_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, got ${flag("port")}`);
  const secrets = { appSecret: "demo-app-secret", verifyToken: "demo-verify-token" };
  bot = await startBot(secrets, (line) => console.log(`  ${line}`));
  const webhook = { url: bot.url, ...secrets, statuses: { delaysMs: { sent: 20, delivered: 60, read: 120 } } };
  // The CLI's sample template export: the emulator serves it (GET /{waba-id}/message_templates) and holds template sends to it.
  const templates = JSON.parse(readFileSync(join(import.meta.dirname, "../packages/cli/fixtures/message_templates.json"), "utf8"));
  emulator = await startEmulator({ accessToken: "demo-token", port, phoneNumberIds: ["106540352242922"], webhook, templates }).catch(
    (error: NodeJS.ErrnoException) =>
      fail(
        error.code === "EADDRINUSE"
          ? `Port ${port} is in use (another \`pnpm start\`?). Stop it, or pick another: pnpm start --port 4011`
          : `The emulator could not start: ${error.message}`,
      ),
  );
  target = { phoneNumberId: "106540352242922", accessToken: "demo-token", baseUrl: emulator.url };
}
let wa: ReturnType<typeof createClient>;
try {
  wa = createClient({ ...target, version: process.env.WHATSAPP_API_VERSION ?? "v23.0" });
} catch (error) {
  const from = realTo !== undefined && target.baseUrl !== undefined ? " (WHATSAPP_API_BASE_URL)" : "";
  wa = fail(`${error instanceof Error ? error.message : String(error)}${from}; nothing was sent.`);
}
bot?.answerWith(wa);
// The customer writes first: that opens the 24-hour window in which free-form messages may be sent.
if (emulator !== undefined) {
  console.log("A customer writes to the business (a simulated user; the emulator posts a signed webhook):\n");
  emulator.user("16505551234", "Ana").says("Hi! Can you deliver tomorrow?");
  await emulator.webhooks.idle();
  console.log("");
}

console.log(
  realTo === undefined
    ? "Sending the showcase to the local emulator…\n"
    : `Sending the showcase to ${realTo} through ${target.baseUrl === undefined ? "the Cloud API" : `${target.baseUrl} (WHATSAPP_API_BASE_URL)`}…\n`,
);
let failures = 0;
const messages = Object.entries(showcase(realTo ?? "+16505551234"));
const wamids = new Map<string, string>();
const report = (kind: string, result: string | undefined, error?: unknown): void => {
  if (error === undefined) console.log(`  ✓ ${kind.padEnd(26)} ${result}`);
  else {
    failures++;
    console.log(
      `  ✗ ${kind.padEnd(26)} ${isTransportError(error) || error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
};
for (const [kind, builder] of messages) {
  await wa.send(builder).then(
    (result) => {
      wamids.set(kind, result.messages[0]?.id ?? "");
      report(kind, result.messages[0]?.id);
    },
    (error: unknown) => report(kind, undefined, error),
  );
}
await wa.markRead(incoming, { typing: true }).then(
  (read) => report("markRead", `success: ${read.success}`),
  (error: unknown) => report("markRead", undefined, error),
);
console.log(`\n${messages.length + 1 - failures} of ${messages.length + 1} sent.`);

if (emulator !== undefined && bot !== undefined) {
  await emulator.webhooks.idle();
  const final = new Map<string, number>();
  for (const status of bot.statuses.values()) final.set(status, (final.get(status) ?? 0) + 1);
  const count = (counts: Map<string, number>) => [...counts].map(([status, n]) => `${n} ${status}`).join(", ");
  console.log(`\nStatus webhooks the bot verified and read: ${count(bot.updates)}; messages now: ${count(final)}.`);
  console.log("\nThe customer taps “Afternoon” on the buttons message; the bot answers:\n");
  emulator.user("16505551234", "Ana").taps(wamids.get("buttons") ?? "", "pm");
  await emulator.webhooks.idle();
}

if (emulator !== undefined && once) {
  // The emulator closes with the demo: its inbox and the URLs below would be dead links.
  await emulator.close();
  await bot?.close();
  console.log(`
The emulator and the bot have stopped (--once). Without --once, pnpm start keeps the inbox open to look at and to send to.

Try next:
  • edit examples/showcase.ts and run pnpm start again
  • read docs/getting-started.md; docs/setup.md to send to your own phone`);
} else if (emulator !== undefined) {
  const inbox = emulator.url.replace("127.0.0.1", "localhost");
  console.log(`
Inbox: ${inbox}/ — every message drawn as WhatsApp would show it.

Try next:
  • open the inbox, then send your own message to the emulator:
      curl -H "Authorization: Bearer demo-token" -H "Content-Type: application/json" \\
        -d '{"messaging_product":"whatsapp","to":"+16505551234","type":"text","text":{"body":"Hi!"}}' \\
        ${emulator.url}/v23.0/106540352242922/messages
  • edit examples/showcase.ts and run pnpm start again
  • generate typed templates from the emulator's template list, as from your account's:
      WHATSAPP_ACCESS_TOKEN=demo-token pnpm --filter @wacompose/examples exec wacompose templates --from-api --waba 102290129340398 --base-url ${emulator.url}
  • read docs/getting-started.md; docs/setup.md to send to your own phone`);
  console.log("\nThe emulator is running. Ctrl+C stops it.");
  // `on`, not `once`: Ctrl+C reaches this process twice (from the terminal, and forwarded by scripts/start.mjs).
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.on("SIGINT", resolve);
    process.on("SIGTERM", resolve);
  });
  await emulator.close();
  await bot?.close();
  console.log(`\n${signal === "SIGINT" ? "Ctrl+C: " : ""}emulator stopped.`);
}
process.exitCode = failures === 0 ? 0 : 1;
