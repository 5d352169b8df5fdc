// Type-checks every ```ts block of README.md and docs/*.md with TypeScript 5.9 and 7, and
// runs the ones that build messages (blocks tagged `ts no-run` are only type-checked: they
// need the network, credentials or another runtime). Usage: node scripts/check-docs.mjs [--dir <docs root>]
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { compilers, root, run } from "./lib.mjs";

/** The ```ts blocks of a markdown file, with the line each starts on. */
export function snippetsOf(markdown) {
  const snippets = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ts|typescript)(\s+no-run)?\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith("```")) end++;
    snippets.push({ line: start + 1, code: lines.slice(start, end).join("\n"), run: !open[2] });
    i = end;
  }
  return snippets;
}

/** Checks the docs under `dir`; returns { passed, failed }, one count per snippet. */
export function checkDocs(dir = root) {
  const files = [
    "README.md",
    ...readdirSync(join(dir, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => join("docs", name)),
  ];
  // Inside the examples workspace, so snippets import the packages as users do.
  const out = join(root, "examples", `.docs-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const file of files) {
    let markdown;
    try {
      markdown = readFileSync(join(dir, file), "utf8");
    } catch {
      continue;
    }
    snippetsOf(markdown).forEach((snippet, n) => {
      const name = `${file.replace(/[/.]/g, "_")}_${n + 1}.ts`;
      // `export {}` makes every snippet a module (top-level await, no global clashes).
      writeFileSync(join(out, name), `${snippet.code}\nexport {};\n`);
      written.push({ ...snippet, file, name });
    });
  }
  // Deno's and Bun's globals as far as docs/edge-runtimes.md uses them (their types are not installed).
  copyFileSync(join(root, "scripts/docs-runtime-globals.d.ts"), join(out, "runtime-globals.d.ts"));
  writeFileSync(
    join(out, "tsconfig.json"),
    JSON.stringify({
      extends: "../../tsconfig.base.json",
      compilerOptions: { noEmit: true, types: ["node"], noUnusedLocals: false },
      include: ["*.ts"],
    }),
  );
  const broken = new Map();
  for (const compiler of compilers) {
    const { output } = run(process.execPath, [compiler.bin, "-p", join(out, "tsconfig.json")], { quiet: true });
    for (const match of output.matchAll(/([\w.-]+\.ts)\((\d+),\d+\): (error TS\d+: .*)/g)) {
      const snippet = written.find((s) => s.name === match[1]);
      if (snippet === undefined) continue;
      const message = `${snippet.file}:${snippet.line + Number(match[2]) - 1}: ${compiler.name} ${match[3]}`;
      broken.set(snippet.name, [...(broken.get(snippet.name) ?? []), message]);
    }
  }
  let passed = 0;
  let failed = 0;
  for (const snippet of written) {
    const errors = broken.get(snippet.name) ?? [];
    if (errors.length === 0 && snippet.run) {
      const result = run(join(root, "node_modules/.bin/tsx"), [join(out, snippet.name)], { quiet: true, timeout: 60_000 });
      if (result.code !== 0)
        errors.push(
          `${snippet.file}:${snippet.line}: the snippet failed when run:\n${result.output.trim().split("\n").slice(0, 8).join("\n")}`,
        );
    }
    if (errors.length === 0) passed++;
    else {
      failed++;
      console.log(`✗ ${errors.join("\n  ")}`);
    }
  }
  rmSync(out, { recursive: true, force: true });
  console.log(
    `${failed === 0 ? "✓" : "✗"} doc snippets in ${relative(root, dir) || "."}: ${passed} of ${written.length} type-check${failed ? "" : " and run"}`,
  );
  return { passed, failed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const flag = process.argv.indexOf("--dir");
  const { failed } = checkDocs(flag === -1 ? root : process.argv[flag + 1]);
  process.exit(failed === 0 ? 0 : 1);
}
