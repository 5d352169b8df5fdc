import { maxIssuesPerArray } from "./explain.js";
import { show } from "./report.js";
import type { Refinement } from "./rule.js";

/**
 * A string that must not repeat across the entries of an array (reply button ids, row ids),
 * found at `path` inside each entry (`["reply", "id"]`), or inside each entry's `nested`
 * array (rows of every section). A Set keeps the check linear on hostile input.
 */
export function unique(what: string, path: readonly [string] | readonly [string, string], nested?: string): Refinement<readonly unknown[]> {
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
  const seen: unknown[] = [];
  return {
    doc: `${what} are unique${nested === undefined ? "" : " across all sections"}`,
    // Runs after the counts passed (at most a few dozen entries): the values are read once into a buffer
    // kept between calls, then compared pairwise, so a build allocates nothing here.
    test(list) {
      let count = 0;
      if (nested === undefined) for (const entry of list) seen[count++] = at(entry);
      else
        for (const group of list)
          for (const entry of (group as Record<string, readonly unknown[]>)[nested] as readonly unknown[]) seen[count++] = at(entry);
      for (let i = 1; i < count; i++) for (let j = 0; j < i; j++) if (seen[i] === seen[j]) return false;
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
