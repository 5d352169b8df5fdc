import { graphBaseUrl, objectArgument } from "@wacompose/builder";
import { classifyBriefly } from "./classify-briefly.js";
import { type Core, openCore, type SenderOptions } from "./core.js";
import { type Media, mediaClient } from "./media.js";
import { senderOptionKeys } from "./options.js";
import { retryOption, waitOf } from "./retry-option.js";

/** What `createMedia` is given: a sender's options, and where downloads may take the token. */
export interface MediaOptions extends SenderOptions {
  /** Origins besides `baseUrl`'s that downloads may send the token to; default Meta's (`metaMediaOrigins`). */
  readonly mediaOrigins?: readonly string[] | undefined;
}

/**
 * The media endpoints on their own (upload checked before any request, look up, download, delete),
 * with `createSender`'s request path: every safety, retries only with a `retry` policy, a
 * `GraphApiError` classified from the retryable codes, a bad token's codes and the HTTP status. `createClient().media` is
 * the same with the client's options; import this beside `createSender` to keep a bundle small.
 *
 * @example
 * const media = createMedia({ phoneNumberId: "1065…", accessToken: process.env.WHATSAPP_ACCESS_TOKEN! });
 * const { id } = await media.upload(await fs.openAsBlob("receipt.png"), { type: "image/png" });
 */
export function createMedia(options: MediaOptions): Media {
  const where = "createMedia";
  const retry = retryOption(where, objectArgument(options, where, [...senderOptionKeys, "mediaOrigins"]).retry);
  return mediaOverCore(where, openCore(where, options, classifyBriefly, retry, waitOf(retry)), options);
}

/** The media endpoints over an opened request path: how `createMedia` and `createClient().media` both wire them. */
export function mediaOverCore(where: string, core: Core, options: Pick<MediaOptions, "mediaOrigins">): Media {
  const { target, version, call, fetch, timeoutMs, redact } = core;
  return mediaClient({
    where,
    phoneNumberId: target.phoneNumberId,
    accessToken: target.accessToken,
    version,
    baseUrl: target.baseUrl ?? graphBaseUrl,
    call,
    fetch,
    timeoutMs,
    redact,
    mediaOrigins: options.mediaOrigins,
  });
}
