// Build + JSON.stringify: the wacompose builder and whatsapp-api-js versus the same body as
// an object literal. Pairs are measured interleaved in one process; each case runs in its own
// process (`node bench/runtime.mjs <case>`, all by default) so one case's JIT feedback does
// not skew the next. Prints one markdown table row per case. With WACOMPOSE_BASELINE set to an
// ESM bundle of an earlier builder (`node bench/baseline.mjs <commit>` makes one), that build is
// timed alongside, in the same rounds.
import { spawnSync } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import { cases, casesWith } from "./cases.mjs";
import { median, sameRoundRatio, timeInterleaved } from "./interleaved.mjs";

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
  const kinds = Object.keys(variants);
  const times = timeInterleaved(variants);
  const relative = (kind) => sameRoundRatio(times, kind);
  const best = Object.fromEntries(kinds.map((kind) => [kind, median(times[kind])]));
  const ns = (value) => `${value.toFixed(0)} ns`;
  const ratio = (kind) => `${relative(kind).toFixed(2)}×`;
  const goal = goals[only] ? `≤ ${goals[only]}×` : "";
  const peer = best.peer === undefined ? "— | —" : `${ns(best.peer)} | ${ratio("peer")}`;
  const before = best.before === undefined ? "" : ` ${ns(best.before)} | ${ratio("before")} |`;
  console.log(`| ${only} | ${ns(best.literal)} | ${ns(best.wacompose)} | ${ratio("wacompose")} | ${goal} |${before} ${peer} |`);
}
