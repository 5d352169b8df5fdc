// docs/limits.md, from packages/builder/src/limits.ts (every number, with the source note written
// beside it) and from the rule table, packages/builder/src/rules/ (every field of every kind, required
// or not, its rule, and the rules across fields). Read from src through tsx; written by `pnpm gen`
// (scripts/gen.mjs).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib.mjs";

const sourcePath = join(root, "packages/builder/src/limits.ts");
export const limitsPagePath = join(root, "docs/limits.md");

/**
 * The TSDoc comment written before each key of `limits`, by dotted path; a group that is a constant of its own
 * (`phone: phoneLimits`) is read from that constant's body, under its key.
 */
function notes(source, name = "limits", outer = [], result = new Map()) {
  const start = source.indexOf(`export const ${name} = {`);
  const body = source.slice(start, source.indexOf("} as const;", start));
  const stack = [...outer];
  let comment = [];
  let inComment = false;
  for (const line of body.split("\n").slice(1)) {
    const trimmed = line.trim();
    if (trimmed.startsWith("/**")) inComment = true;
    if (inComment) {
      comment.push(trimmed.replace(/^\/\*\*|\*\/$|^\*/g, "").trim());
      if (trimmed.endsWith("*/")) inComment = false;
      continue;
    }
    const key = /^(\w+):/.exec(trimmed)?.[1];
    if (key !== undefined) {
      const path = [...stack, key].join(".");
      if (comment.length > 0) result.set(path, comment.filter(Boolean).join(" "));
      comment = [];
      const group = /^\w+: (\w+Limits),$/.exec(trimmed)?.[1];
      if (group !== undefined) notes(source, group, [...stack, key], result);
      if (trimmed.endsWith("{")) stack.push(key);
    } else if (/^},?$/.test(trimmed)) stack.pop();
  }
  return result;
}

function rows(value, path, out) {
  if (typeof value === "number") out.push([path, value]);
  else for (const [key, inner] of Object.entries(value)) rows(inner, path ? `${path}.${key}` : key, out);
  return out;
}

export async function limitsPage() {
  const { limits, phoneTypes, contactInfoTypes, recipientTypes, interactiveTypes, headerTypes, mediaTypes } = await import(
    join(root, "packages/builder/src/index.ts")
  );
  const comments = notes(readFileSync(sourcePath, "utf8"));
  const noteFor = (path) => {
    for (let parts = path.split("."); parts.length > 0; parts.pop()) {
      const note = comments.get(parts.join("."));
      if (note !== undefined) return note;
    }
    return "";
  };
  const format = (n) => (n === Number.POSITIVE_INFINITY ? "∞" : n.toLocaleString("en"));
  const table = rows(limits, "", []).map(([path, value]) => `| \`${path}\` | ${format(value)} | ${noteFor(path).replace(/\|/g, "\\|")} |`);
  return [
    "# Limits",
    "",
    "Generated from [`packages/builder/src/limits.ts`](../packages/builder/src/limits.ts) by `pnpm gen`; `pnpm test` fails",
    "when this page is stale. Every number is enforced at runtime by `validate()` (and so by `.build()` and the emulator);",
    "limits on literal strings and on counts are also compile errors.",
    "",
    "Lengths are UTF-16 code units, as `String.length` counts them. TypeScript 5.9 counts the same way; TypeScript 7 counts",
    "code points, so a literal with emoji can pass the compile-time check and still fail at runtime — the runtime is the judge.",
    "Source tags: [S] Meta's reference (seed), [V23] the v23 reference, [OA] Meta's OpenAPI spec, [M-…] Meta's guides; see",
    "`docs/reference/cloud-api.md`. Where sources disagree, the stricter reading or the project's resolution (§13) is used.",
    "",
    "| limit | value | source and notes |",
    "|---|---|---|",
    ...table,
    "",
    "## Allowed values",
    "",
    `- \`recipient_type\`: ${recipientTypes.join(", ")}`,
    `- \`phones[].type\`: ${phoneTypes.join(", ")}; \`addresses[].type\`, \`emails[].type\`, \`urls[].type\`: ${contactInfoTypes.join(", ")}`,
    `- \`interactive.type\`: ${interactiveTypes.join(", ")}`,
    ...Object.entries(headerTypes).map(([type, headers]) => `- headers of \`${type}\`: ${headers.length ? headers.join(", ") : "none"}`),
    ...Object.entries(mediaTypes).map(
      ([kind, types]) =>
        `- media uploads, ${kind}: ${types.join(", ")}${kind === "audio" ? " (Ogg: Opus only, declared as `audio/ogg; codecs=opus`)" : ""}`,
    ),
    "",
    ...(await rulesSection()),
  ].join("\n");
}

/** Every rule of the table, per part of a body: generated from packages/builder/src/rules/. */
async function rulesSection() {
  const { describePart, kinds } = await import(join(root, "packages/builder/src/rules/describe.ts"));
  const cell = (text) => text.replace(/\|/g, "\\|");
  const lines = [
    "## Every rule, per kind",
    "",
    "Generated from the rule table (`packages/builder/src/rules/`), the one place each rule is declared: `.build()`, `validate()`,",
    "the shipped JSON Schema (`@wacompose/builder/schema.json`) and this page all read it. An **error** is what the API is known",
    "to reject (`.build()` fails); a **warning** is a form the live API accepts though it is not the documented one (cloud-api.md §15):",
    "`validate()` reports it, `.build()` does not fail, and the builders never emit it. An optional field sent as `null` is read",
    "as absent (a warning). `{type=x}` marks the fields of one case of an object told apart by its `type`. A rule across fields",
    'marked "validate() only" is one JSON Schema cannot say (uniqueness across an array, a total, a check of the text itself):',
    "the shipped schema accepts such a body and `validate()` rejects it.",
    "",
  ];
  for (const part of ["envelope", ...kinds, "mark-read"]) {
    const { rows, refinements } = describePart(part);
    lines.push(
      `### ${part === "envelope" ? "Every message (the envelope)" : part === "mark-read" ? "Mark as read (and typing)" : `\`${part}\``}`,
      "",
    );
    lines.push("| field | required | rule |", "|---|---|---|");
    for (const row of rows) lines.push(`| \`${row.path}\` | ${row.required ? "yes" : ""} | ${cell(row.rule)} |`);
    if (refinements.length > 0) {
      lines.push("", "Across fields:", "");
      for (const [path, doc] of refinements) lines.push(`- ${path === "" ? "" : `\`${path}\`: `}${doc}`);
    }
    lines.push("");
  }
  return lines;
}
