import type { Report } from "./report.js";
import type { TestedRefinement } from "./rule.js";

// The refinements that rules/common.ts's shapes use, apart from those shapes: the generated
// checks import them by name, and a module of refinements alone keeps the table's constants
// (common.ts's `wamid`, built from `limits`) out of a composed send.

/** Exactly one of two fields, reported at the object itself (media id/link, flow id/name). */
export const exactlyOneOf = (first: string, second: string): TestedRefinement => ({
  doc: `exactly one of \`${first}\` or \`${second}\``,
  passes: (object) => (object[first] === undefined || object[first] === null) !== (object[second] === undefined || object[second] === null),
  explain: (object, report: Report) => {
    const hasFirst = object[first] !== undefined && object[first] !== null;
    const hasSecond = object[second] !== undefined && object[second] !== null;
    if (hasFirst && hasSecond) report.add(undefined, "conflict", `exactly one of ${first} or ${second}, got both`);
    else if (!hasFirst && !hasSecond) report.add(undefined, "required", `exactly one of ${first} or ${second} is required`);
  },
});

/** Media: an uploaded `id` or a `link`, not both (exported: the generated checks call it by name). */
export const idOrLink = exactlyOneOf("id", "link");
