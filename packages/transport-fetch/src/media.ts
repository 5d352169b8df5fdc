import { isAnimatedWebp, limits, mediaKindOf, mediaUploadProblem } from "@wacompose/builder";
import type { Answer, ApiRequest, FetchLike } from "./client.js";
import { TimeoutError, UnexpectedResponseError } from "./errors.js";
import { networkError } from "./retry.js";

/** What can be uploaded: bytes in memory, a Blob (`await fs.openAsBlob(path)` on Node), or a web stream. */
export type MediaData = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>;

export interface UploadOptions {
  /** The file's MIME type, e.g. `"image/jpeg"`; Ogg audio as `"audio/ogg; codecs=opus"`. Required. */
  readonly type: string;
  /** Sent as the multipart file name; documents show it. */
  readonly filename?: string;
  /** For WebP stickers: animated (500 KB) or static (100 KB); read from the bytes when not given. */
  readonly animated?: boolean;
}

/** `GET /{media-id}`: where to download it (for 5 minutes), and what it is. */
export interface MediaInfo {
  readonly id: string;
  readonly url: string;
  readonly mimeType: string;
  readonly sha256: string;
  readonly fileSize: number;
}

/** A download: the bytes as a stream, and their type. */
export interface Download {
  readonly body: ReadableStream<Uint8Array>;
  readonly mimeType: string;
}

export interface Media {
  /**
   * Uploads a file for messages to send by id. The type and the size are checked against the
   * API's rules (`mediaTypes`, `limits.media.bytes`) before any request: a TypeError or a
   * RangeError names the rule.
   *
   * @example
   * const { id } = await wa.media.upload(await fs.openAsBlob("receipt.png"), { type: "image/png" });
   * await wa.send(msg.to(n).image({ id }));
   */
  upload(data: MediaData, options: UploadOptions): Promise<{ readonly id: string }>;
  get(id: string): Promise<MediaInfo>;
  /**
   * Downloads with the token. Give the media id (or `{ id, url }` from an earlier `get`): its URL
   * lasts 5 minutes, so a 404 is answered by looking the URL up again, once. A bare URL cannot be renewed.
   */
  download(media: string | { readonly id: string; readonly url?: string }): Promise<Download>;
  delete(id: string): Promise<{ readonly success: boolean }>;
}

interface Context {
  readonly phoneNumberId: string;
  readonly accessToken: string;
  readonly version: string;
  readonly baseUrl: string;
  readonly call: (request: ApiRequest, answer: Answer) => Promise<unknown>;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly redact: (text: string) => string;
}

const uploaded: Answer = { holds: (json) => typeof (json as { id?: unknown } | null)?.id === "string", missing: "no media id" };
const described: Answer = { holds: (json) => typeof (json as { url?: unknown } | null)?.url === "string", missing: "no media url" };
const deleted: Answer = { holds: (json) => typeof (json as { success?: unknown } | null)?.success === "boolean", missing: "no success" };

/** The media endpoints of one phone number's client. */
export function mediaClient(context: Context): Media {
  const { phoneNumberId, accessToken, version, call } = context;
  const base = context.baseUrl.replace(/\/+$/, "");
  const auth = { Authorization: `Bearer ${accessToken}` };
  const objectUrl = (id: string): string => {
    if (typeof id !== "string" || !/^\d+$/.test(id)) throw new TypeError(`media: a media id is digits, got ${JSON.stringify(id)}`);
    return `${base}/${version}/${id}?phone_number_id=${phoneNumberId}`;
  };

  const get = async (id: string): Promise<MediaInfo> => {
    const json = (await call({ url: objectUrl(id), method: "GET", headers: auth }, described)) as {
      id?: string;
      url: string;
      mime_type?: string;
      sha256?: string;
      file_size?: number | string;
    };
    return {
      id: json.id ?? id,
      url: json.url,
      mimeType: json.mime_type ?? "",
      sha256: json.sha256 ?? "",
      fileSize: Number(json.file_size ?? 0),
    };
  };

  /** GET `url` with the token; the answer's stream, or undefined on 404 (an expired URL). */
  const fetchFile = async (url: string): Promise<Download | undefined> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), context.timeoutMs);
    try {
      const response = (await context
        .fetch(url, { method: "GET", headers: auth, signal: controller.signal, redirect: "manual" })
        .catch((error: unknown) => {
          throw controller.signal.aborted ? new TimeoutError(context.timeoutMs) : networkError(error, context.redact, url);
        })) as Response;
      if (response.status === 404) return undefined;
      if (response.status !== 200 || response.body === null)
        throw new UnexpectedResponseError(response.status, context.redact(response.statusText), "", "no media file");
      return { body: response.body, mimeType: response.headers.get("content-type") ?? "" };
    } finally {
      clearTimeout(timer);
    }
  };

  const media: Media = {
    async upload(data: MediaData, options: UploadOptions) {
      const type = options?.type;
      const known = typeof type === "string" ? mediaKindOf(type) : undefined;
      // Read no more than the largest size allowed for the type: an oversized stream stops there.
      const cap = (known?.kind === "sticker" ? limits.media.bytes.animatedSticker : limits.media.bytes[known?.kind ?? "document"]) + 1;
      const blob = await toBlob(data, known?.mimeType ?? "application/octet-stream", cap);
      const animated =
        options?.animated ??
        (known?.kind === "sticker" ? isAnimatedWebp(new Uint8Array(await blob.slice(0, 64).arrayBuffer())) : undefined);
      const problem = mediaUploadProblem({ type, size: blob.size, animated });
      if (problem !== undefined) {
        const Kind = problem.includes(" at most ") ? RangeError : TypeError; // too large, or not a type the API takes
        throw new Kind(`media.upload: ${problem}`);
      }
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", known?.mimeType ?? "");
      form.set("file", blob, options.filename ?? `upload.${(known?.mimeType ?? "").split("/")[1] ?? "bin"}`);
      const json = await call({ url: `${base}/${version}/${phoneNumberId}/media`, method: "POST", headers: auth, body: form }, uploaded);
      return { id: (json as { id: string }).id };
    },
    get,
    async download(media) {
      const id = typeof media === "string" ? (/^\d+$/.test(media) ? media : undefined) : media.id;
      const given = typeof media === "string" ? (id === undefined ? media : undefined) : media.url;
      const first = given ?? (await get(id as string)).url;
      const file = await fetchFile(first);
      if (file !== undefined) return file;
      if (id === undefined)
        throw new UnexpectedResponseError(
          404,
          "",
          "",
          "a media URL that has expired (they last 5 minutes); pass the media id to look it up again",
        );
      const again = await fetchFile((await get(id)).url);
      if (again === undefined) throw new UnexpectedResponseError(404, "", "", `no file for media ${id}, even at a fresh URL`);
      return again;
    },
    async delete(id) {
      return (await call({ url: objectUrl(id), method: "DELETE", headers: auth }, deleted)) as { success: boolean };
    },
  };
  return Object.freeze(media);
}

/** The data as a Blob of `type`, reading a stream only up to `cap` bytes (then the size says it is too large). */
async function toBlob(data: MediaData, type: string, cap: number): Promise<Blob> {
  if (data instanceof Blob) return data.type === type ? data : new Blob([data], { type });
  if (data instanceof Uint8Array || data instanceof ArrayBuffer) return new Blob([data], { type });
  if (data === null || typeof (data as { getReader?: unknown }).getReader !== "function")
    throw new TypeError("media.upload: data must be a Blob, a Uint8Array, an ArrayBuffer or a ReadableStream");
  const reader = data.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= cap) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return new Blob(chunks, { type });
}
