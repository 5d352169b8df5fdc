// `wacompose flows validate|keygen`: its own module so the command table in bin.ts stays one line.
import { writeFileSync } from "node:fs";
import { formatIssue, hasErrors } from "@wacompose/builder";
import { flowVersions, generateFlowKeyPair, validateFlow } from "@wacompose/flows";
import { parseArguments } from "./arguments.js";
import { printable } from "./printable.js";
import { readJson } from "./read-json.js";

export const flowsUsage = `  wacompose flows validate <flow.json|-> [--version <x.y>] [--strict]
      checks Flow JSON with every rule of its version (or --version); prints issues with
      their paths (screens[0].layout.children[2].label). Warnings exit 0 unless --strict
  wacompose flows keygen [--out <private.pem>] [--passphrase-env <VAR>]
      writes a 2048-bit RSA private key for flowEndpoint() (default flow-private.pem, never
      overwritten; encrypted with the passphrase in $VAR) and prints the public key to upload`;

function validate(given: string[]): number {
  const args = parseArguments("flows validate", given, {
    options: { "--version": "value", "--strict": "flag" },
    positionals: { min: 1, max: 1, what: "file (or - for stdin)" },
  });
  const version = args.value("--version");
  if (version !== undefined && !(flowVersions as readonly string[]).includes(version))
    throw new Error(`flows validate: --version is one of ${flowVersions.join(", ")}`);
  const [input = ""] = args.positionals;
  const json = readJson("flows validate", input);
  const issues = validateFlow(json, version === undefined ? {} : { version });
  const list = issues.map((issue) => `  ${printable(formatIssue(issue))}`).join("\n");
  if (issues.length === 0) {
    process.stdout.write(`✓ ${input}: valid Flow JSON\n`);
    return 0;
  }
  if (!hasErrors(issues)) {
    const strict = args.has("--strict");
    process.stdout.write(`${strict ? "✗" : "✓"} ${input}: valid, ${issues.length} warning${issues.length === 1 ? "" : "s"}\n${list}\n`);
    return strict ? 1 : 0;
  }
  process.stdout.write(`✗ ${input}: ${issues.length} issue${issues.length === 1 ? "" : "s"}\n${list}\n`);
  return 1;
}

function keygen(given: string[]): number {
  const args = parseArguments("flows keygen", given, {
    options: { "--out": "value", "--passphrase-env": "value" },
    positionals: { min: 0, max: 0, what: "file (the key goes to --out)" },
  });
  const out = args.value("--out") ?? "flow-private.pem";
  const variable = args.value("--passphrase-env");
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
  const unknown = sub === undefined ? "" : `unknown subcommand ${JSON.stringify(sub)}; `;
  throw new Error(`flows: ${unknown}validate or keygen?\n${flowsUsage}`);
}
