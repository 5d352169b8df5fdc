// `pnpm gen`: every file generated from the rule table, written in one run from src (through tsx, no build
// first): each kind's yes/no check (packages/builder/src/rules/quick/), the wire types users import
// (packages/builder/src/wire/*.generated.ts), the shipped JSON Schema
// (packages/builder/schema/messages.schema.json) and docs/limits.md. `--check` writes nothing and fails when
// a committed file differs (run in pnpm test).
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./lib.mjs";
import { limitsPage, limitsPagePath } from "./limits-doc.mjs";
import { quickCheckDir, quickChecks } from "./quick-checks.mjs";
import { schemaPath, schemaText } from "./schema.mjs";
import { payloadDir, wireTypes } from "./wire-types.mjs";

const wanted = new Map([...quickChecks(), ...wireTypes(), [schemaPath, schemaText()], [limitsPagePath, await limitsPage()]]);
// A generated check or wire type nothing needs any more is stale too.
const extra = [quickCheckDir, payloadDir].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".generated.ts"))
    .map((name) => join(dir, name))
    .filter((path) => !wanted.has(path)),
);
const read = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

if (process.argv.includes("--check")) {
  const stale = [...[...wanted].filter(([path, text]) => read(path) !== text).map(([path]) => path), ...extra];
  for (const path of stale) console.log(`  ${relative(root, path)} is stale: run pnpm gen`);
  process.exit(stale.length === 0 ? 0 : 1);
}
for (const path of extra) rmSync(path);
let changed = 0;
for (const [path, text] of wanted)
  if (read(path) !== text) {
    writeFileSync(path, text);
    changed++;
    console.log(`wrote ${relative(root, path)}`);
  }
console.log(`pnpm gen: ${wanted.size} files from the rule table, ${changed} changed${extra.length > 0 ? `, ${extra.length} removed` : ""}`);
