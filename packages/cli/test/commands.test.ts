import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";

const repo = join(__dirname, "../../..");
const bin = join(__dirname, "../dist/bin.js");
const scratch = mkdtempSync(join(tmpdir(), "wacompose-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const wacompose = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: "utf8", ...(input === undefined ? {} : { input }) });

describe("wacompose fixtures", () => {
  // The module lives in the examples workspace so it imports the packages as users do.
  const module = join(repo, "examples", `fixtures-test-${process.pid}.ts`);
  afterAll(() => rmSync(module, { force: true }));

  it("writes one validated JSON file per exported builder or body, and fails on invalid ones", () => {
    writeFileSync(
      module,
      [
        'import { msg } from "@wacompose/builder";',
        'export const welcome = msg.to("16505551234").text("Welcome!");',
        'export const raw = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "raw" } };',
        "export const notAMessage = 42;",
      ].join("\n"),
    );
    const out = join(scratch, "fixtures");
    const ok = wacompose(["fixtures", module, "--out", out]);
    expect(ok.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["raw.json", "welcome.json"]);
    expect(JSON.parse(readFileSync(join(out, "welcome.json"), "utf8"))).toMatchObject({ type: "text", text: { body: "Welcome!" } });

    writeFileSync(
      module,
      'import { msg } from "@wacompose/builder";\nconst long: string = "x".repeat(5000);\nexport const broken = msg.to("16505551234").text(long);\n',
    );
    const bad = wacompose(["fixtures", module, "--out", join(scratch, "bad")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("✗ broken\n    text.body: at most 4096 characters, got 5000");
  });
});

describe("wacompose validate", () => {
  it("accepts a valid body with exit code 0", () => {
    const file = join(scratch, "valid.json");
    writeFileSync(file, JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } }));
    const result = wacompose(["validate", file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`✓ ${file}: valid\n`);
  });

  it("prints issues with paths and exits 1; unreadable input exits 2", () => {
    const body = JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "image", image: { id: "1", link: "ftp://x" } });
    const result = wacompose(["validate", "-"], body);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      '✗ -: 2 issues\n  image.link: expected an http or https URL, got "ftp://x"\n  image: exactly one of id or link, got both\n',
    );
    expect(wacompose(["validate", "-"], "{not json").status).toBe(2);
    expect(wacompose(["frobnicate"]).stderr).toContain('unknown command "frobnicate"');
  });

  it("prints warnings (forms the live API accepts) and exits 0, or 1 with --strict", () => {
    const body = JSON.stringify({ messaging_product: "whatsapp", to: 16505551234, type: "text", text: { body: "hi" } });
    const result = wacompose(["validate", "-"], body);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      '✓ -: valid, 1 warning\n  to: warning: the documented form is a string ("16505551234"); a number is accepted\n',
    );
    const strict = wacompose(["validate", "-", "--strict"], body);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/^✗ -: 1 warning \(--strict fails on warnings\)\n/);
  });
});

describe("wacompose --version and --help", () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

  it("prints its version", () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, "../package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-v"]) expect(run(flag)).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it("prints each command's own help", () => {
    for (const command of ["templates", "fixtures", "validate"]) {
      const { status, stdout } = run(command, "--help");
      expect(status).toBe(0);
      expect(stdout).toContain(`wacompose ${command} `);
      // Its own usage lines only (templates has four forms: codegen, diff, push, pull).
      const lines = stdout.split("\n").filter((line) => line.startsWith("  wacompose "));
      expect(lines.length).toBe(command === "templates" ? 4 : 1);
      for (const line of lines) expect(line).toContain(`wacompose ${command} `);
    }
    expect(run("nope", "--help")).toMatchObject({ status: 2 });
  });
});

// The codegen's own tests (templates-codegen*.test.ts) call generateTemplates and need no build; this one runs the bin.
describe("wacompose templates", () => {
  it("prints the generated module for an export, and exits 2 on a missing file", () => {
    const fixture = join(__dirname, "../fixtures/message_templates.json");
    const output = wacompose(["templates", fixture]); // APPROVED by default
    expect(output.status).toBe(0);
    expect(output.stdout).toBe(readFileSync(join(__dirname, "../test-d/templates.generated.ts"), "utf8"));
    const missing = wacompose(["templates", join(__dirname, "../nope.json")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`wacompose: templates: cannot read ${join(__dirname, "../nope.json")} (ENOENT`);
  });

  it("says so when a --status matches no template (a typo wrote an empty module, silently), naming the statuses read", () => {
    const fixture = join(__dirname, "../fixtures/message_templates.json");
    const typo = wacompose(["templates", fixture, "--status", "APROVED"]);
    expect(typo.status).toBe(0); // the module is right for what was asked: none has that status
    expect(typo.stdout).toContain("defineTemplates({\n});");
    expect(typo.stderr).toBe(
      "templates: no template has status APROVED (the 7 read have: APPROVED, PENDING); --status any keeps every one\n",
    );
    // Only the status that matched nothing is named; statuses are read in any case, and any matches all.
    expect(wacompose(["templates", fixture, "--status", "pending", "--status", "paused"]).stderr).toBe(
      "templates: no template has status PAUSED (the 7 read have: APPROVED, PENDING); --status any keeps every one\n",
    );
    for (const statuses of [[], ["approved"], ["any"], ["ANY", "APPROVED"]])
      expect(wacompose(["templates", fixture, ...statuses.flatMap((status) => ["--status", status])]).stderr).toBe("");
  });
});
