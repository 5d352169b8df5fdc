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

/** A page driven over the Chrome DevTools Protocol: evaluate script, click like a user. */
export interface Page {
  evaluate<T>(expression: string): Promise<T>;
  /** A real mouse click (pressed, released) at the centre of the first element `selector` matches. */
  click(selector: string): Promise<void>;
}

/** Opens `url` in headless Chromium with a DevTools connection, runs `use`, and closes the browser. */
export async function withPage<T>(url: string, use: (page: Page) => Promise<T>): Promise<T> {
  if (chromium === undefined) throw new Error("chromium is not installed (apt-get install chromium)");
  const { spawn } = await import("node:child_process");
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { WebSocket } = await import("ws");
  const profile = mkdtempSync(join(tmpdir(), "wacompose-chromium-"));
  // Its own process group, so the renderers and helpers go with it at the end.
  const browser = spawn(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "--window-size=900,1400",
      url,
    ],
    { detached: true },
  );
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let text = "";
      const timer = setTimeout(() => reject(new Error("chromium printed no DevTools URL within 60 s")), 60_000);
      browser.stderr.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(text)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      browser.once("exit", (code) => reject(new Error(`chromium exited (${code}) before it listened`)));
    });
    const port = new URL(endpoint).port;
    let pageUrl: string | undefined;
    for (let tries = 0; tries < 100 && pageUrl === undefined; tries++) {
      const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
        type: string;
        webSocketDebuggerUrl: string;
      }[];
      pageUrl = targets.find((target) => target.type === "page")?.webSocketDebuggerUrl;
      if (pageUrl === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (pageUrl === undefined) throw new Error("chromium opened no page");
    const socket = new WebSocket(pageUrl);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    let nextId = 1;
    const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== undefined) waiting.get(message.id)?.(message);
    });
    const send = (method: string, params: object = {}) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, (message) =>
          message.error ? reject(new Error(message.error.message)) : resolve(message.result as Record<string, unknown>),
        );
        socket.send(JSON.stringify({ id, method, params }));
      });
    const evaluate = async <R>(expression: string): Promise<R> => {
      const result = (await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true })) as {
        result: { value: R };
        exceptionDetails?: { text: string };
      };
      if (result.exceptionDetails) throw new Error(`in the page: ${result.exceptionDetails.text}`);
      return result.result.value;
    };
    const page: Page = {
      evaluate,
      async click(selector) {
        const box = await evaluate<{ x: number; y: number } | null>(
          `(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return null; el.scrollIntoView({ block: "center" }); const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
        );
        if (box === null) throw new Error(`nothing on the page matches ${selector}`);
        for (const type of ["mousePressed", "mouseReleased"])
          await send("Input.dispatchMouseEvent", { type, x: box.x, y: box.y, button: "left", clickCount: 1 });
      },
    };
    try {
      return await use(page);
    } finally {
      socket.close();
    }
  } finally {
    // The whole group, and wait for the browser to be gone before removing its profile (it writes there until it exits).
    if (browser.exitCode === null && browser.signalCode === null) {
      const exited = new Promise((resolve) => browser.once("exit", resolve));
      try {
        process.kill(-(browser.pid as number), "SIGKILL");
      } catch {
        browser.kill("SIGKILL");
      }
      await exited;
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
