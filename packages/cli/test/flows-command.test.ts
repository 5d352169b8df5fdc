import { spawnSync } from "node:child_process";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";

const bin = join(__dirname, "../dist/bin.js");
const scratch = mkdtempSync(join(tmpdir(), "wacompose-flows-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const wacompose = (args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: scratch, encoding: "utf8", ...options });

const good = {
  version: "7.3",
  screens: [
    {
      id: "WELCOME",
      terminal: true,
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "TextInput", name: "name", label: "Name" },
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a Flow JSON reference, not a template
          { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: { name: "${form.name}" } } },
        ],
      },
    },
  ],
};

describe("wacompose flows", () => {
  it("names an unknown subcommand; what an error quotes (a command, a file name) has its control characters printed as text", () => {
    expect(wacompose(["flows"])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^wacompose: flows: validate or keygen\?\n/) });
    expect(wacompose(["flows", "valdate", "f.json"])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^wacompose: flows: unknown subcommand "valdate"; validate or keygen\?\n/),
    });
    // A C1 CSI (U+009B) survives JSON.stringify; a terminal reads it as ESC [.
    const hostile = "\u009b2J\u001b]0;x\u0007";
    for (const args of [["flows", hostile], [hostile], [hostile, "--help"], ["validate", hostile], ["flows", "validate", hostile]]) {
      const { status, stderr } = wacompose(args);
      expect(status).toBe(2);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what must not be printed
      expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(stderr).toContain("\\u009b2J");
    }
  });
});

describe("wacompose flows validate", () => {
  it("prints a hostile key's terminal escapes as text: no window title, no cleared screen", () => {
    const hostile = "\u001b]0;pwned\u0007\u001b[2J";
    writeFileSync(join(scratch, "escapes.json"), JSON.stringify({ ...good, [hostile]: 1 }));
    const result = wacompose(["flows", "validate", "escapes.json"]);
    expect(result.status).toBe(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what must not be printed
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(`${result.stdout}${result.stderr}`).toContain("\\u001b]0;pwned\\u0007\\u001b[2J");
  });

  it("passes valid Flow JSON and prints each issue of invalid Flow JSON with its path", () => {
    writeFileSync(join(scratch, "good.json"), JSON.stringify(good));
    expect(wacompose(["flows", "validate", "good.json"])).toMatchObject({ status: 0, stdout: "✓ good.json: valid Flow JSON\n" });
    const bad = structuredClone(good);
    bad.screens[0]?.layout.children.splice(1, 0, { type: "TextInput", name: "name", label: "x".repeat(21) });
    writeFileSync(join(scratch, "bad.json"), JSON.stringify(bad));
    const result = wacompose(["flows", "validate", "bad.json"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("screens[0].layout.children[1].label: at most 20 characters, got 21");
    expect(result.stdout).toContain("screens[0].layout.children[1].name: name name is used by screens[0].layout.children[0] too");
  });

  it("checks against another version with --version, reads stdin with -", () => {
    const result = wacompose(["flows", "validate", "-", "--version", "3.1"], { input: JSON.stringify(good) });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("screens[0].layout.children[0]: inputs sit inside a Form before Flow JSON 4.0");
  });

  it("usage errors exit 2", () => {
    expect(wacompose(["flows", "validate"]).status).toBe(2);
    expect(wacompose(["flows", "validate", "missing.json"]).stderr).toContain("flows validate: cannot read missing.json (ENOENT");
    expect(wacompose(["flows", "validate", "good.json", "--version", "9.9"]).stderr).toContain("--version is one of");
    expect(wacompose(["flows", "nope"]).status).toBe(2);
  });
});

describe("wacompose flows keygen", () => {
  it("writes a private key (mode 600, never overwritten) and prints the matching public key", () => {
    const result = wacompose(["flows", "keygen", "--out", "key.pem"]);
    expect(result.status).toBe(0);
    const privateKey = createPrivateKey(readFileSync(join(scratch, "key.pem"), "utf8"));
    expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(createPublicKey(privateKey).export({ type: "spki", format: "pem" })).toBe(result.stdout);
    expect(statSync(join(scratch, "key.pem")).mode & 0o777).toBe(0o600);
    const again = wacompose(["flows", "keygen", "--out", "key.pem"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("EEXIST");
  });

  it("encrypts the private key with the passphrase from an environment variable", () => {
    const result = wacompose(["flows", "keygen", "--out", "locked.pem", "--passphrase-env", "FLOW_PASS"], {
      env: { ...process.env, FLOW_PASS: "s3cret" },
    });
    expect(result.status).toBe(0);
    const pem = readFileSync(join(scratch, "locked.pem"), "utf8");
    expect(pem).toContain("ENCRYPTED PRIVATE KEY");
    expect(() => createPrivateKey(pem)).toThrow();
    expect(createPrivateKey({ key: pem, passphrase: "s3cret" }).asymmetricKeyType).toBe("rsa");
    expect(wacompose(["flows", "keygen", "--out", "x.pem", "--passphrase-env", "UNSET_VAR_FOR_TEST"]).status).toBe(2);
  });
});
