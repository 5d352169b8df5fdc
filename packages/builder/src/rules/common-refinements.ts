import { absent, type Report } from "./report.js";
import type { TestedRefinement } from "./rule.js";

// The refinements that rules/common.ts's shapes use, apart from those shapes: the generated
// checks import them by name, and a module of refinements alone keeps the table's constants
// (common.ts's `wamid`, built from `limits`) out of a composed send.

/** Exactly one of two fields, reported at the object itself (media id/link, flow id/name). */
export const exactlyOneOf = (first: string, second: string): TestedRefinement => ({
  // absent(): a NaN or Infinity is sent as null, so it counts as absent here as in the field checks.
  passes: (object) => absent(object[first]) !== absent(object[second]),
  explain: (object, report: Report) => {
    const hasFirst = !absent(object[first]);
    const hasSecond = !absent(object[second]);
    if (hasFirst && hasSecond) report.add(undefined, "conflict", `exactly one of ${first} or ${second}, got both`);
    else if (!hasFirst && !hasSecond) report.add(undefined, "required", `exactly one of ${first} or ${second} is required`);
  },
});

/** Media: an uploaded `id` or a `link`, not both (exported: the generated checks call it by name). */
export const idOrLink = exactlyOneOf("id", "link");
