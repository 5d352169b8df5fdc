import { createHash, randomBytes, randomInt } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { graphErrorCodes, isAnimatedWebp, limits, mediaKindOf, mediaUploadProblem } from "@wacompose/builder";
import { graphError } from "./graph.js";
import { json, readBody, refuse } from "./http.js";

/** One stored upload. */
interface StoredMedia {
  readonly bytes: Buffer;
  readonly mimeType: string;
  readonly sha256: string;
  /** The download URL handed out last, and until when it works. */
  readonly urls: Map<string, number>;
}

const upload = /^\/v\d+\.\d+\/(\d+)\/media\/?$/;
const object = /^\/v\d+\.\d+\/(\d+)\/?$/;
const download = /^\/__media\/(\d+)$/;
/** Multipart framing around the largest file the API takes. */
const maxUploadBytes = limits.media.bytes.document + (1 << 20);

/** How many uploads, and how many bytes of them, the store keeps: past either, it forgets the oldest (the newest always stays). */
export interface MediaBounds {
  readonly uploads: number;
  readonly bytes: number;
}
/** A long run's uploads do not grow without end: 1,000 files, and 256 MB (two of the largest documents). */
const defaultBounds: MediaBounds = { uploads: 1000, bytes: 256 << 20 };
/** Download URLs kept per file: each look-up hands out a new one, and a client that polls must not grow the store. */
const maxUrlsPerMedia = 100;

/**
 * The media endpoints [inbound.md §2, M-media]: upload (`POST /{phone-number-id}/media`, multipart,
 * with the client's type and size rules), look up (`GET /{media-id}`: a download URL that expires),
 * download (with the bearer token), delete. Ogg audio must really be Opus and a WebP's size limit
 * follows what its bytes say (animated or not), as the API checks the file, not the declaration.
 */
export class MediaStore {
  /** Oldest first (a Map keeps insertion order). */
  readonly #media = new Map<string, StoredMedia>();
  readonly #urlTtlMs: number;
  /** The emulator's clock: a URL expires when tests advance it (`emulator.clock.advance("6m")`), not only in real time. */
  readonly #now: () => number;
  readonly #bounds: MediaBounds;
  #bytes = 0;
  /** How many uploads were forgotten to stay within the bounds: a look-up that finds nothing says so. */
  #forgotten = 0;

  constructor(urlTtlMs: number, now: () => number = Date.now, bounds: MediaBounds = defaultBounds) {
    this.#urlTtlMs = urlTtlMs;
    this.#now = now;
    this.#bounds = bounds;
  }

  /** Whether `path` is a media endpoint. */
  static serves(method: string | undefined, path: string): boolean {
    return (
      (method === "POST" && upload.test(path)) ||
      ((method === "GET" || method === "DELETE") && object.test(path)) ||
      (method === "GET" && download.test(path))
    );
  }

  /**
   * Answers a media request that passed the door (token, host); `phoneNumberOk` says whether
   * the upload's phone-number id is served; `baseUrl` is where download URLs point.
   */
  async handle(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    baseUrl: string,
    phoneNumberOk: (id: string) => boolean,
  ): Promise<void> {
    const uploadTo = upload.exec(path)?.[1];
    if (request.method === "POST" && uploadTo !== undefined) {
      if (!phoneNumberOk(uploadTo))
        return json(response, 400, graphError(graphErrorCodes.invalidParameter, `the emulator does not serve phone-number id ${uploadTo}`));
      return this.#upload(request, response);
    }
    const file = download.exec(path)?.[1];
    if (file !== undefined) return this.#download(request, response, file);
    const id = object.exec(path)?.[1] as string;
    const stored = this.#media.get(id);
    if (stored === undefined)
      return json(
        response,
        400,
        graphError(
          graphErrorCodes.invalidParameter,
          `no media with id ${id} (deleted, or never uploaded here${this.#forgottenNote()})`,
          undefined,
          33,
        ),
      );
    if (request.method === "DELETE") {
      this.#forget(id, stored);
      return json(response, 200, { success: true });
    }
    const token = randomBytes(12).toString("hex");
    const now = this.#now();
    for (const [old, until] of stored.urls) if (now > until) stored.urls.delete(old);
    stored.urls.set(token, now + this.#urlTtlMs);
    if (stored.urls.size > maxUrlsPerMedia) stored.urls.delete(stored.urls.keys().next().value as string);
    return json(response, 200, {
      messaging_product: "whatsapp",
      url: `${baseUrl}/__media/${id}?token=${token}`,
      mime_type: stored.mimeType,
      sha256: stored.sha256,
      file_size: stored.bytes.length,
      id,
    });
  }

  async #upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const contentType = request.headers["content-type"] ?? "";
    if (!contentType.startsWith("multipart/form-data"))
      return refuse(response, 415, graphError(graphErrorCodes.invalidParameter, "an upload is multipart/form-data"));
    const body = await readBody(request, maxUploadBytes);
    if (body === undefined) return refuse(response, 413, graphError(graphErrorCodes.mediaUpload, `over ${maxUploadBytes} bytes`));
    let form: FormData;
    try {
      form = await new Request("http://emulator/", { method: "POST", headers: { "content-type": contentType }, body }).formData();
    } catch {
      return json(response, 400, graphError(graphErrorCodes.invalidParameter, "the multipart body could not be read"));
    }
    const file = form.get("file");
    if (form.get("messaging_product") !== "whatsapp")
      return json(response, 400, graphError(graphErrorCodes.requiredParameterMissing, 'messaging_product must be "whatsapp"'));
    if (!(file instanceof Blob)) return json(response, 400, graphError(graphErrorCodes.requiredParameterMissing, "file is required"));
    const bytes = Buffer.from(await file.arrayBuffer());
    const declared = String(form.get("type") ?? file.type ?? "");
    const kind = mediaKindOf(declared);
    // The API judges the file: Ogg audio must carry an Opus stream, a WebP's limit depends on its animation.
    const opus = kind?.mimeType === "audio/ogg" && bytes.subarray(0, 512).includes("OpusHead") ? "; codecs=opus" : "";
    const problem = mediaUploadProblem({
      type: kind?.mimeType === "audio/ogg" ? `${kind.mimeType}${opus}` : declared,
      size: bytes.length,
      animated: kind?.kind === "sticker" && isAnimatedWebp(bytes.subarray(0, 64)),
    });
    if (problem !== undefined) return json(response, 400, graphError(graphErrorCodes.mediaUpload, problem));
    const id = `1${String(randomInt(0, 10 ** 14)).padStart(14, "0")}`; // 15 digits, like the API's
    this.#media.set(id, {
      bytes,
      mimeType: kind?.mimeType ?? declared,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      urls: new Map(),
    });
    this.#bytes += bytes.length;
    while (this.#media.size > this.#bounds.uploads || (this.#bytes > this.#bounds.bytes && this.#media.size > 1)) {
      const [oldest, stored] = this.#media.entries().next().value as [string, StoredMedia];
      this.#forget(oldest, stored);
      this.#forgotten++;
    }
    return json(response, 200, { id });
  }

  #forget(id: string, stored: StoredMedia): void {
    this.#media.delete(id);
    this.#bytes -= stored.bytes.length;
  }

  /** Said where a file is not found, once the store has forgotten any. */
  #forgottenNote(): string {
    return this.#forgotten === 0
      ? ""
      : `, or forgotten: the emulator keeps the newest ${this.#bounds.uploads} uploads, at most ${this.#bounds.bytes >> 20} MB, and has forgotten ${this.#forgotten}`;
  }

  #download(request: IncomingMessage, response: ServerResponse, id: string): void {
    const stored = this.#media.get(id);
    const token = new URL(request.url ?? "/", "http://emulator").searchParams.get("token") ?? "";
    const until = stored?.urls.get(token);
    if (stored === undefined || until === undefined || this.#now() > until) {
      json(
        response,
        404,
        graphError(
          graphErrorCodes.invalidParameter,
          `this media URL has expired (they last ${durationText(this.#urlTtlMs)}) or never existed${this.#forgottenNote()}`,
        ),
      );
    } else {
      response.writeHead(200, { "Content-Type": stored.mimeType, "Content-Length": stored.bytes.length });
      response.end(stored.bytes);
    }
  }
}

/** A URL's lifetime as the 404 says it: "5 minutes", "90 seconds", "1500 ms". */
function durationText(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} minute${ms === 60_000 ? "" : "s"}`;
  if (ms % 1000 === 0) return `${ms / 1000} second${ms === 1000 ? "" : "s"}`;
  return `${ms} ms`;
}
