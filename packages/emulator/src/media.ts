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

/**
 * The media endpoints [inbound.md §2, M-media]: upload (`POST /{phone-number-id}/media`, multipart,
 * with the client's type and size rules), look up (`GET /{media-id}`: a download URL that expires),
 * download (with the bearer token), delete. Ogg audio must really be Opus and a WebP's size limit
 * follows what its bytes say (animated or not), as the API checks the file, not the declaration.
 */
export class MediaStore {
  readonly #media = new Map<string, StoredMedia>();
  readonly #urlTtlMs: number;
  /** The emulator's clock: a URL expires when tests advance it (`emulator.clock.advance("6m")`), not only in real time. */
  readonly #now: () => number;

  constructor(urlTtlMs: number, now: () => number = Date.now) {
    this.#urlTtlMs = urlTtlMs;
    this.#now = now;
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
        graphError(graphErrorCodes.invalidParameter, `no media with id ${id} (deleted, or never uploaded here)`, undefined, 33),
      );
    if (request.method === "DELETE") {
      this.#media.delete(id);
      return json(response, 200, { success: true });
    }
    const token = randomBytes(12).toString("hex");
    stored.urls.set(token, this.#now() + this.#urlTtlMs);
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
    return json(response, 200, { id });
  }

  #download(request: IncomingMessage, response: ServerResponse, id: string): void {
    const stored = this.#media.get(id);
    const token = new URL(request.url ?? "/", "http://emulator").searchParams.get("token") ?? "";
    const until = stored?.urls.get(token);
    if (stored === undefined || until === undefined || this.#now() > until) {
      json(
        response,
        404,
        graphError(graphErrorCodes.invalidParameter, "this media URL has expired (they last 5 minutes) or never existed"),
      );
    } else {
      response.writeHead(200, { "Content-Type": stored.mimeType, "Content-Length": stored.bytes.length });
      response.end(stored.bytes);
    }
  }
}
