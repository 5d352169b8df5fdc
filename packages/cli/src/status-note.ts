import { printable } from "./printable.js";

/**
 * A line for standard error when a `--status` given matches no template that was read, naming the
 * statuses the templates have: a typo (`--status APROVED`) otherwise wrote an empty definitions file
 * and exited 0, as if the account held nothing. Statuses are an open set (Meta adds some), so an
 * unknown one is not refused; `any` matches every template.
 */
export function unmatchedStatusNote(command: string, statuses: readonly string[], templates: readonly unknown[]): string | undefined {
  const held = new Set<string>();
  for (const template of templates) {
    const status = typeof template === "object" && template !== null ? (template as { status?: unknown }).status : undefined;
    if (typeof status === "string") held.add(status.toUpperCase());
  }
  const unmatched = statuses.filter((status) => status !== "ANY" && !held.has(status));
  if (unmatched.length === 0) return undefined;
  const present = held.size === 0 ? "none" : [...held].sort().join(", ");
  return printable(
    `${command}: no template has status ${unmatched.join(", ")} (the ${templates.length} read have: ${present}); --status any keeps every one`,
  );
}
