// The first ten minutes, scripted, run by `pnpm test`: a fresh copy of the repository (what
// git tracks, plus new files it does not ignore: no node_modules, no dist), the README's first
// command in it, then the inbox URL it prints opened in headless Chromium, every kind checked,
// and Ctrl+C. Then `pnpm start` again (warm: nothing to rebuild). Prints both times and
// "N passed, N failed".
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { browse, checker, chromium, showcaseKinds } from "./browser.js";

const root = join(import.meta.dirname, "..");
const { check, summary } = checker("newcomer");
if (chromium === undefined) {
  check("chromium is installed (apt-get install chromium)", false);
  process.exit(summary());
}

// The README opens with a sh block whose first line is the install-and-run command.
const readme = readFileSync(join(root, "README.md"), "utf8");
const firstLine = /```sh\n([^\n]*)/.exec(readme)?.[1] ?? "";
let command = firstLine.replace(/\s+#.*$/, "").trim();
check(`the README's first command is install + pnpm start: ${command}`, /pnpm install && pnpm start$/.test(command));
// CI has just installed this exact pnpm globally; installing it again only costs time.
const pinned = /npm i -g (pnpm@[\d.]+) && /.exec(command);
if (pinned && spawnSync("pnpm", ["--version"], { encoding: "utf8" }).stdout.trim() === pinned[1]?.slice(5)) {
  command = command.slice(pinned[0].length);
}

const fresh = mkdtempSync(join(tmpdir(), "wacompose-newcomer-"));
const files = spawnSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" }).stdout.split("\n");
for (const file of files.filter(Boolean)) {
  mkdirSync(dirname(join(fresh, file)), { recursive: true });
  try {
    cpSync(join(root, file), join(fresh, file));
  } catch {} // listed but deleted in the working tree
}
const port = 4100 + (process.pid % 800);

/** Runs `sh -c command` in its own process group until its output shows the inbox URL; returns it and the time. */
async function startUntilInbox(line: string): Promise<{ child: ChildProcess; output: () => string; url?: string; seconds: number }> {
  const started = Date.now();
  const child = spawn("sh", ["-c", line], { cwd: fresh, detached: true, env: { ...process.env, WACOMPOSE_PORT: String(port) } });
  let output = "";
  const url = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 400_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Inbox: (http:\/\/\S+\/)/.exec(output)?.[1];
      if (found !== undefined && output.includes("Ctrl+C stops it")) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  return { child, output: () => output, ...(url === undefined ? {} : { url }), seconds: (Date.now() - started) / 1000 };
}

/** Ctrl+C to the whole group, as a terminal sends it; resolves when the group's output has ended. */
function interrupt(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.stdout?.once("close", () => resolve());
    process.kill(-(child.pid as number), "SIGINT");
  });
}

try {
  const cold = await startUntilInbox(command);
  check(`cold: the first command printed the inbox URL (${cold.seconds.toFixed(1)} s)`, cold.url !== undefined);
  if (cold.url === undefined) console.log(cold.output().slice(-3000));
  else {
    check("the install printed no warning of the project's making", !/WARN.*Failed to create bin/.test(cold.output()));
    check("the inbox URL answers 200", (await fetch(cold.url)).status === 200);
    const dom = await browse(cold.url, ["--dump-dom"]);
    for (const kind of showcaseKinds) check(`the inbox shows a ${kind}`, dom.includes(`data-kind="${kind}"`));
    await interrupt(cold.child);
    // The `sh -c` wrapping the command dies of the signal itself, as a terminal's shell would not: judge by what pnpm printed.
    check(
      "Ctrl+C stops the emulator cleanly (no ELIFECYCLE)",
      /emulator stopped\./.test(cold.output()) && !/ELIFECYCLE|Command failed/.test(cold.output()),
    );
    const warm = await startUntilInbox("pnpm start");
    check(
      `warm: pnpm start again builds nothing and serves the inbox (${warm.seconds.toFixed(1)} s)`,
      warm.url !== undefined && !warm.output().includes("Building "),
    );
    await interrupt(warm.child);
    const { WHATSAPP_ACCESS_TOKEN: _token, WHATSAPP_PHONE_NUMBER_ID: _id, ...env } = process.env;
    const real = spawnSync("pnpm", ["-s", "start", "--to", "+16505551234"], { cwd: fresh, encoding: "utf8", env });
    check(
      "pnpm start --to without credentials says which variables are missing, and sends nothing",
      real.status !== 0 && /needs WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID .*nothing was sent/.test(real.stderr),
    );
    console.log(
      `newcomer: README's first command ${cold.seconds.toFixed(1)} s cold (install, build, send), pnpm start ${warm.seconds.toFixed(1)} s warm`,
    );
  }
} catch (error) {
  check(`the newcomer run finished (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`, false);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
process.exitCode = summary();
