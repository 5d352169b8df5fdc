import { defaultApiVersion, graphBaseUrl, tokenDestinationProblem } from "@wacompose/builder";

export interface TemplatePagesOptions {
  readonly token: string;
  /** The WhatsApp Business Account id (digits). */
  readonly waba: string;
  /** Default the Graph API; the emulator's URL offline. `paging.next` is followed on this origin only. */
  readonly baseUrl?: string;
  readonly version?: string;
  readonly fetch?: typeof globalThis.fetch;
  /** Pages read before giving up; default 1,000 (100,000 templates at 100 a page, far more than an account holds). */
  readonly maxPages?: number;
  /** The largest page read; default 16 MiB. */
  readonly maxPageBytes?: number;
  /** Per page, its body included; default 30 s. */
  readonly timeoutMs?: number;
}

const where = "templates --from-api";

/** A page's text, at most `maxBytes` of it: a larger one is an error, never read whole. */
async function readPage(response: Response, maxBytes: number, url: string): Promise<string> {
  const tooLarge = () => new Error(`${where}: ${url} answered a page over ${maxBytes} bytes; stopped`);
  if (Number(response.headers.get("content-length") ?? Number.NaN) > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Every page of `GET /{waba-id}/message_templates`, as one `{ data }` export. The token goes to the
 * origin it started on only: a `paging.next` elsewhere, a page or cursor seen before, more than
 * `maxPages` pages, or an answer that is not a page all stop it with an error (the caller exits
 * non-zero) rather than write a partial list.
 */
export async function fetchTemplatePages(options: TemplatePagesOptions): Promise<{ data: unknown[] }> {
  const {
    token,
    waba,
    baseUrl = graphBaseUrl,
    version = defaultApiVersion,
    maxPages = 1000,
    maxPageBytes = 16 << 20,
    timeoutMs = 30_000,
  } = options;
  const fetchPage = options.fetch ?? globalThis.fetch;
  const start = `${baseUrl.replace(/\/+$/, "")}/${version}/${waba}/message_templates?limit=100`;
  const origin = new URL(start).origin;
  const data: unknown[] = [];
  const seenUrls = new Set<string>();
  const seenCursors = new Set<string>();
  let next: unknown = start;
  for (let page = 1; next !== undefined; page++) {
    if (typeof next !== "string") throw new Error(`${where}: page ${page - 1}'s paging.next is not a URL (${typeof next}); stopped`);
    const problem = tokenDestinationProblem(next, { graphOrigin: origin, allowed: [] });
    if (problem !== undefined)
      throw new Error(`${where}: page ${page - 1}'s paging.next: ${problem}; stopped, the list would be incomplete`);
    const cursor = new URL(next).searchParams.get("after");
    if (seenUrls.has(next) || (cursor !== null && seenCursors.has(cursor)))
      throw new Error(
        `${where}: page ${page - 1}'s paging.next repeats an earlier page${cursor === null ? "" : ` (cursor ${cursor.slice(0, 40)})`}; stopped, the list would be incomplete`,
      );
    if (page > maxPages) throw new Error(`${where}: more than ${maxPages} pages; stopped, the list would be incomplete`);
    seenUrls.add(next);
    if (cursor !== null) seenCursors.add(cursor);
    const url = next.split("?")[0] ?? next;
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetchPage(next, { headers: { Authorization: `Bearer ${token}` }, signal, redirect: "manual" });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => {});
      throw new Error(`${where}: ${url} answered a redirect (${response.status}), not followed: the token goes to ${origin} only`);
    }
    let json: { data?: unknown; paging?: { next?: unknown }; error?: { message?: unknown } } | undefined;
    try {
      json = JSON.parse(await readPage(response, maxPageBytes, url));
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(where)) throw error;
      json = undefined;
    }
    if (!response.ok || !Array.isArray(json?.data)) {
      const message = typeof json?.error?.message === "string" ? `: ${json.error.message}` : "";
      throw new Error(`${where}: ${url} answered ${response.status}${message}${response.ok ? " without a data list" : ""}`);
    }
    // One at a time: a spread of a 200,000-entry page overflows the call stack.
    for (const template of json.data) data.push(template);
    next = json.paging?.next ?? undefined; // null or absent: the last page
  }
  return { data };
}
