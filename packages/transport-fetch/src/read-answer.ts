import { UnexpectedResponseError } from "./errors.js";

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
 * JSON, a gzip bomb — is an UnexpectedResponseError once the limit is passed, never read whole.
 */
export async function readAnswer(response: ResponseLike, maxBytes: number, redact: (text: string) => string): Promise<string> {
  const tooLarge = (): UnexpectedResponseError =>
    new UnexpectedResponseError(response.status, redact(response.statusText), "", `an answer over ${maxBytes} bytes (not read further)`);
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body
      ?.getReader()
      .cancel()
      .catch(() => {});
    throw tooLarge();
  }
  if (response.body == null) {
    const text = await response.text();
    if (text.length > maxBytes) throw tooLarge();
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value?.byteLength ?? 0;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}
