// How much of build + stringify is the builder's check: per case, the literal with the kind's quick check run
// on it (what the check costs alone), and the builder with its check replaced by `true` (what the rest of the
// builder costs). Same method as bench/runtime.mjs: one process per case and mode, batches taking turns,
// ratio = median over rounds of (batch / literal batch of the same round).
import { spawnSync } from "node:child_process";
import { msg } from "@wacompose/builder";
import { cases } from "./cases.mjs";
import { sameRoundRatio, timeInterleaved } from "./interleaved.mjs";

const [only, mode] = process.argv.slice(2);

if (only === undefined) {
  console.log("| message | wacompose | literal + its check | wacompose without its check |");
  console.log("|---|---|---|---|");
  const run = (...args) => {
    const { stdout, status } = spawnSync(process.execPath, [new URL(import.meta.url).pathname, ...args], { encoding: "utf8" });
    if (status !== 0) throw new Error(`check-share ${args.join(" ")} failed`);
    return stdout.trim().split(" ");
  };
  for (const name of Object.keys(cases)) {
    const [checked, whole] = run(name, "check");
    const [unchecked] = run(name, "unchecked");
    console.log(`| ${name} | ${whole}× | ${checked}× | ${unchecked}× |`);
  }
} else {
  const { literal, wacompose } = cases[only];
  // The kind's quick test, read through the builder: MessageBase.passes() is where every build calls it.
  let base = Object.getPrototypeOf(msg.to("16505551234").text("probe"));
  while (!Object.hasOwn(base, "passes")) base = Object.getPrototypeOf(base);
  const passes = base.passes;
  let rules;
  base.passes = function (body) {
    rules = Object.getOwnPropertyDescriptor(base, "rules").get.call(this);
    return passes.call(this, body);
  };
  wacompose();
  base.passes = mode === "unchecked" ? () => true : passes;
  const variants =
    mode === "unchecked"
      ? { literal, wacompose }
      : {
          literal,
          check: () => {
            const body = literal();
            if (!rules.passes(body, true)) throw new Error(`${only}: the literal fails its check`);
            return body;
          },
          wacompose,
        };
  const kinds = Object.keys(variants);
  const times = timeInterleaved(variants);
  const relative = (kind) => sameRoundRatio(times, kind).toFixed(2);
  console.log(kinds.slice(1).map(relative).join(" "));
}
