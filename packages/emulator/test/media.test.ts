import { createServer } from "node:http";
import { describe, expect, it } from "@jest/globals";
import { MediaStore } from "../src/media.js";
import { listenReleased, releasedAfterEach, startReleased } from "./support/released.js";

// The media store meets the network: each upload holds its bytes, each look-up hands out a URL. A long run (a CLI
// emulator under a test suite) must not grow without end, and a client must learn when a file was forgotten.
const open = releasedAfterEach();
const token = { Authorization: "Bearer test-token" };

/** A server for the store alone (the door is the emulator's), with bounds small enough to reach. */
async function storeServer(bounds: { uploads: number; bytes: number }, ttlMs = 300_000) {
  const store = new MediaStore(ttlMs, Date.now, bounds);
  let base = "";
  const server = createServer((request, response) => {
    void store.handle(request, response, (request.url ?? "/").split("?")[0] ?? "/", base, () => true);
  });
  base = await listenReleased(open, server);
  return base;
}

async function upload(base: string, size: number): Promise<string> {
  const form = new FormData();
  form.set("messaging_product", "whatsapp");
  form.set("type", "image/jpeg");
  form.set("file", new Blob([new Uint8Array(size)], { type: "image/jpeg" }), "a.jpg");
  const answer = await fetch(`${base}/v23.0/106540352242922/media`, { method: "POST", headers: token, body: form });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { id: string }).id;
}

const lookUp = (base: string, id: string) => fetch(`${base}/v23.0/${id}`, { headers: token });
const errorOf = async (answer: Response) =>
  ((await answer.json()) as { error: { message: string; error_data?: { details: string } } }).error;

describe("media store: bounded, and says what it forgot", () => {
  it("keeps the newest uploads within the count; a forgotten id's 400 says it was forgotten and why", async () => {
    const base = await storeServer({ uploads: 2, bytes: 1 << 20 });
    const ids = [await upload(base, 10), await upload(base, 10), await upload(base, 10)];
    expect((await lookUp(base, ids[0] as string)).status).toBe(400);
    expect((await lookUp(base, ids[1] as string)).status).toBe(200);
    expect((await lookUp(base, ids[2] as string)).status).toBe(200);
    const error = await errorOf(await lookUp(base, ids[0] as string));
    expect(JSON.stringify(error)).toContain(
      `no media with id ${ids[0]} (deleted, or never uploaded here, or forgotten: the emulator keeps the newest 2 uploads, at most 1 MB, and has forgotten 1)`,
    );
  });

  it("keeps the newest within the bytes (the newest always, even alone over them); a delete frees its bytes", async () => {
    const base = await storeServer({ uploads: 100, bytes: 3 << 20 });
    const first = await upload(base, 1 << 20);
    const second = await upload(base, 1 << 20);
    // Deleting the second frees its megabyte: a third and fourth fit beside the first.
    expect((await fetch(`${base}/v23.0/${second}`, { method: "DELETE", headers: token })).status).toBe(200);
    await upload(base, 1 << 20);
    await upload(base, 1 << 20);
    expect((await lookUp(base, first)).status).toBe(200);
    const huge = await upload(base, 4 << 20);
    expect((await lookUp(base, first)).status).toBe(400);
    expect((await lookUp(base, huge)).status).toBe(200);
  });

  it("a client that polls a file's URL keeps the newest 100 URLs, not one per look-up", async () => {
    const base = await storeServer({ uploads: 10, bytes: 1 << 20 });
    const id = await upload(base, 10);
    const urls: string[] = [];
    for (let i = 0; i < 101; i++) urls.push(((await (await lookUp(base, id)).json()) as { url: string }).url);
    const download = (url: string) => fetch(url, { headers: token });
    expect((await download(urls[0] as string)).status).toBe(404);
    expect((await download(urls[1] as string)).status).toBe(200);
    expect((await download(urls[100] as string)).status).toBe(200);
  });
});

describe("media URLs' lifetime", () => {
  it("an expired URL's 404 gives the lifetime the emulator was started with, not always 5 minutes", async () => {
    const emulator = await startReleased(open, { mediaUrlTtlMs: 90_000 });
    const id = await upload(emulator.url, 10);
    const { url } = (await (await lookUp(emulator.url, id)).json()) as { url: string };
    emulator.clock.advance("2m");
    const answer = await fetch(url, { headers: token });
    expect(answer.status).toBe(404);
    expect(JSON.stringify(await errorOf(answer))).toContain("this media URL has expired (they last 90 seconds) or never existed");
  });

  it.each([0, -1, Number.NaN, 1.5, Number.POSITIVE_INFINITY])("mediaUrlTtlMs %p is refused at start, naming it", async (ttl) => {
    await expect(startReleased(open, { mediaUrlTtlMs: ttl })).rejects.toThrow(
      `startEmulator: mediaUrlTtlMs must be a whole number of ms from 1 to 2147483647, got ${String(ttl)}`,
    );
  });
});
