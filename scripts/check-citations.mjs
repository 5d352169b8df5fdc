// Every "§N" / "§N.M" cited in the sources and docs names a section of docs/reference/cloud-api.md
// (§13.M: item M of §13), or of docs/reference/api-2026.md when written "api-2026.md §N", and every path
// to docs/reference/ exists. Exit 1, naming each one that does not.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./lib.mjs";

const reference = readFileSync(join(root, "docs/reference/cloud-api.md"), "utf8");
const sections = new Set([...reference.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]));
const thirteen = reference.slice(reference.indexOf("## 13."), reference.indexOf("## 14."));
for (const m of thirteen.matchAll(/^(\d+)\. /gm)) sections.add(`13.${m[1]}`);

const recent = readFileSync(join(root, "docs/reference/api-2026.md"), "utf8");
const recentSections = new Set([...recent.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]));
// docs/reference/webhooks-2026.md: "webhooks-2026.md §1d" is item d of its section 1.
const webhooks = readFileSync(join(root, "docs/reference/webhooks-2026.md"), "utf8");
const webhookSections = new Set(
  webhooks
    .split(/^## /m)
    .slice(1)
    .flatMap((part) => {
      const number = /^(\d+)\./.exec(part)?.[1];
      if (number === undefined) return [];
      return [number, ...[...part.matchAll(/^\*\*([a-z])\. /gm)].map((m) => `${number}${m[1]}`)];
    }),
);

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? files(path) : /\.(ts|md|mjs)$/.test(name) ? [path] : [];
  });
const problems = [];
for (const file of [...files(join(root, "packages")), ...files(join(root, "docs")), join(root, "README.md")]) {
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/((?:webhooks|api)-2026\.md,? )?§(\d+(?:\.\d+)?[a-z]?)/g)) {
    if (file.endsWith("cloud-api.md") || file.endsWith("api-2026.md") || file.includes("/test")) continue;
    if (m[1]?.startsWith("webhooks") === true) {
      if (!webhookSections.has(m[2]))
        problems.push(`${relative(root, file)}: §${m[2]} is not a section of docs/reference/webhooks-2026.md`);
    } else if (m[1] !== undefined) {
      if (!recentSections.has(m[2])) problems.push(`${relative(root, file)}: §${m[2]} is not a section of docs/reference/api-2026.md`);
    } else if (!sections.has(m[2])) problems.push(`${relative(root, file)}: §${m[2]} is not a section of docs/reference/cloud-api.md`);
  }
  for (const m of text.matchAll(/docs\/reference\/[\w.-]+/g))
    if (!existsSync(join(root, m[0]))) problems.push(`${relative(root, file)}: ${m[0]} does not exist`);
}
for (const problem of problems) console.log(`  ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
