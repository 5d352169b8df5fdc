// Builds the packages whose dist is missing or older than their sources, and only those, so
// `pnpm start` is quick after the first run. `--quiet` prints nothing when all are up to date.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { packageDirs, root } from "./lib.mjs";

/** The newest modification time of `path` and, for a folder, everything below it. */
const newest = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
};

export function staleBuilds() {
  return packageDirs().filter((dir) => {
    const output = join(dir, "dist/esm/index.js");
    if (!existsSync(output)) return true;
    const inputs = ["src", "package.json", "tsconfig.json"].map((name) => join(dir, name)).filter(existsSync);
    return Math.max(...inputs.map(newest)) > statSync(output).mtimeMs;
  });
}

export function buildStale() {
  const stale = staleBuilds();
  if (stale.length === 0) return 0;
  const names = stale.map((dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name);
  console.log(`Building ${names.join(", ")} (the others are up to date)…`);
  const filters = names.flatMap((name) => ["--filter", name]);
  return spawnSync("pnpm", ["-s", ...filters, "run", "build"], { cwd: root, stdio: "inherit" }).status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(buildStale());
