// Shared helpers for the workspace scripts: running tools and counting type tests.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkExpectErrorMessages } from "./expect-error-messages.mjs";

export const root = resolve(import.meta.dirname, "..");

/** Both compilers, called by package path (both packages declare a `tsc` bin). */
export const compilers = [
  { name: "TS 5.9", bin: join(root, "node_modules/typescript/bin/tsc") },
  { name: "TS 7", bin: join(root, "node_modules/typescript7/bin/tsc") },
];

/** Runs a command, echoing its output; returns its exit code and captured output. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 28, ...options });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (!options.quiet && output.trim() !== "") process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  return { code: result.status ?? 1, output };
}

export const packageDirs = () =>
  readdirSync(join(root, "packages"))
    .map((name) => join(root, "packages", name))
    .filter((dir) => existsSync(join(dir, "package.json")));

/** Each `// @ts-expect-error` line and `expectType<` call in a type-test file is one assertion. */
export const countAssertions = (file) => {
  const text = readFileSync(file, "utf8");
  return (text.match(/\/\/ @ts-expect-error/g) ?? []).length + (text.match(/expectType</g) ?? []).length;
};

/** Type-checks one project; returns whether it passed, printing the errors if not. */
const checkProject = (compiler, tsconfig, label) => {
  const { code, output } = run(process.execPath, [compiler.bin, "-p", tsconfig, "--noEmit"], { quiet: true });
  console.log(`${code === 0 ? "✓" : "✗"} ${compiler.name} ${label}`);
  if (code !== 0) process.stdout.write(output);
  return code === 0;
};

/**
 * Type-checks every package's sources and type tests, and the examples, with both
 * compilers. Returns counts: a project counts as one test, a type-test file as many as
 * it holds assertions (failed ones = its assertions with errors reported in the file).
 */
export function typecheck() {
  let passed = 0;
  let failed = 0;
  const count = (ok) => (ok ? passed++ : failed++);
  for (const compiler of compilers) {
    for (const dir of packageDirs()) {
      const name = dir.slice(root.length + 1);
      count(checkProject(compiler, join(dir, "tsconfig.json"), `${name} sources`));
      // A command's entry point, kept out of the sources project (no declarations for it): checked here.
      if (existsSync(join(dir, "tsconfig.bin.json"))) count(checkProject(compiler, join(dir, "tsconfig.bin.json"), `${name} bin`));
      // Unit tests run through esbuild, which does not type-check; this does.
      if (existsSync(join(dir, "tsconfig.test.json"))) count(checkProject(compiler, join(dir, "tsconfig.test.json"), `${name} unit tests`));
      if (!existsSync(join(dir, "tsconfig.test-d.json"))) continue;
      const result = run(process.execPath, [compiler.bin, "-p", join(dir, "tsconfig.test-d.json")], { quiet: true });
      if (result.code !== 0) process.stdout.write(result.output);
      // Each `// @ts-expect-error <message>` must also say what the compiler says (see expect-error-messages.mjs).
      const messages = checkExpectErrorMessages(compiler, dir);
      for (const file of readdirSync(join(dir, "test-d")).filter((n) => n.endsWith(".test-d.ts"))) {
        const total = countAssertions(join(dir, "test-d", file));
        const errors = result.output.split("\n").filter((line) => line.includes(`test-d/${file}(`)).length;
        const wrong = messages.filter((m) => !m.ok && m.file.endsWith(`test-d/${file}`));
        for (const m of wrong)
          console.log(`  ${m.file}:${m.line}: expected "${m.stated}", the compiler says: ${m.actual[0] ?? "(no error)"}`);
        const bad = Math.min(total, errors + wrong.length);
        passed += total - bad;
        failed += bad;
        console.log(
          `${bad === 0 ? "✓" : "✗"} ${compiler.name} ${name}/test-d/${file}: ${total - bad}/${total} type assertions (messages checked)`,
        );
      }
    }
    // Examples are compiled against the built packages, as a user's code would be.
    count(checkProject(compiler, join(root, "examples/tsconfig.json"), "examples"));
    // What runs on Node 22/24/26, Bun, Deno and workerd (scripts/runtime-check.mjs), compiled the same way.
    count(checkProject(compiler, join(root, "examples/runtimes/tsconfig.json"), "examples/runtimes"));
  }
  return { passed, failed };
}
