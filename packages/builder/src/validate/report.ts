import type { Issue, IssueCode } from "../issue.js";

/** Collects issues while the rules walk a body; paths are joined only when an issue is added. */
export class Report {
  readonly issues: Issue[] = [];

  add(path: string, code: IssueCode, message: string, limit?: number, actual?: number | string): void {
    const issue: { -readonly [K in keyof Issue]: Issue[K] } = { path, code, message };
    if (limit !== undefined) issue.limit = limit;
    if (actual !== undefined) issue.actual = actual;
    this.issues.push(issue);
  }
}

export type JsonObject = { readonly [key: string]: unknown };

export const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

export const child = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);
export const item = (path: string, index: number): string => `${path}[${index}]`;

/** `null`, `array`, or the `typeof`, for "expected …, got …" messages. */
export const kindOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** Quotes strings and shortens long values so a message stays one readable line. */
export const show = (value: unknown): string => {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};
