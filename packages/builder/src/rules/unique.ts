import { maxIssuesPerArray } from "./explain.js";
import { show } from "./report.js";
import type { Refinement } from "./rule.js";

/**
 * A string that must not repeat across the entries of an array (reply button ids, row ids),
 * found at `path` inside each entry (`["reply", "id"]`), or inside each entry's `nested`
 * array (rows of every section). A Set keeps the check linear on hostile input.
 */
export function unique(what: string, path: readonly string[], nested?: string): Refinement<readonly unknown[]> {
  const at = (entry: unknown): unknown => {
    let value = entry;
    for (const key of path) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return value;
  };
  const entriesOf = (list: readonly unknown[]): [number | undefined, number, unknown][] => {
    if (nested === undefined) return list.map((entry, index) => [undefined, index, entry]);
    return list.flatMap((group, outer) => {
      const inner = typeof group === "object" && group !== null ? (group as Record<string, unknown>)[nested] : undefined;
      return Array.isArray(inner) ? inner.map((entry, index): [number, number, unknown] => [outer, index, entry]) : [];
    });
  };
  return {
    doc: `${what} are unique${nested === undefined ? "" : " across all sections"}`,
    // Runs after the counts passed (at most a few dozen entries): pairwise, allocating nothing.
    test(list) {
      if (nested === undefined) {
        for (let i = 1; i < list.length; i++) {
          const value = at(list[i]);
          for (let j = 0; j < i; j++) if (at(list[j]) === value) return false;
        }
        return true;
      }
      for (let a = 0; a < list.length; a++) {
        const group = (list[a] as Record<string, readonly unknown[]>)[nested] as readonly unknown[];
        for (let i = 0; i < group.length; i++) {
          const value = at(group[i]);
          for (let j = 0; j < i; j++) if (at(group[j]) === value) return false;
          for (let b = 0; b < a; b++)
            for (const earlier of (list[b] as Record<string, readonly unknown[]>)[nested] as readonly unknown[])
              if (at(earlier) === value) return false;
        }
      }
      return true;
    },
    explain(list, report) {
      const seen = new Set<string>();
      let reported = 0;
      for (const [outer, index, entry] of entriesOf(list)) {
        const value = at(entry);
        // "" is already an error of its own; past the cap, the rest would bury the first issues.
        if (typeof value !== "string" || value === "" || reported >= maxIssuesPerArray) continue;
        if (!seen.has(value)) {
          seen.add(value);
          continue;
        }
        reported++;
        const keys = [...(outer === undefined ? [] : [outer, nested as string]), index, ...path];
        for (const key of keys.slice(0, -1)) report.enter(key);
        report.add(keys.at(-1), "duplicate", `${what} must be unique; ${show(value)} is used twice`, undefined, value);
        for (let i = 1; i < keys.length; i++) report.leave();
      }
    },
  };
}
