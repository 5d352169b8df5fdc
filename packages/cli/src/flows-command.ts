// `wacompose flows validate|keygen`: its own module so the command table in bin.ts stays one line.
import { readFileSync, writeFileSync } from "node:fs";
import { formatIssue, hasErrors } from "@wacompose/builder";
import { flowVersions, generateFlowKeyPair, validateFlow } from "@wacompose/flows";
import { printable } from "./printable.js";

export const flowsUsage = `  wacompose flows validate <flow.json|-> [--version <x.y>] [--strict]
      checks Flow JSON with every rule of its version (or --version); prints issues with
      their paths (screens[0].layout.children[2].label). Warnings exit 0 unless --strict
  wacompose flows keygen [--out <private.pem>] [--passphrase-env <VAR>]
      writes a 2048-bit RSA private key for flowEndpoint() (default flow-private.pem, never
      overwritten; encrypted with the passphrase in $VAR) and prints the public key to upload`;

function optionValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`flows: ${name} needs a value`);
  return value;
}

function validate(args: string[]): number {
  const version = optionValue(args, "--version");
  if (version !== undefined && !(flowVersions as readonly string[]).includes(version))
    throw new Error(`flows validate: --version is one of ${flowVersions.join(", ")}`);
  const input = args.find((arg, i) => (arg === "-" || !arg.startsWith("--")) && args[i - 1] !== "--version");
  if (input === undefined) throw new Error(`flows validate: which file (or - for stdin)?\n${flowsUsage}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(input === "-" ? 0 : input, "utf8"));
  } catch (error) {
    throw new Error(`flows validate: ${input} is not readable JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const issues = validateFlow(json, version === undefined ? {} : { version });
  const list = issues.map((issue) => `  ${printable(formatIssue(issue))}`).join("\n");
  if (issues.length === 0) {
    process.stdout.write(`✓ ${input}: valid Flow JSON\n`);
    return 0;
  }
  if (!hasErrors(issues)) {
    const strict = args.includes("--strict");
    process.stdout.write(`${strict ? "✗" : "✓"} ${input}: valid, ${issues.length} warning${issues.length === 1 ? "" : "s"}\n${list}\n`);
    return strict ? 1 : 0;
  }
  process.stdout.write(`✗ ${input}: ${issues.length} issue${issues.length === 1 ? "" : "s"}\n${list}\n`);
  return 1;
}

function keygen(args: string[]): number {
  const out = optionValue(args, "--out") ?? "flow-private.pem";
  const variable = optionValue(args, "--passphrase-env");
  const passphrase = variable === undefined ? undefined : process.env[variable];
  if (variable !== undefined && !passphrase) throw new Error(`flows keygen: $${variable} is empty; set it to the passphrase`);
  const { privateKey, publicKey } = generateFlowKeyPair({ passphrase });
  try {
    // "wx": an existing key is never overwritten (it may be the one Meta has).
    writeFileSync(out, privateKey, { flag: "wx", mode: 0o600 });
  } catch (error) {
    throw new Error(
      `flows keygen: ${out} was not written (${(error as NodeJS.ErrnoException).code ?? String(error)}); choose another --out`,
    );
  }
  process.stderr.write(
    `wrote the private key to ${out}${passphrase ? ` (encrypted with $${variable})` : ""}; keep it secret.\n` +
      "Upload the public key below: POST /{phone-number-id}/whatsapp_business_encryption with business_public_key=<the PEM>\n",
  );
  process.stdout.write(publicKey);
  return 0;
}

/** Runs `wacompose flows <subcommand>`. */
export function flowsCommand(args: string[]): number {
  const [sub, ...rest] = args;
  if (sub === "validate") return validate(rest);
  if (sub === "keygen") return keygen(rest);
  throw new Error(`flows: validate or keygen?\n${flowsUsage}`);
}
