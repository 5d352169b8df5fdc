// Error codes live in one module (packages/builder/src/protocol/): no other source file acts on a
// Graph error code by its number. Comments and message text may name codes; code may not.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { packageDirs, root } from "./lib.mjs";

const protocol = join(root, "packages/builder/src/protocol");
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (path === protocol ? [] : files(path)) : name.endsWith(".ts") ? [path] : [];
  });
const problems = [];
for (const file of packageDirs().flatMap((dir) => files(join(dir, "src")))) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
      const code = line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""').replace(/\/\/.*$/, "");
      if (/\b(?:13[0-9]{4}|2388[0-9]{3}|8000[78]|368)\b/.test(code)) problems.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
    });
}
for (const problem of problems) console.log(`  an error code outside the protocol module: ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
