/**
 * Reads a request body up to `maxBytes`: the shared kernel's reader for every package that takes
 * a body from the network (the webhook handler, the flow endpoint). Stops as soon as the body
 * passes `maxBytes` (a body without Content-Length is read only that far) and cancels a web
 * stream it stops reading. Node's `IncomingMessage` is an async iterable of chunks too.
 *
 * @example
 * const bytes = await readBounded(request.body, 3 << 20); // undefined when over 3 MiB
 */
export async function readBounded(body: ByteStream | AsyncIterable<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0)
    throw new TypeError(`readBounded: maxBytes must be a whole number of bytes, got ${String(maxBytes)}`);
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body === null ? [] : "getReader" in body ? chunksOf(body) : body) {
    // Node streams after setEncoding() give text: refuse it rather than count characters as bytes.
    if (!(chunk instanceof Uint8Array)) throw new TypeError("readBounded: expected byte chunks (Uint8Array), got text or another value");
    size += chunk.length;
    if (size > maxBytes) return undefined;
    parts.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** What is read of a web `ReadableStream<Uint8Array>` (typed here: the builder needs no DOM lib). */
export interface ByteStream {
  getReader(): {
    read(): Promise<{ readonly done: true; readonly value?: undefined } | { readonly done: false; readonly value: Uint8Array }>;
    cancel(): Promise<void>;
  };
}

/** A web stream's chunks; stopping early cancels the stream. */
async function* chunksOf(stream: ByteStream): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Not awaited: a stream whose cancel never settles must not hold the answer.
    reader.cancel().catch(() => undefined);
  }
}
