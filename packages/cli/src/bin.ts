// The `wacompose` command. Subcommands:
//   wacompose templates <message_templates.json> [--out templates.ts] [--status APPROVED]
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { generateTemplates } from "./templates-codegen.js";

const usage = `usage:
  wacompose templates <message_templates.json> [--out <file.ts>] [--status <STATUS>]...
      writes defineTemplates() for the JSON of GET /{waba-id}/message_templates`;

function option(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = args.indexOf(name); i !== -1; i = args.indexOf(name, i + 1)) {
    const value = args[i + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value`);
    values.push(value);
  }
  return values;
}

function templates(args: string[]): number {
  const input = args.find((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));
  if (input === undefined) throw new Error(`templates: which JSON file?\n${usage}`);
  const statuses = option(args, "--status");
  const source = generateTemplates(JSON.parse(readFileSync(input, "utf8")), {
    source: basename(input),
    ...(statuses.length > 0 ? { statuses } : {}),
  });
  const [out] = option(args, "--out");
  if (out === undefined) process.stdout.write(source);
  else {
    writeFileSync(out, source);
    process.stderr.write(`wrote ${out}\n`);
  }
  return 0;
}

function main(args: string[]): number {
  const [command, ...rest] = args;
  switch (command) {
    case "templates":
      return templates(rest);
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
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`wacompose: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
