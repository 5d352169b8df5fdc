// `pnpm test`: build, lint/format, type tests on both compilers, unit tests, package checks.
// Ends with one plain line "N passed, N failed" and a non-zero exit code on any failure.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { checkDocs } from "./check-docs.mjs";
import { runJest } from "./jest-watchdog.mjs";
import { packageDirs, root, run, typecheck } from "./lib.mjs";

let passed = 0;
let failed = 0;

// The browser check and the queue tests need Debian's chromium and redis-server. On a fresh
// machine (root, apt) they are installed here, so `pnpm test` works as the README says.
const has = (command) => run("sh", ["-c", `command -v ${command}`], { quiet: true }).code === 0;
if (!has("chromium") || !has("redis-server")) {
  if (process.getuid?.() === 0 && has("apt-get")) {
    console.log("── installing chromium and redis-server (apt-get) ──");
    run("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium redis-server"], { quiet: true });
  } else
    console.log(
      "! chromium and redis-server are needed by the browser check and the queue tests: install them (apt-get install chromium redis-server)",
    );
}
const check = (name, ok) => {
  console.log(`${ok ? "✓" : "✗"} ${name}`);
  if (ok) passed++;
  else failed++;
  return ok;
};
const section = (title) => console.log(`\n── ${title} ──`);
/** Runs a check script (TypeScript through tsx, or `command` with `args`) that ends with "N passed, N failed" and adds its counts. */
const runCounted = (name, script, command = join(root, "node_modules/.bin/tsx"), args = [script]) => {
  const counts = /^(\d+) passed, (\d+) failed$/m.exec(run(command, args, { timeout: 300_000 }).output);
  if (counts) {
    passed += Number(counts[1]);
    failed += Number(counts[2]);
  } else check(`${name} ran`, false);
};

section("build");
// Not silent: a failing build must show why (pnpm -s hides the scripts' output).
const built = check("build", run("pnpm", ["build"]).code === 0);

section("lint and format (biome)");
check("biome check", run("pnpm", ["-s", "exec", "biome", "check", "."]).code === 0);

if (built) {
  section("type tests (TS 5.9 and TS 7)");
  const types = typecheck();
  passed += types.passed;
  failed += types.failed;

  section("docs (every snippet type-checked, runnable ones run; limits page up to date)");
  const docs = checkDocs();
  passed += docs.passed;
  failed += docs.failed;
  check(
    "what pnpm gen writes (quick checks, schema, docs/limits.md) matches the rule table",
    run(join(root, "node_modules/.bin/tsx"), ["scripts/gen.mjs", "--check"]).code === 0,
  );
  check(
    "every § citation names a section of docs/reference/cloud-api.md",
    run(process.execPath, ["scripts/check-citations.mjs"]).code === 0,
  );
  check("Graph error codes are spelled only in builder/src/protocol", run(process.execPath, ["scripts/check-error-codes.mjs"]).code === 0);
}

section("unit tests (jest)");
// A run that finishes its tests but does not exit (a handle left open) is killed and fails here.
const jest = await runJest([]);
if (jest.summary === undefined) check("jest run (no results)", false);
else {
  passed += jest.summary.numPassedTests;
  failed += jest.summary.numFailedTests + jest.summary.numRuntimeErrorTestSuites;
  if (jest.hung) check("jest exits after its tests (no open handles)", false);
  else if (jest.code !== 0 && jest.summary.numFailedTests + jest.summary.numRuntimeErrorTestSuites === 0) check("jest run", false);
}

if (built) {
  section("browser: the emulator's inbox in headless Chromium");
  runCounted("inbox check", "examples/inbox-check.ts");
  section("browser: the emulator plays the user — a reply button tapped on the inbox page, a signed webhook to a receiver");
  runCounted("conversation check", "examples/conversation-check.ts");
  section("browser: a flow end to end — the inbox's form filled in Chromium, the app's endpoint called encrypted, a typed nfm_reply");
  runCounted("flow check", "examples/flow-check.ts");
  section("newcomer: a fresh copy, the README's first command, its inbox in Chromium, Ctrl+C");
  runCounted("newcomer check", "examples/newcomer-check.ts");

  section("wacompose emulator: Python's standard library against it (signed webhooks, the control API, Ctrl+C); memory and handles");
  // Not skipped when python3 is missing: that is a failure saying what to install.
  if (check("python3 is installed (apt-get install python3)", has("python3")))
    runCounted("Python end-to-end test", "examples/python/emulator_end_to_end.py", "python3", [
      "examples/python/emulator_end_to_end.py",
      process.execPath,
      "packages/cli/bin/wacompose.mjs",
      "emulator",
    ]);
  // 1,000 sends here to keep CI short; `node scripts/emulator-soak.mjs` alone runs 10,000.
  runCounted("emulator soak", "scripts/emulator-soak.mjs", process.execPath, ["scripts/emulator-soak.mjs", "--sends", "1000"]);
  check(
    "pnpm start --help prints the demo's options and starts nothing",
    /^usage: pnpm start/m.test(
      run(join(root, "node_modules/.bin/tsx"), ["examples/demo.ts", "--help"], { quiet: true, timeout: 60_000 }).output,
    ),
  );

  section(
    "runtimes: builder, transport-fetch and webhooks unchanged on Node 22, 24, 26, Bun, Deno and workerd (a text to the emulator, its signed webhooks)",
  );
  runCounted("runtime check", "scripts/runtime-check.mjs", process.execPath, ["scripts/runtime-check.mjs"]);

  section("install like a user: docs/getting-started.md's recipe, all eight tarballs in an app outside the workspace, no warning");
  runCounted("install check", "scripts/install-check.mjs", process.execPath, ["scripts/install-check.mjs"]);

  section("package checks (publint, attw)");
  for (const dir of packageDirs()) {
    const name = dir.slice(root.length + 1);
    check(`publint ${name}`, run("pnpm", ["-s", "exec", "publint", "--strict", dir]).code === 0);
    check(`attw ${name}`, run("pnpm", ["-s", "exec", "attw", "--pack", dir, "--profile", "node16"]).code === 0);
    const packed = spawnSync("npm", ["pack", "--dry-run", "--json"], { cwd: dir, encoding: "utf8" });
    let shipped = [];
    try {
      shipped = JSON.parse(packed.stdout).flatMap((p) => p.files.map((f) => f.path));
    } catch {}
    check(`${name} ships README.md and LICENSE`, shipped.includes("README.md") && shipped.includes("LICENSE"));
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
