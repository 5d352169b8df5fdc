// Writes packages/builder/schema/messages.schema.json from the rule table (packages/builder/src/rules/),
// through the built package. `--check` fails when the committed file is stale (run in pnpm test).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./lib.mjs";

const path = join(root, "packages/builder/schema/messages.schema.json");
const { messagesSchema } = await import(pathToFileURL(join(root, "packages/builder/dist/esm/rules/json-schema.js")).href);
const text = `${JSON.stringify(messagesSchema(), null, 2)}\n`;

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(path, "utf8");
  } catch {}
  if (current !== text) {
    console.log("  packages/builder/schema/messages.schema.json is stale: run pnpm schema");
    process.exit(1);
  }
} else {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path} (${text.length.toLocaleString("en")} bytes)`);
}
