// The `wacompose` command: templates (codegen), fixtures, validate. Exit codes: 0 fine,
// 1 invalid messages, 2 usage or I/O errors.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { defaultApiVersion, formatIssue, graphBaseUrl, hasErrors, validate } from "@wacompose/builder";
import { collectFixtures } from "./fixtures.js";
import { flowsCommand, flowsUsage } from "./flows-command.js";
import { printable } from "./printable.js";
import { generateTemplates } from "./templates-codegen.js";
import { fetchTemplatePages } from "./templates-from-api.js";

/** This package's version, read where the command runs (dist/bin.js or src/bin.ts: the package is one folder up). */
const version = (): string =>
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** Each command's own help: the lines of the usage that name it. */
const helpFor = (command: string): string =>
  usage
    .split("\n")
    .reduce<string[][]>((blocks, line) => {
      if (line.startsWith("  wacompose ")) blocks.push([line]);
      else blocks.at(-1)?.push(line);
      return blocks;
    }, [])
    .filter(([first]) => first?.startsWith(`  wacompose ${command} `))
    .flat()
    .join("\n");

const usage = `usage:
  wacompose templates <message_templates.json> [--out <file.ts>] [--status <STATUS>]...
      writes defineTemplates() for the JSON of GET /{waba-id}/message_templates;
      only APPROVED templates unless --status says otherwise (--status any: all)
      --from-api instead of a file: fetches that JSON, every page, with the token in
      WHATSAPP_ACCESS_TOKEN, for --waba <id> (or WHATSAPP_BUSINESS_ACCOUNT_ID),
      from --base-url <url> (default the Graph API; the emulator's URL offline)
  wacompose fixtures <module.ts|js> --out <dir>
      writes <dir>/<export>.json for every exported builder or body, each validated
  wacompose validate <file.json|-> [--strict]
      checks a request body; prints its issues with their paths. Warnings (forms the API
      accepts) exit 0; --strict makes them fail
${flowsUsage}
  wacompose emulator [--port <n>] [--webhook-url <url> --app-secret <secret>] [--json] ...
      a local stand-in for the Cloud API, for tests in any language; --help lists every option
  wacompose --version | --help
      this command's version, or this text; <command> --help for one command`;

function option(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = args.indexOf(name); i !== -1; i = args.indexOf(name, i + 1)) {
    const value = args[i + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value`);
    values.push(value);
  }
  return values;
}

/** Every page of `GET /{waba-id}/message_templates`, as one `{ data }` export. */
async function fetchTemplates(args: string[]): Promise<{ data: unknown[] }> {
  const token = process.env.WHATSAPP_ACCESS_TOKEN;
  const [waba = process.env.WHATSAPP_BUSINESS_ACCOUNT_ID] = option(args, "--waba");
  const [base = graphBaseUrl] = option(args, "--base-url");
  const [version = process.env.WHATSAPP_API_VERSION ?? defaultApiVersion] = option(args, "--version");
  if (!token) throw new Error("templates --from-api: set WHATSAPP_ACCESS_TOKEN (see docs/setup.md)");
  if (!waba || !/^\d+$/.test(waba))
    throw new Error("templates --from-api: which account? --waba <id> or WHATSAPP_BUSINESS_ACCOUNT_ID (digits)");
  return fetchTemplatePages({ token, waba, baseUrl: base, version });
}

async function templates(args: string[]): Promise<number> {
  const fromApi = args.includes("--from-api");
  const input = args.find((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));
  if (input === undefined && !fromApi) throw new Error(`templates: which JSON file (or --from-api)?\n${usage}`);
  const statuses = option(args, "--status").map((status) => status.toUpperCase());
  const exported = fromApi ? await fetchTemplates(args) : JSON.parse(readFileSync(input as string, "utf8"));
  const source = generateTemplates(exported, {
    source: fromApi ? "GET /{waba-id}/message_templates" : basename(input as string),
    ...(statuses.length > 0 ? { statuses: statuses.includes("ANY") ? "any" : statuses } : {}),
  });
  const [out] = option(args, "--out");
  if (out === undefined) process.stdout.write(source);
  else {
    writeFileSync(out, source);
    process.stderr.write(`wrote ${out}\n`);
  }
  return 0;
}

async function fixtures(args: string[]): Promise<number> {
  const input = args.find((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const [out] = option(args, "--out");
  if (input === undefined || out === undefined) throw new Error(`fixtures: which module, and --out which directory?\n${usage}`);
  // TypeScript modules are loaded through tsx; JavaScript ones directly.
  const url = pathToFileURL(resolve(input)).href;
  const exports: Record<string, unknown> = /\.[cm]?tsx?$/.test(input)
    ? await (await import("tsx/esm/api")).tsImport(url, import.meta.url)
    : await import(url);
  const found = collectFixtures(exports);
  if (found.length === 0) throw new Error(`fixtures: ${input} exports no builders or message bodies`);
  mkdirSync(out, { recursive: true });
  let invalid = 0;
  for (const { name, body, issues } of found) {
    if (issues.length > 0) {
      invalid++;
      process.stderr.write(`✗ ${name}\n${issues.map((issue) => `    ${printable(formatIssue(issue))}`).join("\n")}\n`);
      continue;
    }
    writeFileSync(join(out, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
    process.stdout.write(`✓ ${name} → ${join(out, `${name}.json`)}\n`);
  }
  return invalid === 0 ? 0 : 1;
}

function validateFile(args: string[]): number {
  const strict = args.includes("--strict");
  const [input] = args.filter((arg) => arg !== "--strict");
  if (input === undefined) throw new Error(`validate: which file (or - for stdin)?\n${usage}`);
  const text = readFileSync(input === "-" ? 0 : input, "utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new Error(`validate: ${input} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const issues = validate(body);
  if (issues.length === 0) {
    process.stdout.write(`✓ ${input}: valid\n`);
    return 0;
  }
  const list = issues.map((issue) => `  ${printable(formatIssue(issue))}`).join("\n");
  // Warnings are forms the live API accepts: they fail only with --strict.
  if (!hasErrors(issues)) {
    const warnings = `${issues.length} warning${issues.length === 1 ? "" : "s"}`;
    process.stdout.write(
      `${strict ? `✗ ${input}: ${warnings} (--strict fails on warnings)` : `✓ ${input}: valid, ${warnings}`}\n${list}\n`,
    );
    return strict ? 1 : 0;
  }
  process.stdout.write(`✗ ${input}: ${issues.length} issue${issues.length === 1 ? "" : "s"}\n${list}\n`);
  return 1;
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  // The emulator's own parser answers its --help with every option.
  if (command === "emulator") return (await import("@wacompose/emulator")).runEmulatorCommand(rest);
  if (command !== undefined && !command.startsWith("-") && (rest.includes("--help") || rest.includes("-h"))) {
    const help = helpFor(command);
    if (help === "") throw new Error(`unknown command "${command}"\n${usage}`);
    process.stdout.write(`usage:\n${help}\n`);
    return 0;
  }
  switch (command) {
    case "--version":
    case "-v":
      process.stdout.write(`${version()}\n`);
      return 0;
    case "templates":
      return await templates(rest);
    case "fixtures":
      return fixtures(rest);
    case "validate":
      return validateFile(rest);
    case "flows":
      return flowsCommand(rest);
    case undefined:
    case "--help":
    case "-h":
      process.stdout.write(`${usage}\n`);
      return command === undefined ? 1 : 0;
    default:
      throw new Error(`unknown command "${command}"\n${usage}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`wacompose: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
