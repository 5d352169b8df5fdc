// Build + JSON.stringify: the wacompose builder and whatsapp-api-js versus the same body as
// an object literal. Pairs are measured interleaved in one process; each case runs in its own
// process (`node bench/runtime.mjs <case>`, all by default) so one case's JIT feedback does
// not skew the next. Prints one markdown table row per case.
import { spawnSync } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import { do_not_optimize, measure } from "mitata";
import { cases } from "./cases.mjs";

const goals = { text: 1.2, contacts: 1.2, list: 1.1 };
const only = process.argv[2];

if (only === undefined) {
  console.log("| message | literal | wacompose | ratio | goal | whatsapp-api-js | ratio |");
  console.log("|---|---|---|---|---|---|---|");
  for (const name of Object.keys(cases)) {
    const { stdout, status } = spawnSync(process.execPath, [new URL(import.meta.url).pathname, name], { encoding: "utf8" });
    if (status !== 0) throw new Error(`bench ${name} failed`);
    process.stdout.write(stdout);
  }
} else {
  const variants = cases[only];
  const expected = JSON.parse(JSON.stringify(variants.literal()));
  for (const [kind, make] of Object.entries(variants)) {
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(make())), expected))
      throw new Error(`${only}/${kind} does not produce the literal's JSON`);
  }
  const best = {};
  for (let round = 0; round < 5; round++) {
    for (const [kind, make] of Object.entries(variants)) {
      const stats = await measure(() => do_not_optimize(JSON.stringify(make())));
      best[kind] = Math.min(best[kind] ?? Number.POSITIVE_INFINITY, stats.avg);
    }
  }
  const ns = (value) => `${value.toFixed(0)} ns`;
  const ratio = (value) => `${(value / best.literal).toFixed(2)}×`;
  const goal = goals[only] ? `≤ ${goals[only]}×` : "";
  const peer = best.peer === undefined ? "— | —" : `${ns(best.peer)} | ${ratio(best.peer)}`;
  console.log(`| ${only} | ${ns(best.literal)} | ${ns(best.wacompose)} | ${ratio(best.wacompose)} | ${goal} | ${peer} |`);
}
