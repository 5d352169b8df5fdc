// Browser check, run by `pnpm test`: sends the showcase (plus an XSS attempt and an invalid
// body) to the emulator, opens its inbox in headless Chromium (Debian's `chromium`, which
// .ci/run installs), checks by DOM that every kind rendered and that message text stayed
// text, and takes a screenshot: `--save` (`pnpm screenshot`) writes it to docs/inbox.png for
// the README, otherwise it goes to a temporary directory so tests leave the tree clean.
// Prints "N passed, N failed".
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { msg } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { createClient } from "@wacompose/transport-fetch";
import { incoming, showcase } from "./showcase.js";

const chromium = ["chromium", "chromium-browser", "google-chrome"].find((name) => spawnSync("which", [name]).status === 0);
if (chromium === undefined) {
  console.log("✗ chromium is not installed (apt-get install chromium)");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const browser = chromium;

const browse = async (url: string, extra: string[]): Promise<string> => {
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=3000", ...extra, url];
  return (await promisify(execFile)(browser, args, { encoding: "utf8", timeout: 90_000, maxBuffer: 1 << 26 })).stdout;
};

const emulator = await startEmulator({ accessToken: "inbox-token" });
const wa = createClient({ phoneNumberId: "106540352242922", accessToken: "inbox-token", version: "v23.0", baseUrl: emulator.url });
for (const builder of Object.values(showcase("+16505551234"))) await wa.send(builder);
await wa.markRead(incoming, { typing: true });
await wa.send(msg.to("+16505550000").text(`<script>window.__xss = 1</script>"><img src=x onerror="window.__xss = 2">`));
await fetch(`${emulator.url}/v23.0/1/messages`, {
  method: "POST",
  headers: { Authorization: "Bearer inbox-token", "Content-Type": "application/json" },
  body: JSON.stringify({ messaging_product: "whatsapp", to: "+16505550000", type: "image", image: { id: "1", link: "ftp://x" } }),
});

let passed = 0;
let failed = 0;
const check = (name: string, ok: boolean): void => {
  console.log(`${ok ? "✓" : "✗"} inbox: ${name}`);
  if (ok) passed++;
  else failed++;
};

try {
  const dom = await browse(`${emulator.url}/`, ["--dump-dom"]);
  const kinds = ["text", "reaction", "image", "video", "audio", "document", "sticker", "location", "contacts", "button", "list", "flow"];
  kinds.push("cta_url", "product", "product_list", "catalog_message", "location_request_message", "template", "read");
  for (const kind of kinds) check(`a ${kind} bubble rendered`, dom.includes(`data-kind="${kind}"`));
  check(
    "a <script> in message text stays text",
    dom.includes("&lt;script&gt;window.__xss = 1&lt;/script&gt;") && !/<script>window\.__xss/.test(dom),
  );
  check('an "><img onerror> in message text stays text', !/<img[^>]*onerror/.test(dom));
  check(
    "an invalid body is shown with its issues",
    dom.includes("image: exactly one of id or link, got both") && dom.includes("wa-bubble wa-invalid"),
  );
  const screenshot = process.argv.includes("--save")
    ? join(import.meta.dirname, "../docs/inbox.png")
    : join(mkdtempSync(join(tmpdir(), "wacompose-inbox-")), "inbox.png");
  await browse(`${emulator.url}/`, [`--screenshot=${screenshot}`, "--window-size=820,2600"]);
  check(`screenshot saved to ${screenshot}`, spawnSync("test", ["-s", screenshot]).status === 0);
} catch (error) {
  check(`chromium ran (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`, false);
} finally {
  await emulator.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
