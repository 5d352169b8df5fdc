import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";

// ARCHITECTURE.md's worked example, run: on a scratch copy of what `pnpm gen` reads, add an optional string `foo`
// of at most 100 characters to `text` — its limit, its rule and the builder option that writes it, nothing else —
// run `pnpm gen` once, and every reader knows it: the wire type, the quick check, validate(), the JSON Schema and
// docs/limits.md. The only files that differ from the repository's are those three and generated ones.

const root = resolve(__dirname, "../../..");
const builder = "packages/builder";

/** The three hand edits: each replaces one anchor that must be found once (else the recipe is out of date). */
const edits: readonly { readonly file: string; readonly anchor: string; readonly replacement: string }[] = [
  {
    file: `${builder}/src/limits.ts`,
    anchor: "text: { body: { min: 1, max: 4096 } },",
    replacement:
      "text: {\n    body: { min: 1, max: 4096 },\n    /** `text.foo`: the worked example's field (ARCHITECTURE.md). */\n    foo: { max: 100 },\n  },",
  },
  {
    file: `${builder}/src/rules/text.ts`,
    anchor: "  body: required(string(limits.text.body)),\n",
    replacement: "  body: required(string(limits.text.body)),\n  foo: optional(string(limits.text.foo)),\n",
  },
  {
    file: `${builder}/src/builders/single-kinds.ts`,
    anchor: "  readonly previewUrl?: boolean;\n}",
    replacement: "  readonly previewUrl?: boolean;\n  readonly foo?: string;\n}",
  },
  {
    file: `${builder}/src/builders/single-kinds.ts`,
    anchor: `const textOptionKeys = ["previewUrl"] as const`,
    replacement: `const textOptionKeys = ["previewUrl", "foo"] as const`,
  },
  {
    file: `${builder}/src/builders/single-kinds.ts`,
    anchor: `  const { previewUrl } = objectArgument(options, "text options", textOptionKeys);
  return new MessageBuilder<TextMessage>(addressing, textRules, previewUrl === undefined ? { body } : { body, preview_url: previewUrl });`,
    replacement: `  const { previewUrl, foo } = objectArgument(options, "text options", textOptionKeys);
  const content = { body, ...(previewUrl === undefined ? {} : { preview_url: previewUrl }), ...(foo === undefined ? {} : { foo }) };
  return new MessageBuilder<TextMessage>(addressing, textRules, content);`,
  },
];

/** What `pnpm gen` writes (any other file that differs after the run was edited by hand). */
const generated = (path: string): boolean =>
  path.endsWith(".generated.ts") || path === `${builder}/schema/messages.schema.json` || path === "docs/limits.md";

const run = (command: string, args: readonly string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 90_000, env: { ...process.env, FORCE_COLOR: "0" } });
  return { code: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` };
};

const files = (dir: string, base = dir): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name), base) : [relative(base, join(dir, entry.name))],
  );

/** The schema object that lists `body` and `foo` among its properties (text's), wherever the schema puts it. */
function textSchemaWithFoo(node: unknown): object | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  const properties = (node as { properties?: Record<string, unknown> }).properties;
  if (properties && "body" in properties && "foo" in properties) return properties.foo as object;
  for (const value of Object.values(node)) {
    const found = textSchemaWithFoo(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe("adding an optional field to text is one limit, one rule and one builder option, then pnpm gen", () => {
  let scratch = "";

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "wacompose-add-a-field-"));
    // What the generator reads and writes, and what the probes compile; node_modules linked, not copied.
    for (const path of ["package.json", "tsconfig.base.json", "scripts", `${builder}/package.json`, `${builder}/src`, `${builder}/schema`])
      cpSync(join(root, path), join(scratch, path), { recursive: true });
    mkdirSync(join(scratch, "docs"));
    cpSync(join(root, "docs/limits.md"), join(scratch, "docs/limits.md"));
    symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"), "dir");
    if (existsSync(join(root, builder, "node_modules")))
      symlinkSync(join(root, builder, "node_modules"), join(scratch, builder, "node_modules"), "dir");
    for (const { file, anchor, replacement } of edits) {
      const text = readFileSync(join(scratch, file), "utf8");
      const found = text.split(anchor).length - 1;
      if (found !== 1)
        throw new Error(`${file}: the worked example's anchor is found ${found} times, expected once: ${JSON.stringify(anchor)}`);
      writeFileSync(join(scratch, file), text.replace(anchor, replacement));
    }
  });

  afterAll(() => {
    if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
  });

  it("pnpm test would fail until pnpm gen runs; one run of it writes every reader; nothing else needs a hand edit", () => {
    const stale = run("pnpm", ["-s", "gen", "--check"], scratch);
    expect(stale.code).not.toBe(0);
    expect(stale.output).toMatch(/text\.generated\.ts is stale/);

    const gen = run("pnpm", ["-s", "gen"], scratch);
    expect(gen).toMatchObject({ code: 0 });
    expect(run("pnpm", ["-s", "gen", "--check"], scratch)).toMatchObject({ code: 0 });

    const handEdited = [...new Set(edits.map((edit) => edit.file))].sort();
    const differing = ["scripts", `${builder}/src`, `${builder}/schema`, "docs"]
      .flatMap((dir) => files(join(scratch, dir)).map((path) => join(dir, path)))
      .filter((path) => {
        const original = join(root, path);
        return !existsSync(original) || readFileSync(original, "utf8") !== readFileSync(join(scratch, path), "utf8");
      })
      .sort();
    expect(differing.filter((path) => !generated(path))).toEqual(handEdited);
    expect(differing).toEqual(
      expect.arrayContaining([
        `${builder}/src/wire/text.generated.ts`,
        `${builder}/src/rules/quick/text.generated.ts`,
        `${builder}/schema/messages.schema.json`,
        "docs/limits.md",
      ]),
    );

    // The wire type: a body with `foo` compiles, one with a field the table lacks does not.
    writeFileSync(
      join(scratch, "probe-foo.ts"),
      `import type { TextMessage } from "./${builder}/src/wire/index.js";
const body: TextMessage = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi", foo: "f" } };
export const foo: string | undefined = body.text.foo;
`,
    );
    writeFileSync(
      join(scratch, "probe-bar.ts"),
      `import type { TextMessage } from "./${builder}/src/wire/index.js";
export const body: TextMessage = { messaging_product: "whatsapp", type: "text", text: { body: "hi", bar: "b" } };
`,
    );
    const tsc = run(
      process.execPath,
      [
        join(root, "node_modules/typescript/bin/tsc"),
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "--module",
        "nodenext",
        "--target",
        "es2022",
        "probe-foo.ts",
        "probe-bar.ts",
      ],
      scratch,
    );
    const errors = tsc.output.split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((line) => line.startsWith("probe-bar.ts") && line.includes("'bar'"))).toBe(true);

    // The quick check, validate() and the builder, run from the scratch sources.
    writeFileSync(
      join(scratch, "probe-run.ts"),
      `import { textTo } from "./${builder}/src/per-kind.js";
import { textRules } from "./${builder}/src/rules/quick/text.generated.js";
import { validate } from "./${builder}/src/rules/validate.js";
const body = (foo: string) => ({ messaging_product: "whatsapp", to: "+16505551234", type: "text", text: { body: "hi", foo } });
const f100 = "f".repeat(100);
const f101 = "f".repeat(101);
let thrown = "";
try {
  textTo("+16505551234", "hi", { foo: f101 }).build();
} catch (error) {
  thrown = String(error);
}
console.log(JSON.stringify({
  quick100: textRules.passes(body(f100)),
  quick101: textRules.passes(body(f101)),
  issues100: validate(body(f100)),
  issues101: validate(body(f101)),
  built: textTo("+16505551234", "hi", { foo: f100 }).build(),
  thrown,
}));
`,
    );
    const probe = run(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), "probe-run.ts"], scratch);
    expect(probe).toMatchObject({ code: 0 });
    const seen = JSON.parse(probe.output.trim().split("\n").at(-1) ?? "{}");
    expect(seen.quick100).toBe(true);
    expect(seen.quick101).toBe(false);
    expect(seen.issues100).toEqual([]);
    expect(seen.issues101).toEqual([
      { path: "text.foo", code: "too_long", severity: "error", message: "at most 100 characters, got 101", limit: 100, actual: 101 },
    ]);
    expect(seen.built.text).toEqual({ body: "hi", foo: "f".repeat(100) });
    expect(seen.thrown).toMatch(/text\.foo: at most 100 characters, got 101/);

    // The JSON Schema and the limits page.
    const schema = JSON.parse(readFileSync(join(scratch, builder, "schema/messages.schema.json"), "utf8"));
    // An optional field takes null as absent, as the API does.
    expect(textSchemaWithFoo(schema)).toMatchObject({ type: ["string", "null"], minLength: 1, maxLength: 100 });
    expect(textSchemaWithFoo(JSON.parse(readFileSync(join(root, builder, "schema/messages.schema.json"), "utf8")))).toBeUndefined();
    expect(readFileSync(join(scratch, "docs/limits.md"), "utf8")).toMatch(/\| `text\.foo` \| {2}\| string, 1–100 characters \|/);
    expect(readFileSync(join(scratch, "docs/limits.md"), "utf8")).toContain(
      "| `text.foo.max` | 100 | `text.foo`: the worked example's field (ARCHITECTURE.md). |",
    );
    expect(readFileSync(join(root, "docs/limits.md"), "utf8")).not.toContain("`text.foo`");
  }, 180_000);
});
