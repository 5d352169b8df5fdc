import {
  checkTemplateCreation,
  definitionFromTemplate,
  type TemplateCreateBody,
  type TemplateCreation,
  type TemplateRuleIssue,
  templateCreateBody,
} from "@wacompose/builder";
import type { TemplateManager, TemplateNode } from "@wacompose/transport-fetch/templates";

// Templates as code against an account (or the emulator): what differs between the definitions in a module and the
// templates the account holds (diff), making the account match (push), and writing the account's templates as
// definitions (pull). One template at Meta is one (name, language); a definition with several languages is several.

/** One language of one definition, as it would be POSTed. */
export interface LocalTemplate {
  readonly key: string;
  readonly body: TemplateCreateBody;
}

export interface TemplateEditPlan {
  readonly local: LocalTemplate;
  readonly remote: ListedTemplate;
  /** The fields that differ: category, parameter_format, components, message_send_ttl_seconds. */
  readonly fields: readonly string[];
  /** Why the API would refuse this edit, when it would (an approved template's category, a status that takes no edit). */
  readonly refused?: string;
}

export interface TemplatePlan {
  readonly create: readonly LocalTemplate[];
  /** In the account under a name the module defines for sending only (no components): not compared, never deleted. */
  readonly sendingOnly: readonly ListedTemplate[];
  readonly edit: readonly TemplateEditPlan[];
  readonly same: readonly LocalTemplate[];
  /** In the account, not in the definitions: deleted by `push --prune` only. */
  readonly remoteOnly: readonly ListedTemplate[];
}

const keyOf = (name: string, language: string): string => `${name} (${language})`;

/** A template the account lists with its name and language (the list's default fields): one that can be compared. */
export type ListedTemplate = TemplateNode & { readonly name: string; readonly language: string };
/** The listed templates that are there: named, and not deleted. */
const present = (remote: readonly TemplateNode[]): ListedTemplate[] =>
  remote.filter(
    (node): node is ListedTemplate =>
      typeof node.name === "string" && typeof node.language === "string" && node.status !== "DELETED" && node.status !== "PENDING_DELETION",
  );

/** A creation definition: an object with components (summaries for sending only have none). */
const isCreation = (value: unknown): value is TemplateCreation =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Array.isArray((value as { components?: unknown }).components);

/**
 * The creation definitions in a `defineTemplates()` object, one per (name, language); entries that only describe
 * sending (no `components`) are counted in `skipped`. Throws when a name is given twice for a language.
 */
export function localTemplates(definitions: unknown): { readonly templates: LocalTemplate[]; readonly skipped: string[] } {
  if (typeof definitions !== "object" || definitions === null || Array.isArray(definitions))
    throw new TypeError("templates: the definitions are an object of defineTemplates({ name: definition, … })");
  const templates: LocalTemplate[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const [name, entry] of Object.entries(definitions)) {
    const languages: readonly unknown[] = Array.isArray(entry) ? entry : [entry];
    if (!languages.every(isCreation)) {
      skipped.push(name);
      continue;
    }
    for (const definition of languages) {
      const body = templateCreateBody(name, definition as TemplateCreation);
      const key = keyOf(name, body.language);
      if (seen.has(key)) throw new Error(`templates: ${key} is defined twice`);
      seen.add(key);
      templates.push({ key, body });
    }
  }
  return { templates, skipped };
}

/** Every creation rule each template breaks, with its key: checked before any request. */
export function creationIssues(templates: readonly LocalTemplate[]): { readonly key: string; readonly issue: TemplateRuleIssue }[] {
  return templates.flatMap(({ key, body }) => checkTemplateCreation(body).map((issue) => ({ key, issue })));
}

/** JSON with its keys sorted, so that two bodies equal field by field compare equal as text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, inner: unknown) =>
    typeof inner === "object" && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/** Statuses whose template takes an edit [templates-management.md §3.4]. */
const editable = new Set(["APPROVED", "REJECTED", "PAUSED"]);

/** The remote template as its creation body (the form a definition takes), or undefined when it cannot be read. */
function remoteBody(node: ListedTemplate): TemplateCreateBody | undefined {
  try {
    return templateCreateBody(node.name, definitionFromTemplate(node));
  } catch {
    return undefined;
  }
}

/**
 * What differs between the definitions and the account's templates. `sendingOnly`: the names the module defines for
 * sending only (summaries without components), whose templates are left alone.
 */
export function planTemplates(
  local: readonly LocalTemplate[],
  remote: readonly TemplateNode[],
  sendingOnly: readonly string[] = [],
): TemplatePlan {
  const remoteByKey = new Map<string, ListedTemplate>();
  for (const node of present(remote)) remoteByKey.set(keyOf(node.name, node.language), node);
  const create: LocalTemplate[] = [];
  const edit: TemplateEditPlan[] = [];
  const same: LocalTemplate[] = [];
  for (const template of local) {
    const node = remoteByKey.get(template.key);
    remoteByKey.delete(template.key);
    if (node === undefined) {
      create.push(template);
      continue;
    }
    const theirs = remoteBody(node);
    const fields = (["category", "parameter_format", "components", "message_send_ttl_seconds"] as const).filter((field) => {
      // A TTL the definition leaves out is the account's to keep (an edit cannot remove one).
      if (field === "message_send_ttl_seconds" && template.body[field] === undefined) return false;
      const mine = field === "parameter_format" ? (template.body[field] ?? "POSITIONAL") : template.body[field];
      const other = field === "parameter_format" ? (theirs?.[field] ?? "POSITIONAL") : theirs?.[field];
      return canonical(mine) !== canonical(other);
    });
    if (fields.length === 0) {
      same.push(template);
      continue;
    }
    const status = String(node.status ?? "");
    // An edit changes only category, components and the TTL [templates-management.md §3.4]: components written for
    // another parameter_format would be stored against the old one and rejected in review.
    const refused = !editable.has(status)
      ? `a ${status || "template without a status"} template takes no edit (only APPROVED, REJECTED or PAUSED ones do)`
      : fields.includes("parameter_format")
        ? "parameter_format cannot be edited, only category, components and the TTL (create it under a new name)"
        : status === "APPROVED" && fields.includes("category")
          ? "the category of an APPROVED template cannot change (create it under a new name)"
          : undefined;
    edit.push({ local: template, remote: node, fields, ...(refused === undefined ? {} : { refused }) });
  }
  const left = [...remoteByKey.values()];
  const summarised = new Set(sendingOnly);
  return {
    create,
    edit,
    same,
    sendingOnly: left.filter((node) => summarised.has(node.name)),
    remoteOnly: left.filter((node) => !summarised.has(node.name)),
  };
}

/** The plan as lines for people: `+` to create, `~` to edit, `-` only in the account. */
export function describePlan(plan: TemplatePlan): string[] {
  return [
    ...plan.create.map(({ key, body }) => `+ ${key}: create (${body.category})`),
    ...plan.edit.map(
      ({ local, remote, fields, refused }) =>
        `~ ${local.key}: edit ${fields.join(", ")} (${remote.status ?? "no status"})${refused === undefined ? "" : ` — refused: ${refused}`}`,
    ),
    ...plan.remoteOnly.map(
      (node) =>
        `- ${keyOf(node.name, node.language)}: only in the account (${node.status ?? "no status"}); ${node.status === "DISABLED" ? "a DISABLED template cannot be deleted" : "push --prune deletes it"}`,
    ),
  ];
}

export interface PushResult {
  readonly lines: string[];
  readonly failed: number;
}

/**
 * Makes the account match the definitions: creates what is missing, edits what differs (never what the API would
 * refuse), and deletes what only the account holds when `prune` is set. Each step is reported; one failure does not
 * stop the others.
 */
export async function pushTemplates(manager: TemplateManager, plan: TemplatePlan, prune: boolean): Promise<PushResult> {
  const lines: string[] = [];
  let failed = 0;
  const attempt = async (done: string, notDone: string, step: () => Promise<string>) => {
    try {
      lines.push(`✓ ${done}${await step()}`);
    } catch (error) {
      failed++;
      lines.push(`✗ ${notDone}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const { key, body } of plan.create)
    await attempt(`${key} created: `, `${key} not created`, async () => {
      const created = await manager.create(body);
      return `${created.status} (id ${created.id})`;
    });
  for (const { local, remote, fields, refused } of plan.edit) {
    if (refused !== undefined) {
      failed++;
      lines.push(`✗ ${local.key} not edited: ${refused}`);
      continue;
    }
    await attempt(`${local.key} edited (${fields.join(", ")}): `, `${local.key} not edited (${fields.join(", ")})`, async () => {
      await manager.edit(remote.id, {
        category: local.body.category,
        components: local.body.components,
        ...(local.body.message_send_ttl_seconds === undefined ? {} : { message_send_ttl_seconds: local.body.message_send_ttl_seconds }),
      });
      return "PENDING (reviewed again)";
    });
  }
  for (const node of plan.remoteOnly) {
    const key = keyOf(node.name, node.language);
    if (!prune) lines.push(`- ${key} kept: only in the account (push --prune deletes it)`);
    else if (node.status === "DISABLED") lines.push(`- ${key} kept: a DISABLED template cannot be deleted`);
    else
      await attempt(`${key} deleted`, `${key} not deleted`, async () => {
        await manager.delete({ name: node.name, id: node.id });
        return "";
      });
  }
  for (const node of plan.sendingOnly) lines.push(`= ${keyOf(node.name, node.language)} kept: defined for sending only (no components)`);
  return { lines, failed };
}

/** The account's templates as a module of creation definitions (what `pull` writes), sorted by name and language. */
export function definitionsModule(remote: readonly TemplateNode[], source: string): string {
  const byName = new Map<string, TemplateCreation[]>();
  const sorted = present(remote).sort((a, b) => (a.name === b.name ? (a.language < b.language ? -1 : 1) : a.name < b.name ? -1 : 1));
  for (const node of sorted) {
    const list = byName.get(node.name) ?? [];
    list.push(definitionFromTemplate(node));
    byName.set(node.name, list);
  }
  const entries = Object.fromEntries([...byName].map(([name, list]) => [name, list.length === 1 ? list[0] : list]));
  return [
    `// Generated by \`wacompose templates pull\` from ${source}: each template's creation definition, in the form`,
    "// `wacompose templates diff | push` read. Edit it, then diff and push.",
    'import { defineTemplates } from "@wacompose/builder";',
    "",
    // A key "__proto__" (a valid template name) would set the prototype in an object literal: written computed.
    `export const templates = defineTemplates(${JSON.stringify(entries, null, 2).replace(/^(\s*)"__proto__": /gm, '$1["__proto__"]: ')});`,
    "",
  ].join("\n");
}
