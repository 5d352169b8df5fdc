/**
 * The Graph API version used when none is given: the newest one released (v26.0, 2026-07-29,
 * per the Graph API changelog, docs/reference/cloud-api.md §1). Message features roll out by date,
 * not by version, so pin a version of your own only to hold back Meta's other changes.
 */
export const defaultApiVersion = "v26.0";

/** Where the Graph API is; the emulator's URL takes its place in tests. */
export const graphBaseUrl = "https://graph.facebook.com";
