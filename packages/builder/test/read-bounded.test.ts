import { describe, expect, it } from "@jest/globals";
import { readBounded } from "../src/index.js";

const bytes = (...sizes: number[]) => sizes.map((size, i) => new Uint8Array(size).fill(i + 1));

describe("readBounded", () => {
  it("joins a web stream's chunks in order", async () => {
    const body = new Blob(bytes(3, 2)).stream();
    expect([...((await readBounded(body, 5)) ?? [])]).toEqual([1, 1, 1, 2, 2]);
  });

  it("reads an async iterable (node's IncomingMessage) and a null body", async () => {
    async function* chunks() {
      yield* bytes(1, 1);
    }
    expect((await readBounded(chunks(), 2))?.length).toBe(2);
    expect((await readBounded(null, 0))?.length).toBe(0);
  });

  it("stops at the first chunk past maxBytes and cancels the stream, never reading the rest", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await readBounded(endless, 4096)).toBeUndefined();
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it("passes on a stream's error", async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("connection reset"));
      },
    });
    await expect(readBounded(failing, 10)).rejects.toThrow("connection reset");
  });

  it("refuses a maxBytes that is no whole number, and text chunks", async () => {
    await expect(readBounded(null, Number.NaN)).rejects.toThrow("maxBytes must be a whole number");
    async function* text() {
      yield "hello" as unknown as Uint8Array;
    }
    await expect(readBounded(text(), 10)).rejects.toThrow("expected byte chunks");
  });
});
