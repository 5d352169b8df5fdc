import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import type { EmulatorOptions } from "@wacompose/emulator";
import { createClient, createMedia, type FetchLike, GraphApiError, UnexpectedResponseError } from "../src/index.js";
import { emulatorsClosedAfterEach } from "./support/emulators.js";

// Media over loopback against the emulator's media endpoints, and the rules checked before any request.
const phoneNumberId = "106540352242922";
const startEmulator = emulatorsClosedAfterEach({ accessToken: "t", phoneNumberIds: [phoneNumberId] });
async function setup(options: EmulatorOptions = {}) {
  const emulator = await startEmulator(options);
  return { emulator, wa: createClient({ phoneNumberId, accessToken: "t", baseUrl: emulator.url, retry: false }) };
}

const bytes = (size: number, head = ""): Uint8Array => {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 31 + 7) % 251;
  data.set(new TextEncoder().encode(head));
  return data;
};
const jpeg = bytes(40_000, "\xff\xd8\xff\xe0JFIF");
const pdf = bytes(120_000, "%PDF-1.7");
const opus = bytes(9_000, "OggS\0\x02\0\0\0\0\0\0\0\0OpusHead");
const streamOf = (data: Uint8Array): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (let i = 0; i < data.length; i += 16_384) controller.enqueue(data.slice(i, i + 16_384));
      controller.close();
    },
  });
const readAll = async (stream: ReadableStream<Uint8Array>): Promise<Uint8Array> => new Uint8Array(await new Response(stream).arrayBuffer());

describe("media", () => {
  it("uploads a JPEG (Blob), a PDF (stream) and Opus audio, sends each by id, and downloads them byte-identical", async () => {
    const { emulator, wa } = await setup();
    const image = await wa.media.upload(new Blob([jpeg], { type: "image/jpeg" }), { type: "image/jpeg" });
    const document = await wa.media.upload(streamOf(pdf), { type: "application/pdf", filename: "invoice.pdf" });
    const audio = await wa.media.upload(opus, { type: "audio/ogg; codecs=opus" });
    for (const { id } of [image, document, audio]) expect(id).toMatch(/^\d{15}$/);

    await wa.send(msg.to("+16505551234").image(image, { caption: "Receipt" }));
    await wa.send(msg.to("+16505551234").document(document, { filename: "invoice.pdf" }));
    await wa.send(msg.to("+16505551234").audio(audio));
    expect(emulator.received.map((r) => r.outcome)).toEqual(["accepted", "accepted", "accepted"]);
    // The emulator's inbox shows the image sent by id.
    const inbox = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(inbox).toContain(`media id ${image.id}`);
    expect(inbox).toContain("Receipt");

    for (const [{ id }, original, type] of [
      [image, jpeg, "image/jpeg"],
      [document, pdf, "application/pdf"],
      [audio, opus, "audio/ogg"],
    ] as const) {
      const info = await wa.media.get(id);
      expect(info).toMatchObject({ id, mimeType: type, fileSize: original.length });
      const file = await wa.media.download(id);
      expect(file.mimeType).toBe(type);
      expect(Buffer.from(await readAll(file.body)).equals(Buffer.from(original))).toBe(true);
    }
  });

  it("refuses before any request: a 6 MB PNG, a 150 KB static sticker, Ogg audio not declared Opus, no type", async () => {
    let requests = 0;
    const fetch: FetchLike = async () => {
      requests++;
      return new Response('{"id":"1"}', { status: 200 });
    };
    const wa = createClient({ phoneNumberId, accessToken: "t", fetch });
    await expect(wa.media.upload(bytes(6_000_000), { type: "image/png" })).rejects.toThrow(
      new RangeError("media.upload: an image (image/png) is at most 5,000,000 bytes, got 6,000,000 bytes"),
    );
    await expect(wa.media.upload(streamOf(bytes(150_000, "RIFF\0\0\0\0WEBPVP8 ")), { type: "image/webp" })).rejects.toThrow(
      "media.upload: a static sticker (image/webp) is at most 100,000 bytes, got 150,000 bytes",
    );
    await expect(wa.media.upload(opus, { type: "audio/ogg" })).rejects.toThrow(
      'media.upload: audio/ogg is taken only with the Opus codec: declare it as "audio/ogg; codecs=opus"',
    );
    await expect(wa.media.upload(jpeg, {} as { type: string })).rejects.toThrow(
      new TypeError(
        'media.upload: type is required: the file\'s MIME type, e.g. "image/jpeg" (without it the API stores application/octet-stream and refuses to send it)',
      ),
    );
    await expect(wa.media.upload(jpeg, { type: "image/gif" })).rejects.toThrow('"image/gif" is not a type the API takes');
    expect(requests).toBe(0);
    // An animated WebP may be up to 500 KB: read from its bytes.
    await expect(wa.media.upload(bytes(150_000, "RIFF\0\0\0\0WEBPVP8X\0\0\0\0ANIM"), { type: "image/webp" })).resolves.toEqual({ id: "1" });
  });

  it("the emulator answers the API's error when the client is bypassed: an over-size sticker, a wrong type, fake Opus", async () => {
    const { emulator } = await setup();
    const post = (blob: Blob, type: string) => {
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", type);
      form.set("file", blob, "file");
      return fetch(`${emulator.url}/v23.0/${phoneNumberId}/media`, { method: "POST", headers: { Authorization: "Bearer t" }, body: form });
    };
    for (const [blob, type] of [
      [new Blob([bytes(150_000, "RIFF\0\0\0\0WEBPVP8 ")]), "image/webp"],
      [new Blob([jpeg]), "image/gif"],
      [new Blob([bytes(9000, "OggS vorbis")]), "audio/ogg"],
    ] as const) {
      const response = await post(blob, type);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 131053, message: "(#131053) Media upload error" } });
    }
  });

  it("an expired download URL is looked up again once; a bare expired URL says to pass the id", async () => {
    const { emulator, wa } = await setup();
    const { id } = await wa.media.upload(jpeg, { type: "image/jpeg" });
    const { url } = await wa.media.get(id);
    // Past the URL's 5 minutes on the emulator's clock; the fresh URL then lives 5 minutes, whatever the load.
    emulator.clock.advance("6m");
    const file = await wa.media.download({ id, url });
    expect((await readAll(file.body)).length).toBe(jpeg.length);
    const bare = await wa.media.download(url).catch((e: unknown) => e);
    expect(bare).toBeInstanceOf(UnexpectedResponseError);
    expect((bare as Error).message).toContain("pass the media id to look it up again");
  });

  it("deletes: the id is gone afterwards", async () => {
    const { wa } = await setup();
    const { id } = await wa.media.upload(jpeg, { type: "image/jpeg" });
    expect(await wa.media.delete(id)).toEqual({ success: true });
    const error = await wa.media.get(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: 100, category: "parameter" });
  });
});

describe("a media's file_size is read once", () => {
  // A retry policy may answer anything: a getter or a valueOf that gives a new value each time it is asked must not
  // let get() tell one size while a download is bounded by another.
  const lookaside = "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1";
  const fetch: FetchLike = async (url) =>
    url.startsWith("https://graph.facebook.com/")
      ? new Response(JSON.stringify({ url: lookaside, mime_type: "image/jpeg", sha256: "x", id: "1" }), { status: 200 })
      : new Response("jpeg", { status: 200, headers: { "content-type": "image/jpeg" } });
  const sizes = () => {
    const told = [4, 50_000_000];
    return () => told.shift() ?? 0;
  };
  const answers: [string, (json: object) => object][] = [
    ["a getter", (json) => Object.defineProperty({ ...json }, "file_size", { enumerable: true, get: sizes() })],
    ["a valueOf", (json) => ({ ...json, file_size: { valueOf: sizes() } })],
  ];

  it.each(answers)("%s: get() tells the size a download is bounded by", async (_, hostile) => {
    let calls = 0;
    const media = createMedia({
      phoneNumberId,
      accessToken: "t",
      fetch,
      retry: async (attempt) => {
        calls++;
        return hostile((await attempt()) as object);
      },
    });
    const info = await media.get("1");
    const file = await media.download("1");
    expect(calls).toBe(2);
    expect(info.fileSize).toBe(4);
    expect(file).toMatchObject({ size: 4, maxBytes: 4 + 1 + 4096 });
    await expect(readAll(file.body)).resolves.toEqual(new TextEncoder().encode("jpeg"));
  });
});
