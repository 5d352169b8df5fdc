// An earlier builder to time alongside the current one (bench/runtime.mjs): the builder's
// sources at `commit`, bundled to one ESM file in a scratch directory outside the repository.
// `node bench/baseline.mjs <commit>` prints the file's path; `pnpm bench` makes one when
// WACOMPOSE_BASELINE_COMMIT names a commit.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;

/** Bundles packages/builder at `commit` and returns the bundle's path. */
export async function baselineBuilder(commit) {
  if (!/^[0-9a-f]{7,40}$/.test(commit)) throw new TypeError(`baseline: expected a commit hash, got ${JSON.stringify(commit)}`);
  const dir = mkdtempSync(join(tmpdir(), `wacompose-${commit}-`));
  const archive = execFileSync("git", ["-C", root, "archive", "--format=tar", commit, "packages/builder/src"], { maxBuffer: 64 * 2 ** 20 });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  const outfile = join(dir, "builder.mjs");
  await build({
    entryPoints: [join(dir, "packages/builder/src/index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await baselineBuilder(process.argv[2] ?? "6749922")); // this session's base (issue 30)
