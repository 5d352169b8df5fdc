// `pnpm bench`: every benchmark under bench/, each comparing within one process, written
// to bench/RESULTS.md with the machine and tool versions.

import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { root, run } from "./lib.mjs";

const version = (pkg) => JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version;
const sections = [
  [
    "Build + JSON.stringify versus an object literal",
    "Each message built, then stringified; lower is better. Times are medians of 1,000-call batches; a ratio is the median over 60 rounds of a batch against the literal's batch of the same round (variants take turns, so a shared host's drift cancels). whatsapp-api-js: its message classes and the request object its `sendMessage()` assembles.",
    ["bench/runtime.mjs"],
  ],
  [
    "Build + JSON.stringify: the check's share",
    "The same method per case: the literal with the kind's quick check run on it (the check alone), and the builder with its check replaced by `true` (the builder's own assembly).",
    ["bench/check-share.mjs"],
  ],
  [
    "Allocation per message",
    "Bytes allocated by build + stringify, counted as heap growth with collection held off; goal: at most twice the literal (issue 30).",
    ["--expose-gc", "--min-semi-space-size=256", "--max-semi-space-size=256", "bench/alloc.mjs"],
  ],
  [
    "Type-check cost of 1,000 messages",
    "A generated file of 1,000 builder calls (a third texts of ~200 characters, a third 3-button messages, two-ninths 10-row lists, the rest images, reactions, locations, contacts) versus the same bodies as object literals typed `satisfies Message`; `--extendedDiagnostics` check time; ratio = median over 7 pairs of compiles (literal and builder back to back, order alternating) of the pair's ratio. Goal (issue 30): ≤ 1.5× on each compiler.",
    ["bench/type-cost.mjs"],
  ],
  [
    "validate() on hostile sizes",
    "Far over the counts, every id unique: once quadratic (12–17 s for the list). Median of 7 runs, beside a JSON round trip of the same body.",
    ["bench/validate.mjs"],
  ],
  ["Bundle size", "esbuild `--bundle --minify` for the browser, then gzip -9.", ["bench/size.mjs"]],
  [
    "Transport overhead",
    'Sequential sends to the emulator on loopback, raw fetch given the same per-send AbortSignal and `redirect: "manual"` as the clients; 400 rounds of 5-send batches in rotating order, overhead = median of same-round ratios. Then each client\'s own CPU per send, with a stub fetch that answers at once.',
    ["bench/transport.mjs"],
  ],
  [
    "Receiving a webhook batch",
    "A signed 1,000-status POST: `verifySignature` + `JSON.parse` + `parseWebhook` + `dedupe`, against `JSON.parse` and an HMAC check alone. 60 rounds of 20 batches, variants taking turns; ratio = median of same-round ratios.",
    ["bench/webhooks.mjs"],
  ],
];

const lines = [
  "# Benchmark results",
  "",
  `Written by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB;`,
  `Node ${process.version}, TypeScript ${version("typescript")} and ${version("typescript7")}, esbuild ${version("esbuild")}.`,
  "Every figure compares within one run, so ratios are steadier than absolute times on a shared machine.",
  "",
];
// The commit before a change, timed alongside the current builder (bench/baseline.mjs).
const baselineCommit = process.env.WACOMPOSE_BASELINE_COMMIT;
if (baselineCommit !== undefined) {
  const { baselineBuilder } = await import("../bench/baseline.mjs");
  process.env.WACOMPOSE_BASELINE = await baselineBuilder(baselineCommit);
  process.env.WACOMPOSE_BASELINE_NAME = `at ${baselineCommit}`;
}
let failed = 0;
for (const [title, note, args] of sections) {
  console.log(`── ${title} ──`);
  const result = run(process.execPath, args);
  if (result.code !== 0) failed++;
  lines.push(
    `## ${title}`,
    "",
    note,
    "",
    ...result.output
      .trim()
      .split("\n")
      .filter((line) => line.startsWith("|")),
    "",
  );
}
writeFileSync(join(root, "bench/RESULTS.md"), lines.join("\n"));
console.log("wrote bench/RESULTS.md");
process.exit(failed === 0 ? 0 : 1);
