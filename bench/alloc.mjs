// Bytes allocated per message (build + JSON.stringify). Run with --expose-gc and a young
// generation large from the start (--min-semi-space-size=256 --max-semi-space-size=256): no
// collection happens while counting, so heap growth = allocation. With the maximum alone the
// young generation starts small and scavenges mid-count, and the figures came out low and unsteady.
// With WACOMPOSE_BASELINE set (bench/baseline.mjs), an earlier builder is counted alongside.
import { cases, casesWith } from "./cases.mjs";

const iterations = 20_000;
/** At most this many times the literal's bytes (issue 30: template building allocates no more than twice the literal). */
const goal = 2;
const baseline = process.env.WACOMPOSE_BASELINE;
const baselineName = process.env.WACOMPOSE_BASELINE_NAME ?? "before";
const before = baseline === undefined ? undefined : casesWith((await import(baseline)).msg);

const count = (make) => {
  for (let i = 0; i < 2_000; i++) JSON.stringify(make()); // warm up
  const keep = new Array(iterations);
  globalThis.gc();
  const start = process.memoryUsage().heapUsed;
  for (let i = 0; i < iterations; i++) keep[i] = JSON.stringify(make());
  return Math.round((process.memoryUsage().heapUsed - start) / iterations);
};

const beforeHead = before === undefined ? "" : ` wacompose ${baselineName} | ratio |`;
console.log(`| message | literal | wacompose | ratio | goal |${beforeHead} whatsapp-api-js |`);
console.log(`|---|---|---|---|---|${before === undefined ? "" : "---|---|"}---|`);
let failed = false;
for (const [name, variants] of Object.entries(cases)) {
  const bytes = {};
  for (const [kind, make] of Object.entries(variants)) bytes[kind] = count(make);
  if (before !== undefined) bytes.before = count(before[name].wacompose);
  const ratio = (kind) => `${(bytes[kind] / bytes.literal).toFixed(2)}×`;
  const beforeCells = before === undefined ? "" : ` ${bytes.before} B | ${ratio("before")} |`;
  const peer = bytes.peer === undefined ? "—" : `${bytes.peer} B`;
  if (bytes.wacompose > goal * bytes.literal) failed = true;
  console.log(`| ${name} | ${bytes.literal} B | ${bytes.wacompose} B | ${ratio("wacompose")} | ≤ ${goal}× |${beforeCells} ${peer} |`);
}
if (failed) {
  console.error(`alloc: a message allocates more than ${goal}× its literal`);
  process.exitCode = 1;
}
