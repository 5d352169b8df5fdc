// Build + JSON.stringify: the wacompose builder and whatsapp-api-js versus the same body as
// an object literal. Pairs are measured interleaved in one process; each case runs in its own
// process (`node bench/runtime.mjs <case>`, all by default) so one case's JIT feedback does
// not skew the next. Prints one markdown table row per case. With WACOMPOSE_BASELINE set to an
// ESM bundle of an earlier builder (`node bench/baseline.mjs <commit>` makes one), that build is
// timed alongside, in the same rounds.
import { spawnSync } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import { do_not_optimize } from "mitata";
import { cases, casesWith } from "./cases.mjs";

const goals = { text: 1.05, contacts: 1.15, buttons: 1.15, list: 1.15, template: 1.15 };
const baseline = process.env.WACOMPOSE_BASELINE;
const baselineName = process.env.WACOMPOSE_BASELINE_NAME ?? "before";
const only = process.argv[2];

if (only === undefined) {
  const before = baseline === undefined ? "" : ` wacompose ${baselineName} | ratio |`;
  console.log(`| message | literal | wacompose | ratio | goal |${before} whatsapp-api-js | ratio |`);
  console.log(`|---|---|---|---|---|${baseline === undefined ? "" : "---|---|"}---|---|`);
  for (const name of Object.keys(cases)) {
    const { stdout, status } = spawnSync(process.execPath, [new URL(import.meta.url).pathname, name], { encoding: "utf8" });
    if (status !== 0) throw new Error(`bench ${name} failed`);
    process.stdout.write(stdout);
  }
} else {
  const variants = { ...cases[only] };
  if (baseline !== undefined) variants.before = casesWith((await import(baseline)).msg)[only].wacompose;
  const expected = JSON.parse(JSON.stringify(variants.literal()));
  for (const [kind, make] of Object.entries(variants)) {
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(make())), expected))
      throw new Error(`${only}/${kind} does not produce the literal's JSON`);
  }
  // Batches of calls, the variants taking turns in rotating order, many rounds: a ratio is
  // the median over rounds of (variant batch / literal batch) timed moments apart, so drift
  // in the machine's speed (a shared host) cancels out instead of landing on one variant.
  const kinds = Object.keys(variants);
  const batch = 1000;
  const rounds = 60;
  const times = Object.fromEntries(kinds.map((kind) => [kind, []]));
  const timeBatch = (make) => {
    const started = performance.now();
    for (let i = 0; i < batch; i++) do_not_optimize(JSON.stringify(make()));
    return ((performance.now() - started) * 1e6) / batch;
  };
  for (let warm = 0; warm < 20; warm++) for (const kind of kinds) timeBatch(variants[kind]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(round + k) % kinds.length];
      times[kind].push(timeBatch(variants[kind]));
    }
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
  };
  const relative = (kind) => median(times[kind].map((t, round) => t / times.literal[round]));
  const best = Object.fromEntries(kinds.map((kind) => [kind, median(times[kind])]));
  const ns = (value) => `${value.toFixed(0)} ns`;
  const ratio = (kind) => `${relative(kind).toFixed(2)}×`;
  const goal = goals[only] ? `≤ ${goals[only]}×` : "";
  const peer = best.peer === undefined ? "— | —" : `${ns(best.peer)} | ${ratio("peer")}`;
  const before = best.before === undefined ? "" : ` ${ns(best.before)} | ${ratio("before")} |`;
  console.log(`| ${only} | ${ns(best.literal)} | ${ns(best.wacompose)} | ${ratio("wacompose")} | ${goal} |${before} ${peer} |`);
}
