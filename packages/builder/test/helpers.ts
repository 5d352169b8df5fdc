import type { Buildable } from "../src/index.js";

/** `"path code"` for each issue of a builder's body, or `[]` when it builds. */
export const issuesOf = (builder: Buildable<unknown>): string[] => {
  const result = builder.safeBuild();
  return result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.code}`);
};
