import { maxIssuesPerArray } from "./explain.js";
import { show } from "./report.js";
import type { UniqueRefinement } from "./rule.js";

/**
 * A string that must not repeat across the entries of an array (reply button ids, row ids),
 * found at `path` inside each entry (`["reply", "id"]`), or inside each entry's `nested`
 * array (rows of every section). A Set keeps the explanation linear on hostile input; the
 * quick test runs after the counts passed, on a few dozen entries at most.
 */
export function unique(
  what: string,
  path: readonly [string] | readonly [string, string],
  nested?: string,
): UniqueRefinement<readonly unknown[]> {
  const [first, second] = path as [string, string | undefined];
  // The value at `path` of an entry (one or two keys deep), read without a loop: this runs on every build.
  const at = (entry: unknown): unknown => {
    const outer = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>)[first] : undefined;
    if (second === undefined) return outer;
    return typeof outer === "object" && outer !== null ? (outer as Record<string, unknown>)[second] : undefined;
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
    // The quick test's loop is written by the compiler (rules/quick-source.ts) from this.
    unique: nested === undefined ? { path } : { path, nested },
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
