/** What this transport reads of an answer: the WHATWG `Response`, or any object with `text()`. */
export interface ResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  /** Read as a stream when present, so an oversized answer is never buffered whole. */
  readonly body?: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } } | null;
  text(): Promise<string>;
}

/**
 * The answer's text, at most `maxBytes` of it (after decompression): a larger answer — a huge
 * JSON, a gzip bomb — is `undefined` once the limit is passed, never read whole. A declared
 * `Content-Length` over the limit is refused before reading; a body stream is counted as it
 * comes and cancelled past the limit; an answer without one is read with `text()`, then measured.
 */
export async function readAnswer(response: ResponseLike, maxBytes: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  // Bytes read so far; a declared Content-Length over the limit counts as past it (none, or a bad one, does not).
  let size = Number(response.headers.get("content-length")) > maxBytes ? maxBytes + 1 : 0;
  let text = "";
  if (reader === undefined) {
    if (size <= maxBytes) {
      text = await response.text();
      size = text.length;
    }
  } else {
    // Made only for a stream: a decoder costs more than reading a small answer with text().
    const decoder = new TextDecoder();
    while (size <= maxBytes) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      size += value?.byteLength ?? 0;
      if (size <= maxBytes) text += decoder.decode(value, { stream: true });
    }
  }
  if (size <= maxBytes) return text;
  await reader?.cancel().catch(() => {});
  return undefined;
}
