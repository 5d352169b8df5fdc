// Runs jest so that a run which finishes its tests but does not exit (a server, timer, socket or
// child process a test left open) fails with a clear line instead of hanging `pnpm test`.
// Jest writes its --outputFile when the last test has finished; from then on it has `graceMs`
// to exit, else its whole process group is killed and the run counts as failed.
//
//   node scripts/jest-watchdog.mjs [jest arguments]   (exit code 1 on a hang, as on a failure)
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./lib.mjs";

/** How long jest may take to exit once its tests are done: teardown is well under a second, so this is generous on a busy host. */
export const exitGraceMs = 30_000;

/**
 * Runs jest with `args` (its output streamed), and returns its exit code, its JSON summary
 * (or undefined) and whether it had to be killed after finishing its tests.
 */
export async function runJest(args, { graceMs = exitGraceMs } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), "wacompose-jest-"));
  const results = join(scratch, "results.json");
  // Its own process group, so that pnpm, jest and jest's workers are killed together.
  const child = spawn(join(root, "node_modules/.bin/jest"), ["--ci", "--json", `--outputFile=${results}`, ...args], {
    cwd: root,
    stdio: "inherit",
    detached: true,
  });
  let hung = false;
  let finishedAt;
  const poll = setInterval(() => {
    if (finishedAt === undefined) {
      if (existsSync(results)) finishedAt = Date.now();
      return;
    }
    if (Date.now() - finishedAt < graceMs) return;
    hung = true;
    clearInterval(poll);
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }, 250);
  const code = await new Promise((resolve) => child.once("exit", (status) => resolve(status ?? 1)));
  clearInterval(poll);
  let summary;
  try {
    summary = JSON.parse(readFileSync(results, "utf8"));
  } catch {}
  rmSync(scratch, { recursive: true, force: true });
  if (hung)
    console.log(
      `✗ jest finished its tests but did not exit within ${graceMs / 1000} s: a test left a server, timer, socket or child process open; killed. Find it with: pnpm exec jest --detectOpenHandles <package>`,
    );
  return { code: hung ? 1 : code, summary, hung };
}

if (import.meta.filename === process.argv[1]) {
  const { code } = await runJest(process.argv.slice(2));
  process.exit(code);
}
