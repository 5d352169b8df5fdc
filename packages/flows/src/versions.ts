/**
 * Flow JSON versions (flows.md §1.4, Meta's changelog): the ones a flow can still be
 * published with, and the older ones it can still be sent with. 7.3 is the recommended one.
 */
export const publishableFlowVersions = ["5.1", "6.0", "6.1", "6.2", "6.3", "7.0", "7.1", "7.2", "7.3"] as const;
/** Sendable but frozen: no longer publishable. */
export const frozenFlowVersions = ["2.1", "3.0", "3.1", "4.0", "5.0"] as const;
export const flowVersions = [...frozenFlowVersions, ...publishableFlowVersions] as const;
export type FlowVersion = (typeof flowVersions)[number];
/** What the builder writes unless told otherwise: the latest published version. */
export const latestFlowVersion = "7.3" satisfies FlowVersion;
export const dataApiVersions = ["3.0", "4.0"] as const;
export type DataApiVersion = (typeof dataApiVersions)[number];

/** `"6.2"` → 602, so versions compare as numbers. */
export const versionNumber = (version: string): number => {
  const match = /^(\d{1,3})\.(\d{1,2})$/.exec(version);
  return match ? Number(match[1]) * 100 + Number(match[2]) : Number.NaN;
};

/** True when `version` is `since` or later. */
export const atLeast = (version: string, since: string): boolean => versionNumber(version) >= versionNumber(since);
