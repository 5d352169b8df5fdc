// Memory and handles of the standalone emulator: `wacompose emulator` with a webhook receiver takes a bounded loop
// of sends (default 10,000; `--sends n`), every one answered with signed sent/delivered/read webhooks; then its
// resident memory is read from /proc, and SIGINT must end it on its own (no handle left open: the command never
// calls process.exit) with exit code 0. Prints the numbers, then "N passed, N failed".
// The bound is generous on purpose: a busy CI host measures the same leak-free run higher than an idle one.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { root } from "./lib.mjs";

const sendsAt = process.argv.indexOf("--sends");
const sends = sendsAt === -1 ? 10_000 : Number(process.argv[sendsAt + 1]);
if (!Number.isSafeInteger(sends) || sends < 1) throw new RangeError(`--sends: a whole number ≥ 1, got ${process.argv[sendsAt + 1]}`);
/** Resident memory the emulator must stay under after the loop (it keeps the newest 1,000 requests, 10,000 sent messages). */
const maxRssMb = 512;
let passed = 0;
let failed = 0;
const check = (name, ok) => {
  console.log(`${ok ? "✓" : "✗"} ${name}`);
  if (ok) passed++;
  else failed++;
};
const rssMb = (pid, field) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB$`, "m"));
  return line === null ? Number.NaN : Number(line[1]) / 1024;
};

let webhooks = 0;
const receiver = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    webhooks++;
    response.end("OK");
  });
});
await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const child = spawn(
  process.execPath,
  [
    join(root, "packages/cli/bin/wacompose.mjs"),
    "emulator",
    "--port",
    "0",
    "--no-window",
    "--webhook-url",
    `http://127.0.0.1:${receiver.address().port}/webhook`,
    "--app-secret",
    "soak-secret",
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
let lines = 0;
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("the emulator did not start in 30 s")), 30_000);
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines++;
    const at = /^wacompose emulator listening at (\S+)$/.exec(line);
    if (at !== null) {
      clearTimeout(timer);
      resolve(at[1]);
    }
  });
});
const startRss = rssMb(child.pid, "VmRSS");
const body = JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "soak" } });
let accepted = 0;
let next = 0;
const started = Date.now();
// Eight senders in parallel, each one request at a time: bounded, whatever the host's speed.
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < sends) {
      next++;
      const response = await fetch(`${url}/v23.0/106540352242922/messages`, {
        method: "POST",
        headers: { Authorization: "Bearer test-token", "Content-Type": "application/json" },
        body,
      });
      if (response.ok) accepted++;
      await response.arrayBuffer();
    }
  }),
);
const idle = await fetch(`${url}/__idle`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
await idle.arrayBuffer();
const seconds = (Date.now() - started) / 1000;
const endRss = rssMb(child.pid, "VmRSS");
const peakRss = rssMb(child.pid, "VmHWM");
console.log(
  `${sends} sends in ${seconds.toFixed(1)} s, ${webhooks} webhooks received; emulator RSS ${startRss.toFixed(0)} MB at start, ${endRss.toFixed(0)} MB after, peak ${peakRss.toFixed(0)} MB`,
);
check(`all ${sends} sends accepted`, accepted === sends);
check(`every one answered by sent, delivered and read (${webhooks} of ${3 * sends})`, webhooks === 3 * sends);
check(`the emulator's peak resident memory stays under ${maxRssMb} MB`, peakRss < maxRssMb);

const stoppedAt = Date.now();
child.kill("SIGINT");
const exit = await new Promise((resolve) => {
  const timer = setTimeout(() => {
    child.kill("SIGKILL");
    resolve("still running 30 s after SIGINT (a handle left open)");
  }, 30_000);
  child.on("exit", (code, signal) => {
    clearTimeout(timer);
    resolve(code ?? signal);
  });
});
console.log(`exit ${exit} ${((Date.now() - stoppedAt) / 1000).toFixed(2)} s after SIGINT; ${lines} lines printed`);
check("SIGINT ends it on its own, exit code 0 (no handle left open)", exit === 0);
receiver.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
