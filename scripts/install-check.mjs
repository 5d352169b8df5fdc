// Installs like a user: runs the install recipe of docs/getting-started.md as written (the checkout stands for the
// clone; /tmp/wacompose and /path/to/your/app become temporary folders), fails on any warning, then uses all eight
// packages from the app (ESM and CommonJS), runs the `wacompose` and `wacompose-emulator` commands, and runs the
// container's command (ENTRYPOINT of packages/emulator/Dockerfile) from the install.
// Ends with "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { root } from "./lib.mjs";

let passed = 0;
let failed = 0;
const check = (name, ok, detail = "") => {
  console.log(`${ok ? "✓" : "✗"} ${name}${ok || detail === "" ? "" : `\n${detail}`}`);
  if (ok) passed++;
  else failed++;
  return ok;
};

// A user's shell, not a package manager's script: \`pnpm test\` runs this with npm_config_* variables that npm
// would warn about ("Unknown env config") and that no user has.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
const packages = ["builder", "transport-fetch", "webhooks", "preview", "flows", "emulator", "cli", "queue-bullmq"];
const scratch = mkdtempSync(join(tmpdir(), "wacompose-install-"));
const packs = join(scratch, "packs");
const app = join(scratch, "app");

/** The recipe: the first ```sh block under "## Install". */
const guide = readFileSync(join(root, "docs/getting-started.md"), "utf8");
const recipe = /## Install[\s\S]*?```sh\n([\s\S]*?)```/.exec(guide)?.[1] ?? "";
const lines = recipe.trim().split("\n");
const script = lines
  .map((line) => (line.startsWith("git clone ") ? `cd ${JSON.stringify(root)}` : line))
  .map((line) => line.replaceAll("/tmp/wacompose", packs).replaceAll("/path/to/your/app", app))
  .join("\n");

try {
  check(
    "the recipe clones, installs and builds, packs every package, and installs the tarballs",
    [
      lines[0]?.startsWith("git clone "),
      /pnpm install && pnpm build/.test(recipe),
      packages.every((name) => new RegExp(`for p in [^;]*\\b${name}\\b`).test(recipe)),
      /npm install \/tmp\/wacompose\/\*\.tgz/.test(recipe),
    ].every(Boolean),
    recipe,
  );
  const ran = spawnSync("sh", ["-e", "-c", script], { env, encoding: "utf8", maxBuffer: 1 << 28, timeout: 600_000 });
  const output = `${ran.stdout}${ran.stderr}`;
  if (!check("the recipe runs as written", ran.status === 0, output.slice(-4000))) throw new Error("the install failed");
  const warnings = output.split("\n").filter((line) => /\bwarn(ing)?\b|EBADENGINE|deprecated/i.test(line));
  check("and prints no warning (npm, pnpm, engines)", warnings.length === 0, warnings.join("\n"));

  const installed = JSON.parse(readFileSync(join(app, "package.json"), "utf8")).dependencies ?? {};
  check(
    "the app depends on all eight packages",
    packages.every((name) => `@wacompose/${name}` in installed),
    JSON.stringify(installed),
  );

  // Every package from the app, ESM then CommonJS; a send to the emulator, its signed webhooks through the handler.
  writeFileSync(
    join(app, "use.mjs"),
    `import { createServer } from "node:http";
import { msg } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { complete, flow, validateFlow } from "@wacompose/flows";
import { renderPreview } from "@wacompose/preview";
import { createWhatsAppQueue } from "@wacompose/queue-bullmq";
import { createClient } from "@wacompose/transport-fetch";
import { nodeWebhookHandler } from "@wacompose/webhooks";
import "@wacompose/cli";
const statuses = [];
const server = createServer(nodeWebhookHandler({ appSecret: "s", onEvents: (events) => { for (const e of events) if (e.kind === "status") statuses.push(e.status); } }));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const emulator = await startEmulator({ webhook: { url: "http://127.0.0.1:" + server.address().port + "/", appSecret: "s" } });
emulator.user("16505551234").says("hi");
const wa = createClient({ phoneNumberId: "1", accessToken: "test-token", baseUrl: emulator.url });
const message = msg.to("16505551234").text("Hello from an installed app");
await wa.send(message);
await emulator.webhooks.idle();
await emulator.close();
server.close();
console.log(JSON.stringify({ statuses: statuses.sort(), preview: renderPreview(message.build()).includes("Hello from an installed app"), queue: typeof createWhatsAppQueue, flows: validateFlow(flow().screen("HELLO", (s) => s.title("Hello").terminal().layout((l) => l.body("Hi").footer("Done", complete({})))).build()).length }));
`,
  );
  const used = spawnSync(process.execPath, ["use.mjs"], { cwd: app, env, encoding: "utf8", timeout: 60_000 });
  check(
    "ESM: builder → transport-fetch → emulator → signed webhooks → webhooks handler; preview; queue-bullmq; flows",
    // Sorted: the emulator posts each status on its own request, and on a busy host they may land in any order.
    used.stdout.trim() === JSON.stringify({ statuses: ["delivered", "read", "sent"], preview: true, queue: "function", flows: 0 }),
    used.stdout + used.stderr,
  );
  writeFileSync(
    join(app, "use.cjs"),
    `const names = ${JSON.stringify(packages.map((name) => `@wacompose/${name}`))};
console.log(names.map((name) => Object.keys(require(name)).length > 0).every(Boolean));
`,
  );
  const required = spawnSync(process.execPath, ["use.cjs"], { cwd: app, env, encoding: "utf8", timeout: 60_000 });
  check("CommonJS: require() of every package", required.stdout.trim() === "true", required.stdout + required.stderr);

  writeFileSync(
    join(app, "body.json"),
    JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } }),
  );
  const validated = spawnSync("npx", ["wacompose", "validate", "body.json"], { cwd: app, env, encoding: "utf8", timeout: 60_000 });
  check("npx wacompose validate", validated.status === 0 && validated.stdout.includes("valid"), validated.stdout + validated.stderr);
  writeFileSync(
    join(app, "messages.ts"),
    `import { msg } from "@wacompose/builder";\nexport const hello = msg.to("16505551234").text("hi");\n`,
  );
  const fixtures = spawnSync("npx", ["wacompose", "fixtures", "messages.ts", "--out", "fixtures"], {
    cwd: app,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  check(
    "npx wacompose fixtures (TypeScript through tsx and esbuild, without their install scripts)",
    fixtures.status === 0,
    fixtures.stdout + fixtures.stderr,
  );
  for (const command of [
    ["wacompose", "emulator", "--help"],
    ["wacompose-emulator", "--help"],
  ]) {
    const help = spawnSync("npx", command, { cwd: app, env, encoding: "utf8", timeout: 60_000 });
    check(
      `npx ${command.join(" ")} lists the options`,
      help.status === 0 && /--webhook-url <url>/.test(help.stdout),
      help.stdout + help.stderr,
    );
  }

  // The container's command, from the same install: ENTRYPOINT, then what `docker run image …` would pass.
  const dockerfile = readFileSync(join(root, "packages/emulator/Dockerfile"), "utf8");
  const entrypoint = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1] ?? "[]");
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? "[]");
  check(
    "the Dockerfile runs the emulator's command from an install like this one, on 0.0.0.0:4010",
    /^WORKDIR \/app$/m.test(dockerfile) &&
      JSON.stringify(entrypoint) ===
        JSON.stringify(["node", "node_modules/@wacompose/emulator/bin/wacompose-emulator.mjs", "--host", "0.0.0.0"]) &&
      JSON.stringify(cmd) === JSON.stringify(["--port", "4010"]),
    `${JSON.stringify(entrypoint)} ${JSON.stringify(cmd)}`,
  );
  const [node, ...args] = entrypoint;
  const help = spawnSync(node, [...args, ...cmd, "--help"], { cwd: app, env, encoding: "utf8", timeout: 60_000 });
  check("ENTRYPOINT + CMD parse (with --help)", help.status === 0 && help.stdout.startsWith("usage: wacompose emulator"), help.stderr);
  // Loopback and a free port in the test; later options win, as `docker run image --port …` would give them.
  const child = spawn(node, [...args, "--host", "127.0.0.1", "--port", "0", "--json"], {
    cwd: app,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const events = [];
  const listening = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 30_000);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const event = JSON.parse(line);
      events.push(event);
      if (event.event === "listening") {
        clearTimeout(timer);
        resolve(event);
      }
    });
  });
  let answer;
  if (listening !== undefined) {
    const response = await fetch(`${listening.url}/v23.0/106540352242922/messages`, {
      method: "POST",
      headers: { Authorization: "Bearer test-token", "Content-Type": "application/json" },
      body: readFileSync(join(app, "body.json"), "utf8"),
    });
    answer = await response.json();
  }
  child.kill("SIGINT");
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve("killed after 20 s");
    }, 20_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  check(
    "the container's command serves a send and stops on SIGINT with exit 0",
    answer?.messages?.[0]?.id?.startsWith("wamid.") && code === 0 && events.at(-1)?.event === "stopped",
    JSON.stringify({ answer, code, last: events.at(-1) }),
  );
} catch (error) {
  check("the install check ran to its end", false, String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
