import {
  checkTokenOrigins,
  isAnimatedWebp,
  mediaKindOf,
  mediaLimits,
  mediaUploadProblem,
  metaMediaOrigins,
  tokenDestinationProblem,
} from "@wacompose/builder";
import type { Answer, ApiRequest, FetchLike } from "./client.js";
import { startDeadline } from "./deadline.js";
import { TimeoutError, UnexpectedResponseError } from "./errors.js";
import { networkError } from "./network-error.js";
import { checkNumberOption } from "./options.js";
import { own } from "./own.js";

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

/**
 * A download: the bytes as a stream, their type and size. Reading the stream is bounded: it errors
 * with a `TimeoutError` when the whole file has not arrived within the client's `timeoutMs`, and
 * with a RangeError past `maxBytes`.
 */
export interface Download {
  readonly body: ReadableStream<Uint8Array>;
  readonly mimeType: string;
  /** The file's size in bytes: `file_size` from `GET /{media-id}`, else the answer's Content-Length; undefined when neither said. */
  readonly size: number | undefined;
  /** The most the stream will yield before it errors. */
  readonly maxBytes: number;
}

export interface DownloadOptions {
  /**
   * The largest file read; default the media kind's limit (`limits.media.bytes`: image 5 MB, audio
   * and video 16 MB, document 100 MB, sticker 500 KB; 100 MB for a type the API does not list),
   * and never more than `file_size` plus 1% and 4 KiB when the API said it.
   */
  readonly maxBytes?: number;
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
   * The token goes only to the configured Graph origin and to Meta's media hosts over https
   * (`metaMediaOrigins`, or the client's `mediaOrigins`): any other URL, given or answered by
   * `GET /{media-id}`, is a TypeError naming its host, before any request.
   */
  download(media: string | { readonly id: string; readonly url?: string }, options?: DownloadOptions): Promise<Download>;
  delete(id: string): Promise<{ readonly success: boolean }>;
}

interface Context {
  /** Who was given the options, named in the TypeError a bad one throws. */
  readonly where: string;
  readonly phoneNumberId: string;
  readonly accessToken: string;
  readonly version: string;
  readonly baseUrl: string;
  readonly call: (request: ApiRequest, answer: Answer) => Promise<unknown>;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly redact: (text: string) => string;
  /** Where downloads may take the token besides `baseUrl`'s origin; default `metaMediaOrigins`. */
  readonly mediaOrigins?: readonly string[] | undefined;
}

/** What a file may exceed its announced `file_size` by: 1% and 4 KiB. */
const fileSizeSlack = (fileSize: number): number => Math.ceil(fileSize / 100) + 4096;

/** The largest file of a media type: its kind's limit, the largest sticker's for WebP, a document's for a type the API does not list. */
function kindLimit(mimeType: string): { readonly bytes: number; readonly what: string } {
  const kind = mediaKindOf(mimeType)?.kind;
  if (kind === undefined) return { bytes: mediaLimits.bytes.document, what: "a file of a type the API does not list" };
  if (kind === "sticker") return { bytes: mediaLimits.bytes.animatedSticker, what: "a sticker" };
  return { bytes: mediaLimits.bytes[kind], what: `${kind === "image" || kind === "audio" ? "an" : "a"} ${kind}` };
}

const bytes = (n: number): string => `${n.toLocaleString("en")} bytes`;

const uploaded: Answer = { holds: (json) => typeof own(json, "id") === "string", missing: "no media id" };
const described: Answer = { holds: (json) => typeof own(json, "url") === "string", missing: "no media url" };
const deleted: Answer = { holds: (json) => typeof own(json, "success") === "boolean", missing: "no success" };

/** The media endpoints of one phone number's client. */
export function mediaClient(context: Context): Media {
  const { phoneNumberId, accessToken, version, call } = context;
  const base = context.baseUrl.replace(/\/+$/, "");
  const auth = { Authorization: `Bearer ${accessToken}` };
  const objectUrl = (id: string): string => {
    if (typeof id !== "string" || !/^\d+$/.test(id)) throw new TypeError(`media: a media id is digits, got ${JSON.stringify(id)}`);
    return `${base}/${version}/${id}?phone_number_id=${phoneNumberId}`;
  };

  const origins =
    context.mediaOrigins === undefined ? metaMediaOrigins : checkTokenOrigins(`${context.where}: mediaOrigins`, context.mediaOrigins);
  /** Throws unless the token may go to `url` (the Graph origin, or a media host over https). */
  const checkDestination = (url: unknown, whose: string): string => {
    const problem = tokenDestinationProblem(String(url), { graphOrigin: base, allowed: origins });
    if (problem !== undefined || typeof url !== "string")
      throw new TypeError(`media.download: ${whose} ${context.redact(problem ?? "is not a string")}`);
    return url;
  };

  /** `GET /{media-id}`, and `file_size` when the API gave a usable one. */
  const describe = async (id: string): Promise<{ readonly info: MediaInfo; readonly fileSize: number | undefined }> => {
    const json = (await call({ url: objectUrl(id), method: "GET", headers: auth }, described)) as {
      id?: string;
      url: string;
      mime_type?: string;
      sha256?: string;
      file_size?: number | string;
    };
    // Each field its own: one the API did not send must not come from a polluted prototype.
    const field = <K extends keyof typeof json>(key: K): (typeof json)[K] | undefined => own(json, key) as (typeof json)[K] | undefined;
    // Read and converted once: the bound and the size told must be one value, whatever answered (a retry policy's).
    const given = field("file_size");
    const size = Number(given ?? Number.NaN);
    const info = {
      id: field("id") ?? id,
      url: json.url,
      mimeType: field("mime_type") ?? "",
      sha256: field("sha256") ?? "",
      fileSize: given == null ? 0 : size,
    };
    return { info, fileSize: Number.isSafeInteger(size) && size >= 0 ? size : undefined };
  };
  const get = async (id: string): Promise<MediaInfo> => (await describe(id)).info;

  /**
   * GET `url` with the token; the answer's stream, bounded in time (the body included) and size,
   * or undefined on 404 (an expired URL).
   */
  const fetchFile = async (
    url: string,
    known: { readonly url: string; readonly mimeType?: string; readonly fileSize?: number | undefined },
    maxBytes: number | undefined,
  ): Promise<Download | undefined> => {
    const controller = new AbortController();
    const timedOut = (): TimeoutError => new TimeoutError(context.timeoutMs, context.redact(url));
    // Fetch and every read of the file raced against the timer: a fetch or a stream that ignores the signal still ends.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = startDeadline(context.timeoutMs, controller, reject, context.redact, url);
    });
    // Nobody may be racing it when it fires (a download handed over and never read): not an unhandled rejection.
    expired.catch(() => {});
    const failed = (error: unknown): TimeoutError | Error =>
      controller.signal.aborted ? timedOut() : networkError(error, context.redact, url);
    let streaming = false;
    try {
      const response = (await Promise.race([
        context.fetch(url, { method: "GET", headers: auth, signal: controller.signal, redirect: "manual" }).catch((error: unknown) => {
          throw failed(error);
        }),
        expired,
      ])) as Response;
      const drop = () => response.body?.cancel().catch(() => {});
      if (response.status === 404) {
        drop();
        return undefined;
      }
      if (response.status >= 300 && response.status < 400) {
        drop();
        const location = response.headers.get("location");
        throw new UnexpectedResponseError(
          response.status,
          context.redact(response.statusText),
          "",
          `a redirect to ${location === null ? "nowhere" : context.redact(location)}, not followed (the token goes to Meta's hosts only)`,
        );
      }
      if (response.status !== 200 || response.body === null) {
        drop();
        throw new UnexpectedResponseError(response.status, context.redact(response.statusText), "", "no media file");
      }
      const mimeType = response.headers.get("content-type") ?? "";
      const limit = kindLimit(known.mimeType || mimeType);
      const cap = Math.min(
        maxBytes ?? limit.bytes,
        known.fileSize === undefined ? Number.POSITIVE_INFINITY : known.fileSize + fileSizeSlack(known.fileSize),
      );
      const why = maxBytes === undefined ? `the limit for ${limit.what}` : "maxBytes";
      const declared = Number(response.headers.get("content-length") ?? Number.NaN);
      if (declared > cap) {
        drop();
        throw new RangeError(`media.download: the file is ${bytes(declared)} (Content-Length), over ${bytes(cap)} (${why}); not read`);
      }
      const body = bounded(response.body, cap, {
        expired,
        done: () => clearTimeout(timer),
        failed,
        tooLarge: () =>
          new RangeError(
            `media.download: the file is over ${bytes(cap)} (${known.fileSize === undefined ? why : `file_size ${bytes(known.fileSize)} and some slack`}); not read further`,
          ),
      });
      streaming = true;
      const size = known.fileSize ?? (Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined);
      return { body, mimeType, size, maxBytes: cap };
    } finally {
      // Once the stream is handed over, the timer runs on until it is read to its end or cancelled.
      if (!streaming) clearTimeout(timer);
    }
  };

  const media: Media = {
    async upload(data: MediaData, options: UploadOptions) {
      const type = options?.type;
      const known = typeof type === "string" ? mediaKindOf(type) : undefined;
      // Read no more than the largest size allowed for the type: an oversized stream stops there.
      const cap = (known?.kind === "sticker" ? mediaLimits.bytes.animatedSticker : mediaLimits.bytes[known?.kind ?? "document"]) + 1;
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
    async download(media, downloadOptions = {}) {
      const maxBytes =
        downloadOptions.maxBytes === undefined
          ? undefined
          : checkNumberOption("media.download: maxBytes", downloadOptions.maxBytes, 1, Number.MAX_SAFE_INTEGER, true);
      if (typeof media !== "string" && (typeof media !== "object" || media === null))
        throw new TypeError("media.download: give a media id, a media URL or { id, url }");
      const id = typeof media === "string" ? (/^\d+$/.test(media) ? media : undefined) : media.id;
      const given = typeof media === "string" ? (id === undefined ? media : undefined) : media.url;
      const lookUp = async (): Promise<{ url: string; mimeType: string; fileSize: number | undefined }> => {
        const { info, fileSize } = await describe(id as string);
        const url = checkDestination(info.url, `the URL that GET /${id} answered:`);
        if (fileSize !== undefined && maxBytes === undefined && fileSize > kindLimit(info.mimeType).bytes)
          throw new RangeError(
            `media.download: media ${id} is ${bytes(fileSize)} (file_size), over the limit for ${kindLimit(info.mimeType).what} (${bytes(kindLimit(info.mimeType).bytes)}); pass maxBytes to read it`,
          );
        if (fileSize !== undefined && maxBytes !== undefined && fileSize > maxBytes)
          throw new RangeError(`media.download: media ${id} is ${bytes(fileSize)} (file_size), over maxBytes (${bytes(maxBytes)})`);
        return { url, mimeType: info.mimeType, fileSize };
      };
      const first = given === undefined ? await lookUp() : { url: checkDestination(given, "the URL given:") };
      const file = await fetchFile(first.url, first, maxBytes);
      if (file !== undefined) return file;
      if (id === undefined)
        throw new UnexpectedResponseError(
          404,
          "",
          "",
          "a media URL that has expired (they last 5 minutes); pass the media id to look it up again",
        );
      const renewed = await lookUp();
      const again = await fetchFile(renewed.url, renewed, maxBytes);
      if (again === undefined) throw new UnexpectedResponseError(404, "", "", `no file for media ${id}, even at a fresh URL`);
      return again;
    },
    async delete(id) {
      return (await call({ url: objectUrl(id), method: "DELETE", headers: auth }, deleted)) as { success: boolean };
    },
  };
  return Object.freeze(media);
}

/**
 * `source`, erroring past `cap` bytes (`tooLarge`) or when it fails (`failed`: the timer's abort
 * becomes a TimeoutError) or when `expired` rejects first (a source deaf to the abort); `done` runs once it ends,
 * errs or is cancelled.
 */
function bounded(
  source: ReadableStream<Uint8Array>,
  cap: number,
  on: {
    readonly expired: Promise<never>;
    readonly done: () => void;
    readonly failed: (error: unknown) => Error;
    readonly tooLarge: () => Error;
  },
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let size = 0;
  // The timer's error ends the read under way, told once: a Promise.race with `expired` per read would leave a reaction
  // on it for every chunk, held until the download ends (a file sent in small chunks grew the heap by hundreds of bytes each).
  let expiredWith: { readonly error: unknown } | undefined;
  let interrupt: ((error: unknown) => void) | undefined;
  on.expired.catch((error: unknown) => {
    expiredWith = { error };
    interrupt?.(error);
  });
  const read = (): Promise<Awaited<ReturnType<typeof reader.read>>> =>
    expiredWith === undefined
      ? new Promise((resolve, reject) => {
          interrupt = reject;
          reader.read().then(resolve, reject);
        })
      : Promise.reject(expiredWith.error);
  return new ReadableStream<Uint8Array>({
    async pull(out) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await read();
      } catch (error) {
        on.done();
        const expired = error instanceof TimeoutError;
        // The source may still be reading: told to stop, though it may not listen.
        if (expired) reader.cancel(error).catch(() => {});
        out.error(expired ? error : on.failed(error));
        return;
      }
      if (chunk.done) {
        on.done();
        out.close();
        return;
      }
      size += chunk.value.byteLength;
      if (size > cap) {
        on.done();
        await reader.cancel().catch(() => {});
        out.error(on.tooLarge());
        return;
      }
      out.enqueue(chunk.value);
    },
    async cancel(reason) {
      on.done();
      await reader.cancel(reason).catch(() => {});
    },
  });
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
