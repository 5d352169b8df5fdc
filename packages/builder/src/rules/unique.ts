import { maxIssuesPerArray } from "./explain-leaf.js";
import { type Report, show } from "./report.js";
import type { UniqueRefinement } from "./rule.js";

type Path = readonly [string] | readonly [string, string];

// A string that must not repeat across the entries of an array (reply button ids, row ids), found at a path inside
// each entry (`["reply", "id"]`): uniqueIn; or inside each entry's nested array (rows of every section): uniqueAcross.
// Two functions, so a send carries only the walk its kind uses. A Set keeps the explanation linear on hostile input;
// the yes/no check runs after the counts passed, on a few dozen entries at most.

/** Unique across an array's entries, at `path` in each. */
export function uniqueIn(what: string, path: Path): UniqueRefinement<readonly unknown[]> {
  return {
    // The yes/no check's loop is written by the compiler (rules/quick-source.ts) from this.
    unique: { what, path },
    explain: (list, report) =>
      reportRepeats(what, path, report, (visit) => {
        for (let index = 0; index < list.length; index++) if (!visit(list[index], [index])) return;
      }),
  };
}

/** Unique across the entries of every entry's `nested` array, at `path` in each. */
export function uniqueAcross(what: string, path: Path, nested: string): UniqueRefinement<readonly unknown[]> {
  return {
    unique: { what, path, nested },
    explain: (list, report) =>
      reportRepeats(what, path, report, (visit) => {
        for (let outer = 0; outer < list.length; outer++) {
          const group = list[outer];
          const inner = typeof group === "object" && group !== null ? (group as Record<string, unknown>)[nested] : undefined;
          if (!Array.isArray(inner)) continue;
          for (let index = 0; index < inner.length; index++) if (!visit(inner[index], [outer, nested, index])) return;
        }
      }),
  };
}

/** Records an entry found at `where`; false once enough duplicates are reported (the rest would bury the first issues). */
type Visit = (entry: unknown, where: readonly (string | number)[]) => boolean;

/** Runs `walk` with a visit that reports each entry whose value at `path` an earlier entry had. */
function reportRepeats(what: string, path: Path, report: Report, walk: (visit: Visit) => void): void {
  const [first, second] = path as readonly [string, string | undefined];
  const seen = new Set<string>();
  let reported = 0;
  walk((entry, where) => {
    // The value at `path` of an entry (one or two keys deep). Only the explanation reads it: the yes/no check has its own loop.
    const outer = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>)[first] : undefined;
    const value =
      second === undefined ? outer : typeof outer === "object" && outer !== null ? (outer as Record<string, unknown>)[second] : undefined;
    // "" is already an error of its own.
    if (typeof value !== "string" || value === "") return true;
    if (!seen.has(value)) {
      seen.add(value);
      return true;
    }
    const keys = [...where, ...path];
    for (const key of keys.slice(0, -1)) report.enter(key);
    report.add(keys.at(-1), "duplicate", `${what} must be unique; ${show(value)} is used twice`, undefined, value);
    for (let i = 1; i < keys.length; i++) report.leave();
    return ++reported < maxIssuesPerArray;
  });
}
