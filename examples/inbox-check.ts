// Browser check, run by `pnpm test`: sends the showcase (plus an XSS attempt and an invalid
// body) to the emulator, opens its inbox in headless Chromium (Debian's `chromium`, which
// .ci/run installs), checks by DOM that every kind rendered and that message text stayed
// text, and takes a screenshot: `--save` (`pnpm screenshot`) writes it to docs/inbox.png for
// the README, otherwise it goes to a temporary directory so tests leave the tree clean.
// Prints "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { msg } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { createClient } from "@wacompose/transport-fetch";
import { browse, checker, chromium, showcaseKinds } from "./browser.js";
import { incoming, showcase } from "./showcase.js";

const { check, summary } = checker("inbox");
if (chromium === undefined) {
  check("chromium is installed (apt-get install chromium)", false);
  process.exit(summary());
}

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

try {
  const dom = await browse(`${emulator.url}/`, ["--dump-dom"]);
  for (const kind of showcaseKinds) check(`a ${kind} bubble rendered`, dom.includes(`data-kind="${kind}"`));
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
process.exitCode = summary();
