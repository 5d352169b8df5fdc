import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { parseArguments } from "../src/arguments.js";

// The command line as an outsider types it: typos, missing values, one file too many, files that are not there
// or not JSON. Each is refused with exit code 2 and a line naming the command and what is wrong; nothing is
// written, and an option nobody reads is never silently dropped (`--outt k.pem` wrote flow-private.pem).
const bin = join(__dirname, "../dist/bin.js");
const scratch = mkdtempSync(join(tmpdir(), "wacompose-arguments-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const token = "EAAG-cli-arguments-secret";
const wacompose = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: scratch,
    encoding: "utf8",
    // A closed loopback port: a command that should have been refused never reaches Meta with the token.
    env: { ...process.env, WHATSAPP_ACCESS_TOKEN: token, WHATSAPP_BUSINESS_ACCOUNT_ID: "1", WHATSAPP_API_BASE_URL: "http://127.0.0.1:9" },
    ...(input === undefined ? {} : { input }),
  });

const body = JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } });
writeFileSync(join(scratch, "body.json"), body);
writeFileSync(join(scratch, "flow.json"), JSON.stringify({ version: "7.3", screens: [] }));
writeFileSync(join(scratch, "templates.json"), JSON.stringify({ data: [] }));
writeFileSync(join(scratch, "not-json.json"), "{ not json");
mkdirSync(join(scratch, "a-directory"));

/** Exit 2, nothing on stdout, one line on stderr naming the command and containing `reason`; no token anywhere. */
function refused(args: string[], reason: string): void {
  const before = readdirSync(scratch).sort();
  const run = wacompose(args);
  expect({ args, status: run.status, stdout: run.stdout }).toEqual({ args, status: 2, stdout: "" });
  expect(run.stderr).toContain(reason);
  expect(run.stderr).not.toContain(token);
  expect(readdirSync(scratch).sort()).toEqual(before);
}

describe("unknown options are refused, never ignored", () => {
  it.each([
    [["validate", "body.json", "--strcit"], 'validate: unknown option "--strcit"; it takes --strict'],
    [["validate", "-o", "body.json"], 'validate: unknown option "-o"'],
    [["templates", "templates.json", "--outt", "out.ts"], 'templates: unknown option "--outt"; it takes --out, --status, --from-api'],
    [["templates", "templates.json", "--out=out.ts"], 'templates: write --out and its value apart ("--out <value>"), not joined by "="'],
    [["templates", "pull", "--prune"], 'templates pull: unknown option "--prune"'],
    [["templates", "diff", "defs.ts", "--export-name", "x"], 'templates diff: unknown option "--export-name"'],
    [["fixtures", "module.ts", "--out", "dir", "--verbose"], 'fixtures: unknown option "--verbose"'],
    [["flows", "validate", "flow.json", "--verison", "6.0"], 'flows validate: unknown option "--verison"; it takes --version, --strict'],
    [["flows", "keygen", "--outt", "k.pem"], 'flows keygen: unknown option "--outt"; it takes --out, --passphrase-env'],
    [["flows", "keygen", "--token", token], 'flows keygen: unknown option "--token"'],
    [["flows", "keygen", `--token=${token}`], 'flows keygen: unknown option "--token"'],
  ])("%j", (args, reason) => refused(args, reason));
});

describe("missing values, repeated options, missing and extra files", () => {
  it.each([
    [["validate"], "validate: which file (or - for stdin)?"],
    [["validate", "body.json", "other.json"], 'validate: takes one file (or - for stdin), got 2: "body.json" "other.json"'],
    [["validate", "body.json", "--strict", "--strict"], "validate: --strict is given twice"],
    [["templates", "templates.json", "--out"], "templates: --out needs a value"],
    [["templates", "templates.json", "--out", "--status", "any"], 'templates: --out needs a value, got the option "--status"'],
    [["templates", "templates.json", "--out", "a.ts", "--out", "b.ts"], "templates: --out is given twice"],
    [["templates", "templates.json", "--from-api"], "templates: a JSON file or --from-api, not both"],
    [["templates", "templates.json", "--waba", "1"], "templates: --waba names the account for --from-api"],
    [["templates", "pull", "extra.ts"], 'templates pull: takes no file, got 1: "extra.ts"'],
    [["templates", "diff"], "templates diff: which module (exporting the definitions)?"],
    [["templates", "push", "a.ts", "b.ts"], "templates push: takes one module (exporting the definitions), got 2"],
    [["fixtures", "module.ts"], "fixtures: --out which directory?"],
    [["flows", "validate", "flow.json", "--version"], "flows validate: --version needs a value"],
    [["flows", "keygen", "k.pem"], 'flows keygen: takes no file (the key goes to --out), got 1: "k.pem"'],
  ])("%j", (args, reason) => refused(args, reason));
});

describe("files that are not there, not files, or not JSON: named, with why", () => {
  it.each([
    [["validate", "missing.json"], "validate: cannot read missing.json (ENOENT"],
    [["validate", "a-directory"], "validate: cannot read a-directory (EISDIR"],
    [["validate", "not-json.json"], "validate: not-json.json is not JSON ("],
    [["templates", "a-directory"], "templates: cannot read a-directory (EISDIR"],
    [["templates", "not-json.json"], "templates: not-json.json is not JSON ("],
    [["flows", "validate", "a-directory"], "flows validate: cannot read a-directory (EISDIR"],
  ])("%j", (args, reason) => refused(args, reason));

  it("standard input that is not JSON is named as such", () => {
    const run = wacompose(["validate", "-"], "{ not json");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("validate: standard input is not JSON (");
  });

  it("a valid command still runs: the strict reading takes what the usage shows", () => {
    expect(wacompose(["validate", "body.json", "--strict"])).toMatchObject({ status: 0, stdout: "✓ body.json: valid\n" });
    expect(wacompose(["validate", "--strict", "-"], body)).toMatchObject({ status: 0, stdout: "✓ -: valid\n" });
    const generated = wacompose(["templates", "templates.json", "--status", "any", "--status", "APPROVED"]);
    expect(generated.status).toBe(0);
    expect(generated.stdout).toContain("defineTemplates");
  });
});

describe("the token is never printed", () => {
  it("not in --help, nor when the API echoes it back in an error", async () => {
    for (const args of [["--help"], ["templates", "--help"], ["flows", "--help"]]) {
      const run = wacompose(args);
      expect(run.status).toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    }
    const servers: Server[] = [];
    try {
      const echo = createServer((request, response) => {
        response.writeHead(401, { "content-type": "application/json" });
        response.end(
          JSON.stringify({ error: { message: `Invalid token: ${request.headers.authorization}`, code: 190, type: "OAuthException" } }),
        );
      });
      servers.push(echo);
      await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        // Asynchronous: the server answers from this process.
        const child = spawn(process.execPath, [bin, "templates", "pull", "--base-url", url], {
          cwd: scratch,
          env: { ...process.env, WHATSAPP_ACCESS_TOKEN: token, WHATSAPP_BUSINESS_ACCOUNT_ID: "1" },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("Invalid token");
      expect(run.stderr).not.toContain(token);
      expect(run.stdout).toBe("");
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  }, 30_000);
});

describe("parseArguments", () => {
  const shape = {
    options: { "--out": "value", "--status": "values", "--strict": "flag" },
    positionals: { min: 1, max: 1, what: "file" },
  } as const;

  it("reads flags, one value, many values and the file, in any order; - is a file (standard input)", () => {
    const args = parseArguments("cmd", ["--status", "A", "-", "--strict", "--out", "-x.ts", "--status", "B"], shape);
    expect([args.positionals, args.has("--strict"), args.value("--out"), args.values("--status")]).toEqual([
      ["-"],
      true,
      "-x.ts",
      ["A", "B"],
    ]);
    expect([args.has("--out"), args.has("--nope"), args.value("--nope"), args.values("--nope")]).toEqual([true, false, undefined, []]);
  });

  it("an option named like an object's own key is unknown, not a crash", () => {
    for (const name of ["--constructor", "--__proto__", "--toString", "--hasOwnProperty"])
      expect(() => parseArguments("cmd", ["f", name], shape)).toThrow(`cmd: unknown option "${name}"`);
  });
});
