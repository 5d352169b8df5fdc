// Headless Chromium for the browser checks (Debian's `chromium`, which .ci/run installs), and
// the kinds every inbox of the showcase must draw.
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

/** The path of a Chromium on this machine, or undefined. */
export const chromium = ["chromium", "chromium-browser", "google-chrome"].find((name) => spawnSync("which", [name]).status === 0);

/** Loads `url` headless with `extra` flags (`--dump-dom`, `--screenshot=…`) and returns what Chromium printed. */
export async function browse(url: string, extra: string[]): Promise<string> {
  if (chromium === undefined) throw new Error("chromium is not installed (apt-get install chromium)");
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=3000", ...extra, url];
  return (await promisify(execFile)(chromium, args, { encoding: "utf8", timeout: 90_000, maxBuffer: 1 << 26 })).stdout;
}

/** The `data-kind` of every bubble the showcase (plus its mark-as-read) puts in the inbox. */
export const showcaseKinds = [
  ...["text", "reaction", "image", "video", "audio", "document", "sticker", "location", "contacts", "button", "list", "flow"],
  ...["cta_url", "product", "product_list", "catalog_message", "location_request_message", "template", "read"],
];

/** Counts checks and prints them; `summary()` prints the "N passed, N failed" line the test runner reads. */
export function checker(prefix: string) {
  let passed = 0;
  let failed = 0;
  return {
    check(name: string, ok: boolean): void {
      console.log(`${ok ? "✓" : "✗"} ${prefix}: ${name}`);
      if (ok) passed++;
      else failed++;
    },
    summary(): number {
      console.log(`${passed} passed, ${failed} failed`);
      return failed === 0 ? 0 : 1;
    },
  };
}
