// `pnpm mutate`: mutation testing with Stryker over the files that matter most (scripts/mutate-groups.mjs),
// one group at a time, each judged by its own package's tests; then bench/MUTATION.md is written
// from the reports: the score of each file and every surviving mutant with its reason
// (bench/mutation-reasons.json). Slow on 2 cores, so not part of `pnpm test` or CI.
//
//   pnpm mutate                          every group, then bench/MUTATION.md
//   pnpm mutate -- --group webhooks      one group (repeatable; also the extended ones), then bench/MUTATION.md from all reports
//   pnpm mutate -- --mutate <glob>       a piece, while writing tests: the groups the glob names, report printed only
//   pnpm mutate -- --report              bench/MUTATION.md from the last reports, nothing run
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./lib.mjs";
import { groups } from "./mutate-groups.mjs";

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const option = (name) => {
  const values = [];
  for (let i = 0; i < args.length; i++) if (args[i] === name && args[i + 1] !== undefined) values.push(args[++i]);
  return values;
};
const mutateGlobs = option("--mutate");
const chosen = option("--group");
for (const name of chosen) if (!(name in groups)) throw new Error(`--group ${name}: expected one of ${Object.keys(groups).join(", ")}`);
const piece = mutateGlobs.length > 0;
const packageOf = (name) => groups[name].mutate[0].split("/src/")[0];
/** A glob belongs to the group whose package directory it starts with. */
const owns = (group, glob) => group.mutate.some((pattern) => glob.startsWith(pattern.split("/src/")[0]));
const names = Object.keys(groups).filter((name) =>
  piece
    ? mutateGlobs.some((glob) => owns(groups[name], glob))
    : chosen.length === 0
      ? groups[name].extended !== true
      : chosen.includes(name),
);
// A piece runs once per package: the groups of one package differ only in what they mutate, which --mutate replaces.
if (piece)
  for (let i = names.length - 1; i > 0; i--)
    if (names.slice(0, i).some((other) => packageOf(other) === packageOf(names[i]))) names.splice(i, 1);
if (names.length === 0)
  throw new Error(`--mutate ${mutateGlobs.join(" ")}: no group mutates files under that path (${Object.keys(groups).join(", ")})`);

const reportOf = (name) => join(root, "reports/mutation", `${name}.json`);
/** Each group's run time, in its own file (groups may run at once, from separate `pnpm mutate` calls). */
const timingOf = (name) => join(root, "reports/mutation", `${name}.time.json`);
const reportOnly = args.includes("--report");
let failedRuns = 0;
for (const name of reportOnly ? [] : names) {
  console.log(`\n── mutate ${name} (${groups[name].mutate.join(", ")}) ──`);
  const started = Date.now();
  const extra = piece ? ["--mutate", mutateGlobs.filter((glob) => owns(groups[name], glob)).join(",")] : [];
  const stryker = spawnSync(join(root, "node_modules/.bin/stryker"), ["run", ...extra], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, WACOMPOSE_MUTATE_GROUP: piece ? `${name}` : name, WACOMPOSE_MUTATE_REPORT: piece ? "piece" : name },
  });
  if (stryker.status !== 0) failedRuns++;
  if (!piece && stryker.status === 0)
    writeFileSync(
      timingOf(name),
      `${JSON.stringify({ seconds: Math.round((Date.now() - started) / 1000), at: new Date().toISOString() })}\n`,
    );
}

if (!piece) {
  writeFileSync(join(root, "bench/MUTATION.md"), summary());
  console.log("\nwrote bench/MUTATION.md");
}
process.exit(failedRuns === 0 ? 0 : 1);

/** bench/MUTATION.md from every group's report. */
function summary() {
  const reasons = JSON.parse(readFileSync(join(root, "bench/mutation-reasons.json"), "utf8"));
  const reasonOf = (survivor) =>
    reasons.find(
      (r) =>
        r.file === survivor.file &&
        r.mutator === survivor.mutator &&
        r.replacement === survivor.replacement &&
        // The line's text (trimmed), not its number: a reason stays with its code when lines move, and one
        // replacement (`true`, `{}`) on two lines of a file gets a reason each.
        r.original === survivor.original &&
        // Two mutants alike on one line (`false` for each side of `a || b`) are told apart by their column.
        (r.column === undefined || r.column === survivor.column),
    )?.reason;
  const rows = [];
  const survivors = [];
  const totals = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0 };
  const missing = [];
  for (const name of Object.keys(groups)) {
    if (!existsSync(reportOf(name))) {
      missing.push(name);
      continue;
    }
    const report = JSON.parse(readFileSync(reportOf(name), "utf8"));
    for (const [path, file] of Object.entries(report.files)) {
      const file_ = relative(root, join(root, path)).replace(/^.*?(packages\/)/, "$1");
      const count = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0 };
      const lines = file.source.split("\n");
      for (const mutant of file.mutants) {
        if (mutant.status === "Killed") count.killed++;
        else if (mutant.status === "Timeout") count.timeout++;
        else if (mutant.status === "Survived" || mutant.status === "NoCoverage") {
          count[mutant.status === "Survived" ? "survived" : "noCoverage"]++;
          const line = mutant.location.start.line;
          const original = (lines[line - 1] ?? "").trim();
          const survivor = {
            file: file_,
            line,
            column: mutant.location.start.column,
            mutator: mutant.mutatorName,
            replacement: mutant.replacement ?? "",
            status: mutant.status,
            original,
          };
          survivors.push({ ...survivor, reason: reasonOf(survivor) });
        } else count.errors++;
      }
      for (const key of Object.keys(totals)) totals[key] += count[key];
      const valid = count.killed + count.timeout + count.survived + count.noCoverage;
      rows.push(
        `| ${file_} | ${statSync(reportOf(name)).mtime.toISOString().slice(0, 16).replace("T", " ")} | ${valid} | ${count.killed} | ${count.timeout} | ${count.survived} | ${count.noCoverage} | ${score(count)} |`,
      );
    }
  }
  const cell = (text, max = 140) => text.replaceAll("|", "\\|").replaceAll("\n", " ").slice(0, max);
  const timings = Object.fromEntries(
    Object.keys(groups)
      .filter((name) => existsSync(timingOf(name)))
      .map((name) => [name, JSON.parse(readFileSync(timingOf(name), "utf8"))]),
  );
  const runTime = Object.entries(timings)
    .map(
      ([name, t]) =>
        `${name} ${Math.floor(t.seconds / 60)} min ${t.seconds % 60} s (${t.at.slice(0, 16).replace("T", " ")} UTC${t.note ? `; ${t.note}` : ""})`,
    )
    .join(", ");
  const total = Object.values(timings).reduce((sum, t) => sum + t.seconds, 0);
  const unexplained = survivors.filter((s) => s.reason === undefined).length;
  return [
    "# Mutation testing",
    "",
    "Written by `pnpm mutate` (Stryker with the jest runner; scripts/mutate.mjs, stryker.config.mjs, the files in",
    "scripts/mutate-groups.mjs). Not part of `pnpm test` or CI: it takes a while on 2 cores. Run it again when a",
    "file below changes; a piece while writing tests: `pnpm mutate -- --mutate packages/webhooks/src/parse.ts`.",
    "",
    "How to read it: a mutant is judged only by its group's tests (below), the ones that reach its file without",
    "servers or child processes, so a score here is what those tests alone pin down. Static mutants (code run when",
    "a module loads) are not ignored: each runs every test of its group. A mutant still running 10 s past its tests'",
    "time × 2 counts as timed out (detected: the mutant made a loop). String literals are mutated only where a string",
    "is the behaviour (escaping, codegen, signatures); elsewhere they are error wording, which the tests check whole.",
    "",
    `**Mutation score on the scoped files: ${score(totals)}** (killed + timed out over all mutants that ran;`,
    `${totals.killed} killed, ${totals.timeout} timed out, ${totals.survived} survived, ${totals.noCoverage} not reached by any test).`,
    "",
    `Run time: ${Math.round(total / 60)} min in all (the groups one after another, Stryker's concurrency 1) — ${runTime}.`,
    ...(missing.length > 0
      ? [
          "",
          `No report yet: ${missing.map((name) => (groups[name].extended === true ? `${name} (extended: \`--group ${name}\`)` : name)).join(", ")}.`,
        ]
      : []),
    "",
    "| File | Report (UTC) | Mutants | Killed | Timed out | Survived | No coverage | Score |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    "## Groups",
    "",
    "Each group mutates its files and is judged by the tests named here (scripts/mutate-groups.mjs says why those).",
    "",
    "| Group | Mutates | Tests | Strings mutated |",
    "| --- | --- | --- | --- |",
    ...Object.entries(groups).map(
      ([name, group]) =>
        `| ${name}${group.extended === true ? " (extended)" : ""} | ${group.mutate.map((glob) => `\`${cell(glob)}\``).join(", ")} | ${group.tests.map((glob) => `\`${cell(glob)}\``).join(", ")} | ${group.messages === false ? "no" : "yes"} |`,
    ),
    "",
    "## Surviving mutants",
    "",
    unexplained === 0
      ? "Each with its reason: an equivalent mutant (no test can tell it apart), or the test that is still to be written."
      : `**${unexplained} without a reason yet** (add one to bench/mutation-reasons.json, or a test that kills it).`,
    "",
    "| Where (line:column) | Mutator | Original line | Replacement | Reason |",
    "| --- | --- | --- | --- | --- |",
    ...survivors.map(
      (s) =>
        `| ${s.file}:${s.line}:${s.column} | ${s.mutator}${s.status === "NoCoverage" ? " (no coverage)" : ""} | \`${cell(s.original)}\` | \`${cell(s.replacement)}\` | ${cell(s.reason ?? "**no reason recorded**", 600)} |`,
    ),
    "",
  ].join("\n");
}

function score(count) {
  const valid = count.killed + count.timeout + count.survived + count.noCoverage;
  return valid === 0 ? "–" : `${(((count.killed + count.timeout) / valid) * 100).toFixed(1)} %`;
}
