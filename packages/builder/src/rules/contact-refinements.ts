import type { TestedRefinement } from "./rule.js";

// The contacts rule's refinement, apart from its table (contacts.ts): the generated contacts check and explanation
// import it by name, so a contacts send carries this and not the table that holds it.

export const nameParts = ["first_name", "last_name", "middle_name", "suffix", "prefix"] as const;

/** `formatted_name` plus at least one other part [S §6 footnote]. */
export const namedPart: TestedRefinement = {
  passes(name) {
    // A loop, not nameParts.some(…): the callback would be a closure made on every check (every contact card built).
    for (let i = 0; i < nameParts.length; i++) if (typeof name[nameParts[i] as string] === "string") return true;
    return false;
  },
  explain(name, report) {
    if (!nameParts.some((part) => name[part] !== undefined && name[part] !== null))
      report.add(undefined, "required", `needs at least one of ${nameParts.join(", ")} besides formatted_name`);
  },
};
