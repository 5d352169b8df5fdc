import type { TestedRefinement } from "./rule.js";

// The contacts rule's refinement, apart from its table (contacts.ts): the generated contacts check and explanation
// import it by name, so a contacts send carries this and not the table that holds it.

export const nameParts = ["first_name", "last_name", "middle_name", "suffix", "prefix"] as const;

/** `formatted_name` plus at least one other part [S §6 footnote]. */
export const namedPart: TestedRefinement = {
  passes: (name) => nameParts.some((part) => typeof name[part] === "string"),
  explain(name, report) {
    if (!nameParts.some((part) => name[part] !== undefined && name[part] !== null))
      report.add(undefined, "required", `needs at least one of ${nameParts.join(", ")} besides formatted_name`);
  },
};
