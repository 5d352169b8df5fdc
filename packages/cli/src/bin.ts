// The `wacompose` command: templates (codegen), fixtures, validate. Exit codes: 0 fine,
// 1 invalid messages, 2 usage or I/O errors.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { defaultApiVersion, formatIssue, graphBaseUrl, hasErrors, validate } from "@wacompose/builder";
import type { TemplateManager } from "@wacompose/transport-fetch/templates";
import { type CommandShape, type ParsedArguments, parseArguments } from "./arguments.js";
import { collectFixtures } from "./fixtures.js";
import { flowsCommand, flowsUsage } from "./flows-command.js";
import { printable } from "./printable.js";
import { readJson } from "./read-json.js";
import { unmatchedStatusNote } from "./status-note.js";
import { generateTemplates, type TemplateListExport } from "./templates-codegen.js";
import {
  creationIssues,
  definitionsModule,
  describePlan,
  type LocalTemplate,
  localTemplates,
  planTemplates,
  pushTemplates,
} from "./templates-sync.js";

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
  wacompose templates diff <definitions.ts> [--export <name>] [--prune]
      what differs between the creation definitions a module exports (defineTemplates) and the
      account's templates: + to create, ~ to edit, - only in the account; exits 1 when push would
      change something (templates only in the account count with --prune)
  wacompose templates push <definitions.ts> [--export <name>] [--prune]
      checks every definition against the creation rules (nothing is sent when one breaks a rule),
      then creates what is missing and edits what differs; deletes only with --prune; prints each status
  wacompose templates pull [--out <file.ts>] [--status <STATUS>]...
      writes the account's templates as creation definitions (all but REJECTED, DISABLED and
      ARCHIVED ones unless --status says; --status any: all)
      diff, push and pull take the account as --from-api does: WHATSAPP_ACCESS_TOKEN, --waba <id>
      (or WHATSAPP_BUSINESS_ACCOUNT_ID), --base-url <url> (or WHATSAPP_API_BASE_URL: the
      emulator's offline), --version
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

/** The options that name the account (diff, push, pull and --from-api). */
const accountOptions = { "--waba": "value", "--base-url": "value", "--version": "value" } as const;

/** What each command takes; anything else is refused with the list. */
const shapes = {
  templates: {
    options: { "--out": "value", "--status": "values", "--from-api": "flag", ...accountOptions },
    positionals: { min: 0, max: 1, what: "JSON file (or --from-api)" },
  },
  "templates diff": {
    options: { "--export": "value", "--prune": "flag", ...accountOptions },
    positionals: { min: 1, max: 1, what: "module (exporting the definitions)" },
  },
  "templates pull": {
    options: { "--out": "value", "--status": "values", ...accountOptions },
    positionals: { min: 0, max: 0, what: "file" },
  },
  fixtures: { options: { "--out": "value" }, positionals: { min: 1, max: 1, what: "module" } },
  validate: { options: { "--strict": "flag" }, positionals: { min: 1, max: 1, what: "file (or - for stdin)" } },
} satisfies { readonly [command: string]: CommandShape };

/** The account's template manager, from the environment and --waba, --base-url, --version. */
async function templateManager(args: ParsedArguments, command: string): Promise<TemplateManager> {
  const token = process.env.WHATSAPP_ACCESS_TOKEN;
  const waba = args.value("--waba") ?? process.env.WHATSAPP_BUSINESS_ACCOUNT_ID;
  const baseUrl = args.value("--base-url") ?? (process.env.WHATSAPP_API_BASE_URL || graphBaseUrl);
  const apiVersion = args.value("--version") ?? process.env.WHATSAPP_API_VERSION ?? defaultApiVersion;
  if (!token) throw new Error(`${command}: set WHATSAPP_ACCESS_TOKEN (see docs/setup.md)`);
  if (!waba || !/^\d+$/.test(waba)) throw new Error(`${command}: which account? --waba <id> or WHATSAPP_BUSINESS_ACCOUNT_ID (digits)`);
  const { createTemplateManager } = await import("@wacompose/transport-fetch/templates");
  return createTemplateManager({ accessToken: token, businessAccountId: waba, baseUrl, apiVersion });
}

/** Every page of `GET /{waba-id}/message_templates`, as one `{ data }` export. */
async function fetchTemplates(args: ParsedArguments): Promise<{ data: unknown[] }> {
  const { data } = await (await templateManager(args, "templates --from-api")).list();
  return { data: [...data] };
}

/** A module's exports: TypeScript through tsx, JavaScript directly. */
async function importModule(input: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(input)).href;
  return /\.[cm]?tsx?$/.test(input) ? await (await import("tsx/esm/api")).tsImport(url, import.meta.url) : await import(url);
}

/** The definitions a module exports: --export <name>, else `templates`, else `default`. */
async function definitionsOf(args: ParsedArguments, command: string): Promise<{ templates: LocalTemplate[]; skipped: string[] }> {
  const [input = ""] = args.positionals;
  if (!existsSync(input)) throw new Error(`${command}: ${input} does not exist (a .ts or .js module exporting defineTemplates({ … }))`);
  const exports = await importModule(input);
  const name = args.value("--export");
  const chosen = name ?? ["templates", "default"].find((candidate) => exports[candidate] !== undefined);
  if (chosen === undefined || exports[chosen] === undefined)
    throw new Error(`${command}: ${input} exports no ${name ?? "templates (or default)"}; name it with --export <name>`);
  const { templates, skipped } = localTemplates(exports[chosen]);
  if (skipped.length > 0)
    process.stderr.write(`${command}: ${skipped.join(", ")}: defined for sending only (no components): not compared, never deleted\n`);
  return { templates, skipped };
}

/** `templates diff | push | pull`: templates as code against the account. */
async function templatesSync(action: string, given: string[]): Promise<number> {
  const command = `templates ${action}`;
  const args = parseArguments(command, given, action === "pull" ? shapes["templates pull"] : shapes["templates diff"]);
  if (action === "pull") {
    // By default what could be pushed back: not REJECTED (it breaks a rule), DISABLED or ARCHIVED; --status any for all.
    const statuses = args.values("--status").map((status) => status.toUpperCase());
    const { data } = await (await templateManager(args, command)).list();
    const chosen = statuses.includes("ANY")
      ? data
      : statuses.length === 0
        ? data.filter((node) => !["REJECTED", "DISABLED", "ARCHIVED"].includes(String(node.status)))
        : data.filter((node) => statuses.includes(String(node.status).toUpperCase()));
    const note = unmatchedStatusNote(command, statuses, data);
    if (note !== undefined) process.stderr.write(`${note}\n`);
    const source = definitionsModule(chosen, "GET /{waba-id}/message_templates");
    const out = args.value("--out");
    if (out === undefined) process.stdout.write(source);
    else {
      writeFileSync(out, source);
      process.stderr.write(`wrote ${out} (${chosen.length} template${chosen.length === 1 ? "" : "s"})\n`);
    }
    return 0;
  }
  const { templates: local, skipped } = await definitionsOf(args, command);
  const broken = creationIssues(local);
  if (action === "push" && broken.length > 0) {
    process.stdout.write(
      `✗ nothing sent: ${broken.length} creation rule${broken.length === 1 ? "" : "s"} broken\n${broken
        .map(({ key, issue }) => `  ${printable(`${key}: ${issue.message} [${issue.rule}]`)}`)
        .join("\n")}\n`,
    );
    return 1;
  }
  const manager = await templateManager(args, command);
  const plan = planTemplates(local, (await manager.list()).data, skipped);
  if (action === "diff") {
    const lines = describePlan(plan);
    for (const { key, issue } of broken) lines.push(`! ${key}: ${issue.message} [${issue.rule}]`);
    // Exit 1 when push would change something (or a definition breaks a rule); templates only in the account (Meta's
    // hello_world, say) are listed but fail nothing unless --prune says they should go.
    const changes = plan.create.length + plan.edit.length + broken.length + (args.has("--prune") ? plan.remoteOnly.length : 0);
    const summary = `= ${local.length} template${local.length === 1 ? "" : "s"} defined, ${changes === 0 ? "nothing to push" : `${changes} to push`}`;
    process.stdout.write(`${[...lines, summary].map(printable).join("\n")}\n`);
    return changes === 0 ? 0 : 1;
  }
  const { lines, failed } = await pushTemplates(manager, plan, args.has("--prune"));
  // What each defined template is now, as the account says.
  const now = new Map((await manager.list()).data.map((node) => [`${node.name} (${node.language})`, node.status]));
  for (const { key } of local) lines.push(`  ${key}: ${now.get(key) ?? "not in the account"}`);
  process.stdout.write(`${lines.map(printable).join("\n")}\n`);
  return failed === 0 ? 0 : 1;
}

async function templates(given: string[]): Promise<number> {
  const [action] = given;
  if (action === "diff" || action === "push" || action === "pull") return templatesSync(action, given.slice(1));
  const args = parseArguments("templates", given, shapes.templates);
  const fromApi = args.has("--from-api");
  const [input] = args.positionals;
  if (input === undefined && !fromApi) throw new Error(`templates: which JSON file (or --from-api)?\n${usage}`);
  if (input !== undefined && fromApi) throw new Error(`templates: a JSON file or --from-api, not both (got ${JSON.stringify(input)})`);
  const stray = Object.keys(accountOptions).find((name) => args.has(name));
  if (!fromApi && stray !== undefined) throw new Error(`templates: ${stray} names the account for --from-api; a file needs none`);
  const statuses = args.values("--status").map((status) => status.toUpperCase());
  // Any JSON (a file, or the API's pages): generateTemplates checks its shape and names the path of what is wrong.
  const exported = (fromApi ? await fetchTemplates(args) : readJson("templates", input as string)) as TemplateListExport;
  const source = generateTemplates(exported, {
    source: fromApi ? "GET /{waba-id}/message_templates" : basename(input as string),
    ...(statuses.length > 0 ? { statuses: statuses.includes("ANY") ? "any" : statuses } : {}),
  });
  const note = unmatchedStatusNote("templates", statuses, exported.data);
  if (note !== undefined) process.stderr.write(`${note}\n`);
  const out = args.value("--out");
  if (out === undefined) process.stdout.write(source);
  else {
    writeFileSync(out, source);
    process.stderr.write(`wrote ${out}\n`);
  }
  return 0;
}

async function fixtures(given: string[]): Promise<number> {
  const args = parseArguments("fixtures", given, shapes.fixtures);
  const [input = ""] = args.positionals;
  const out = args.value("--out");
  if (out === undefined) throw new Error(`fixtures: --out which directory?\n${helpFor("fixtures")}`);
  const exports = await importModule(input);
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

function validateFile(given: string[]): number {
  const args = parseArguments("validate", given, shapes.validate);
  const strict = args.has("--strict");
  const [input = ""] = args.positionals;
  const body = readJson("validate", input);
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
    if (help === "") throw new Error(`unknown command ${JSON.stringify(command)}\n${usage}`);
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
      throw new Error(`unknown command ${JSON.stringify(command)}\n${usage}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Messages quote what was typed or read (a command, a file name, a cause): its control characters are printed as text.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`wacompose: ${message.split("\n").map(printable).join("\n")}\n`);
  process.exitCode = 2;
}
