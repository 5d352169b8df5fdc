// Every "§N" / "§N.M" / "§Nx" cited in the sources and docs names a section of a digest in docs/reference/:
// "flows.md §5.4" one of flows.md, a bare "§13.2" one of cloud-api.md (in packages/flows, of flows.md). A
// section is a numbered heading ("## 5.", "### 5.4"), an item of a numbered list under "## N." (§13.2), or a
// bold lettered item under it (§1d); a bare § listed right after a named one is of that digest. Every path to
// docs/reference/ exists. Exit 1, naming each one that does not.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./lib.mjs";

const referenceDir = join(root, "docs/reference");
/** The sections a digest can be cited by. */
const sectionsOf = (text) => {
  const sections = new Set([...text.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]));
  for (const part of text.split(/^## /m).slice(1)) {
    const number = /^(\d+)\./.exec(part)?.[1];
    if (number === undefined) continue;
    for (const m of part.matchAll(/^(\d+)\. /gm)) sections.add(`${number}.${m[1]}`);
    for (const m of part.matchAll(/^(?:- )?\*\*([a-z])\. /gm)) sections.add(`${number}${m[1]}`);
  }
  return sections;
};
const digests = new Map(
  readdirSync(referenceDir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => [name, sectionsOf(readFileSync(join(referenceDir, name), "utf8"))]),
);

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? files(path) : /\.(ts|md|mjs)$/.test(name) ? [path] : [];
  });
const problems = [];
for (const file of [...files(join(root, "packages")), ...files(join(root, "docs")), join(root, "README.md")]) {
  if (file.startsWith(referenceDir) || file.includes("/test")) continue;
  const bare = relative(root, file).startsWith("packages/flows/") ? "flows.md" : "cloud-api.md";
  const text = readFileSync(file, "utf8");
  // A bare § right after a named one ("templates-management.md §2.1, §4") is of the same digest.
  let last = { end: -1, digest: bare };
  for (const m of text.matchAll(/(?:([\w-]+\.md),? )?§(\d+(?:\.\d+)?[a-z]?)/g)) {
    const continues = m[1] === undefined && /^(?:,| and) $/.test(text.slice(last.end, m.index));
    const digest = m[1] ?? (continues ? last.digest : bare);
    last = { end: (m.index ?? 0) + m[0].length, digest };
    const sections = digests.get(digest);
    if (sections === undefined) problems.push(`${relative(root, file)}: ${digest} §${m[2]}: no docs/reference/${digest}`);
    else if (!sections.has(m[2])) problems.push(`${relative(root, file)}: §${m[2]} is not a section of docs/reference/${digest}`);
  }
  for (const m of text.matchAll(/docs\/reference\/[\w.-]+/g))
    if (!existsSync(join(root, m[0]))) problems.push(`${relative(root, file)}: ${m[0]} does not exist`);
}
for (const problem of problems) console.log(`  ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
