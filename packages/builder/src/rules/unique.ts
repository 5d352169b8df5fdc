import { maxIssuesPerArray } from "./explain-leaf.js";
import { show } from "./report.js";
import type { UniqueRefinement } from "./rule.js";

/**
 * A string that must not repeat across the entries of an array (reply button ids, row ids),
 * found at `path` inside each entry (`["reply", "id"]`), or inside each entry's `nested`
 * array (rows of every section). A Set keeps the explanation linear on hostile input; the
 * yes/no check runs after the counts passed, on a few dozen entries at most.
 */
export function unique(
  what: string,
  path: readonly [string] | readonly [string, string],
  nested?: string,
): UniqueRefinement<readonly unknown[]> {
  const [first, second] = path as [string, string | undefined];
  // The value at `path` of an entry (one or two keys deep). Only the explanation reads it: the yes/no check has its own loop.
  const at = (entry: unknown): unknown => {
    const outer = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>)[first] : undefined;
    if (second === undefined) return outer;
    return typeof outer === "object" && outer !== null ? (outer as Record<string, unknown>)[second] : undefined;
  };
  return {
    // The yes/no check's loop is written by the compiler (rules/quick-source.ts) from this.
    unique: nested === undefined ? { what, path } : { what, path, nested },
    explain(list, report) {
      const seen = new Set<string>();
      let reported = 0;
      /** Records the entry at `index` (of group `outer`); false once enough duplicates are reported. */
      const visit = (outer: number | undefined, index: number, entry: unknown): boolean => {
        const value = at(entry);
        // "" is already an error of its own.
        if (typeof value !== "string" || value === "") return true;
        if (!seen.has(value)) {
          seen.add(value);
          return true;
        }
        const keys = [...(outer === undefined ? [] : [outer, nested as string]), index, ...path];
        for (const key of keys.slice(0, -1)) report.enter(key);
        report.add(keys.at(-1), "duplicate", `${what} must be unique; ${show(value)} is used twice`, undefined, value);
        for (let i = 1; i < keys.length; i++) report.leave();
        // Past the cap, the rest would bury the first issues.
        return ++reported < maxIssuesPerArray;
      };
      if (nested === undefined) {
        for (let index = 0; index < list.length; index++) if (!visit(undefined, index, list[index])) return;
        return;
      }
      for (let outer = 0; outer < list.length; outer++) {
        const group = list[outer];
        const inner = typeof group === "object" && group !== null ? (group as Record<string, unknown>)[nested] : undefined;
        if (!Array.isArray(inner)) continue;
        for (let index = 0; index < inner.length; index++) if (!visit(outer, index, inner[index])) return;
      }
    },
  };
}
