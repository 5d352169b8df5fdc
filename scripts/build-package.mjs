// Builds the package in the current directory: ESM one file per module (so bundlers keep only
// the modules an app reaches) and a CJS bundle with esbuild,
// declarations with tsc 5.9 (TS 7 has no declaration API yet), copied beside the CJS
// output under a {"type":"commonjs"} package.json so node16 resolution sees CJS types.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const dist = "dist";
rmSync(dist, { recursive: true, force: true });

const common = {
  entryPoints: ["src/index.ts"],
  bundle: true,
  packages: "external",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
  logLevel: "warning",
};
/** Every source module (declaration-only files aside). */
const modules = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
// CJS: one bundle, unless package.json exports more than one entry (`"./templates"` beside `"."`):
// then one file per module as for ESM, so both entries share each module (one GraphApiError class).
const cjsEntries = Object.values(JSON.parse(readFileSync("package.json", "utf8")).exports ?? {}).filter(
  (target) => typeof target?.require?.default === "string",
);
await Promise.all([
  build({ ...common, entryPoints: modules("src"), bundle: false, outbase: "src", format: "esm", outdir: `${dist}/esm` }),
  cjsEntries.length > 1
    ? build({ ...common, entryPoints: modules("src"), bundle: false, outbase: "src", format: "cjs", outdir: `${dist}/cjs` })
    : build({ ...common, format: "cjs", outfile: `${dist}/cjs/index.js` }),
]);

// A package with src/bin.ts also gets a command: one ESM file for Node, with a shebang.
if (existsSync("src/bin.ts")) {
  await build({
    ...common,
    entryPoints: ["src/bin.ts"],
    platform: "node",
    format: "esm",
    outfile: `${dist}/bin.js`,
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: false,
  });
  chmodSync(`${dist}/bin.js`, 0o755);
}

const tsc = require.resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { stdio: "inherit" });

const copyDeclarations = (from, to) => {
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) copyDeclarations(source, join(to, name));
    else if (name.endsWith(".d.ts")) {
      mkdirSync(to, { recursive: true });
      cpSync(source, join(to, name));
    }
  }
};
copyDeclarations(`${dist}/esm`, `${dist}/cjs`);
writeFileSync(`${dist}/cjs/package.json`, `${JSON.stringify({ type: "commonjs" })}\n`);
