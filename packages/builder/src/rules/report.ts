import type { Issue, IssueCode, Severity } from "../issue.js";

/**
 * Collects issues while the rules walk a body. The current path is a stack of keys, pushed
 * and popped as the rules descend; it becomes a string (`contacts[0].phones[1].wa_id`)
 * only when an issue is added, so valid bodies allocate no paths at all.
 */
export class Report {
  /** Allocated on the first issue: valid bodies, the common case, allocate nothing. */
  #issues: Issue[] | undefined;
  readonly #path: (string | number)[] = [];

  get issues(): readonly Issue[] {
    return this.#issues ?? noIssues;
  }

  /** Descends into `key` (a field name or an array index). */
  enter(key: string | number): void {
    this.#path.push(key);
  }

  leave(): void {
    this.#path.pop();
  }

  /** Adds an error at the current path, or at its child `key` when given. */
  add(key: string | number | undefined, code: IssueCode, message: string, limit?: number, actual?: number | string): void {
    this.#push("error", key, code, message, limit, actual);
  }

  /** Adds a warning: a form the API accepts though it is not the documented one. */
  warn(key: string | number | undefined, code: IssueCode, message: string, limit?: number, actual?: number | string): void {
    this.#push("warning", key, code, message, limit, actual);
  }

  #push(
    severity: Severity,
    key: string | number | undefined,
    code: IssueCode,
    message: string,
    limit?: number,
    actual?: number | string,
  ): void {
    const issue: { -readonly [K in keyof Issue]: Issue[K] } = { path: formatPath(this.#path, key), code, severity, message };
    if (limit !== undefined) issue.limit = limit;
    if (actual !== undefined) issue.actual = actual;
    if (this.#issues === undefined) this.#issues = [issue];
    else this.#issues.push(issue);
  }
}

const noIssues: readonly Issue[] = /* @__PURE__ */ Object.freeze([]);

function formatPath(segments: readonly (string | number)[], last: string | number | undefined): string {
  let path = "";
  for (const segment of last === undefined ? segments : [...segments, last])
    path += typeof segment === "number" ? `[${segment}]` : path === "" ? segment : `.${segment}`;
  return path;
}

export type JsonObject = { readonly [key: string]: unknown };

/** Absent from the wire: `undefined` is left out, and `null`, `NaN` and `±Infinity` are sent as `null` (read as absent). */
export const absent = (value: unknown): boolean => value == null || (typeof value === "number" && !Number.isFinite(value));

export const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** `null`, `array`, or the `typeof`, for "expected …, got …" messages. */
export const kindOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** Quotes strings and shortens long values so a message stays one readable line (reads at most 40 characters of a long string). */
export const show = (value: unknown): string => {
  const text =
    typeof value === "string"
      ? JSON.stringify(value.slice(0, 40))
      : typeof value === "object" && value !== null
        ? Array.isArray(value)
          ? "an array"
          : "an object"
        : String(value);
  return text.length > 40 || (typeof value === "string" && value.length > 40) ? `${text.slice(0, 37)}...` : text;
};

/** A thrown value in words, whatever it is: `String()` itself throws for some objects. */
export function describe(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
    const text = String(thrown);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return "a value that cannot be printed";
  }
}
