// Memory and handles of the standalone emulator: `wacompose emulator` with a webhook receiver takes a bounded loop
// of sends (default 10,000; `--sends n`; in rounds of 1,000, each round's webhooks delivered before the next), every
// one answered with signed sent/delivered/read webhooks (each signature checked here); then its
// resident memory is read from /proc, and SIGINT must end it on its own (no handle left open: the command never
// calls process.exit) with exit code 0. Prints the numbers, then "N passed, N failed".
// The bound is generous on purpose: a busy CI host measures the same leak-free run higher than an idle one.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
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
let unsigned = 0;
const receiver = createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const expected = `sha256=${createHmac("sha256", "soak-secret").update(Buffer.concat(chunks)).digest("hex")}`;
    if (request.headers["x-hub-signature-256"] === expected) webhooks++;
    else unsigned++;
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
/** Sends per round; the round's 3,000 webhooks are delivered (POST /__idle) before the next starts. */
const round = 1_000;
/** Waits until every webhook so far was delivered; bounded, so a stuck delivery fails the run instead of hanging it. */
const idle = async () => {
  const answer = await fetch(`${url}/__idle`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
    signal: AbortSignal.timeout(300_000),
  });
  await answer.arrayBuffer();
};
const started = Date.now();
// Eight senders in parallel, each one request at a time, in rounds: bounded, whatever the host's speed. The rounds
// keep the deliveries waiting for the receiver at most 3,000, under the emulator's bound of 10,000 (past it the
// oldest give up): a busy host delivers fewer per second than the senders send, and must not lose any here.
while (next < sends) {
  const end = Math.min(sends, next + round);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < end) {
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
  await idle();
}
const seconds = (Date.now() - started) / 1000;
const endRss = rssMb(child.pid, "VmRSS");
const peakRss = rssMb(child.pid, "VmHWM");
console.log(
  `${sends} sends in ${seconds.toFixed(1)} s, ${webhooks} signed webhooks received; emulator RSS ${startRss.toFixed(0)} MB at start, ${endRss.toFixed(0)} MB after, peak ${peakRss.toFixed(0)} MB`,
);
check(`all ${sends} sends accepted`, accepted === sends);
check(
  `every one answered by signed sent, delivered and read webhooks (${webhooks} of ${3 * sends}; ${unsigned} with a wrong signature)`,
  webhooks === 3 * sends && unsigned === 0,
);
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
