// Type tests state the error they expect: `// @ts-expect-error <message>`. The directive hides
// the error, so this checks the text: it compiles a copy of each test-d folder with every
// directive turned into a plain comment, and holds each stated message to the diagnostics the
// compiler reports on the next line (the message must appear in one of them, first line or its
// chain). Returns one result per directive: { file, line, stated, ok, actual }.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { root, run } from "./lib.mjs";

const directive = /^(\s*)\/\/ @ts-expect-error(?:\s+(.*))?$/;

/** `file(line,col): error TSnnnn: message` plus indented continuation lines, grouped per diagnostic. */
function parseDiagnostics(output) {
  const diagnostics = [];
  for (const line of output.split("\n")) {
    const head = /^(.+?)\((\d+),\d+\): error TS\d+: (.*)$/.exec(line);
    if (head) diagnostics.push({ file: head[1], line: Number(head[2]), text: head[3] });
    else if (/^\s+\S/.test(line) && diagnostics.length > 0) diagnostics.at(-1).text += `\n${line.trim()}`;
  }
  return diagnostics;
}

/** Folds quotes and escapes, so `"+"` stated plainly matches `\"+\"` in a diagnostic. */
const fold = (text) => text.replace(/\\"/g, '"').replace(/\s+/g, " ").trim();

export function checkExpectErrorMessages(compiler, packageDir) {
  const scratch = mkdtempSync(join(packageDir, ".expect-error-"));
  const results = [];
  try {
    cpSync(join(packageDir, "test-d"), join(scratch, "test-d"), { recursive: true });
    // Type tests may import the unit tests' shared fixtures (../test/fixtures): copied beside, they resolve as in the package.
    const fixtures = join(packageDir, "test", "fixtures");
    if (existsSync(fixtures)) cpSync(fixtures, join(scratch, "test", "fixtures"), { recursive: true });
    const stated = [];
    for (const name of readdirSync(join(scratch, "test-d")).filter((n) => n.endsWith(".ts"))) {
      const path = join(scratch, "test-d", name);
      const lines = readFileSync(path, "utf8").split("\n");
      lines.forEach((text, index) => {
        const match = directive.exec(text);
        if (!match) return;
        stated.push({ file: `test-d/${name}`, line: index + 2, stated: match[2]?.trim() ?? "" });
        lines[index] = `${match[1]}// expect-error ${match[2] ?? ""}`;
      });
      writeFileSync(path, lines.join("\n"));
    }
    writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify({ extends: "../tsconfig.test-d.json", include: ["test-d"] }));
    const { output } = run(process.execPath, [compiler.bin, "-p", join(scratch, "tsconfig.json")], { quiet: true });
    const diagnostics = parseDiagnostics(output);
    for (const expectation of stated) {
      const here = diagnostics.filter((d) => d.file.endsWith(expectation.file) && d.line === expectation.line);
      const ok = here.length > 0 && (expectation.stated === "" || here.some((d) => fold(d.text).includes(fold(expectation.stated))));
      results.push({
        ...expectation,
        file: relative(root, join(packageDir, expectation.file)),
        ok,
        actual: here.map((d) => d.text.split("\n")[0]),
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}
