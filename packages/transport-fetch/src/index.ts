export * from "./caught-errors.js";
export {
  bodyOf,
  type Client,
  type ClientOptions,
  createClient,
  type MarkReadResult,
  type Sendable,
  type SendResult,
} from "./client.js";
export type { ConnectionOptions, FetchLike, RequestPathOptions, SenderOptions } from "./core.js";
export { createMedia, type MediaOptions } from "./create-media.js";
export type { GraphErrorBody } from "./errors.js";
export type { Download, DownloadOptions, Media, MediaData, MediaInfo, UploadOptions } from "./media.js";
export type { ResponseLike } from "./read-answer.js";
export { type RetryOptions, type RetryPolicy, retryWhenNotAccepted } from "./retry.js";
export { type SendManyOptions, type SendManyResult, sendMany } from "./send-many.js";
export { createSender, type Sender } from "./sender.js";
