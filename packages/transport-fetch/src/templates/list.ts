import { tokenDestinationProblem } from "@wacompose/builder";
import type { Answer, ApiRequest } from "../core.js";
import { isObject, own } from "../own.js";
import { TemplateListError, type TemplateListProblem } from "./list-error.js";
import type { TemplateList, TemplateListSummary, TemplateNode } from "./wire.js";

/** One page of `GET /{waba-id}/message_templates`. */
interface Page {
  readonly data: readonly TemplateNode[];
  readonly paging?: { readonly next?: string | null; readonly cursors?: { readonly after?: unknown } };
  readonly summary?: TemplateListSummary;
}

/**
 * A page holds `data`, a list of templates each with a string `id`, and `paging.next` is a string when present; each
 * field its own (one the API did not send must not come from a polluted prototype).
 */
export const pageAnswer: Answer = {
  holds: (json) => {
    const data = own(json, "data");
    if (!isObject(json) || !Array.isArray(data) || !data.every((node) => isObject(node) && typeof own(node, "id") === "string"))
      return false;
    const paging = own(json, "paging");
    const summary = own(json, "summary");
    if (summary !== undefined && !isObject(summary)) return false;
    if (paging === undefined) return true;
    const next = own(paging, "next");
    return isObject(paging) && (next === undefined || next === null || typeof next === "string");
  },
  missing: "JSON that is not a page of templates (data: [{ id }], paging.next a URL)",
};

export interface ListBounds {
  readonly maxPages: number;
  readonly maxTemplates: number;
  /** The templates' JSON a list holds in all, pages together (each page is capped apart by maxResponseBytes). */
  readonly maxListBytes: number;
  /** Error text passes through it: a `next` URL may carry the token in its query. */
  readonly redact: (text: string) => string;
}

/**
 * Every page from `first` on, following `paging.next`. The token goes with each request, so a
 * `next` is followed only to the endpoint the list started on (same origin and path: the Graph
 * API, or the emulator in its place); a page or `after` cursor seen before, more than `maxPages`
 * pages or `maxTemplates` templates stop the list with a TemplateListError.
 */
export async function readAllPages(
  call: (request: ApiRequest, answer: Answer) => Promise<unknown>,
  first: string,
  headers: Readonly<Record<string, string>>,
  bounds: ListBounds,
): Promise<TemplateList> {
  const endpoint = new URL(first);
  const data: TemplateNode[] = [];
  const seenUrls = new Set<string>();
  const seenCursors = new Set<string>();
  let summary: TemplateListSummary | undefined;
  let url: string | undefined = first;
  let pages = 0;
  let bytes = 0;
  while (url !== undefined) {
    const page = (await call({ url, method: "GET", headers }, pageAnswer)) as Page;
    pages++;
    summary ??= own(page, "summary") as TemplateListSummary | undefined;
    // One at a time: a spread of a huge page overflows the call stack.
    for (const node of page.data) data.push(node);
    // Pages each under the answer cap can still add up past the memory a process has: the list is bounded in all.
    bytes += JSON.stringify(page.data).length;
    if (bytes > bounds.maxListBytes)
      throw new TemplateListError("too_large", pages, `templates bring the list over maxListBytes (${bounds.maxListBytes})`);
    if (data.length > bounds.maxTemplates)
      throw new TemplateListError("too_many_templates", pages, `templates bring the list over maxTemplates (${bounds.maxTemplates})`);
    // Graph leaves `next` out (or null) on the last page, though `cursors` stay.
    const paging = own(page, "paging");
    const next = (own(paging, "next") as string | null | undefined) ?? undefined;
    if (next === undefined) break;
    url = checkNext(next, pages, endpoint, own(own(paging, "cursors"), "after"), seenUrls, seenCursors, bounds.redact);
    if (pages >= bounds.maxPages)
      throw new TemplateListError("too_many_pages", pages, `paging.next leads past maxPages (${bounds.maxPages})`);
  }
  return summary === undefined ? { data, pages } : { data, pages, summary };
}

/** The next page's URL, when the token may go there and the page is new. */
function checkNext(
  next: string,
  page: number,
  endpoint: URL,
  after: unknown,
  seenUrls: Set<string>,
  seenCursors: Set<string>,
  redact: (text: string) => string,
): string {
  const stop = (problem: TemplateListProblem, detail: string): never => {
    throw new TemplateListError(problem, page, redact(detail));
  };
  const problem = tokenDestinationProblem(next, { graphOrigin: endpoint.origin, allowed: [] });
  if (problem !== undefined) {
    stop(problem.includes("not an absolute URL") ? "next_not_a_url" : "next_elsewhere", `paging.next: ${problem}`);
  }
  const target = new URL(next);
  if (target.pathname !== endpoint.pathname)
    stop(
      "next_elsewhere",
      `paging.next is another endpoint (${target.pathname.slice(0, 120)}, not ${endpoint.pathname}): the access token is not sent there`,
    );
  seenUrls.add(endpoint.href);
  const cursor = target.searchParams.get("after") ?? (typeof after === "string" ? after : null);
  if (seenUrls.has(target.href) || (cursor !== null && seenCursors.has(cursor)))
    stop("repeated_page", `paging.next repeats an earlier page${cursor === null ? "" : ` (cursor ${cursor.slice(0, 40)})`}`);
  seenUrls.add(target.href);
  if (cursor !== null) seenCursors.add(cursor);
  return next;
}
