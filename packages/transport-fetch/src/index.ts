export {
  bodyOf,
  type Client,
  type ClientOptions,
  createClient,
  type FetchLike,
  type MarkReadResult,
  type ResponseLike,
  type Sendable,
  type SendResult,
} from "./client.js";
export {
  GraphApiError,
  type GraphErrorBody,
  isGraphApiError,
  isTransportError,
  NetworkError,
  TimeoutError,
  TransportError,
  UnexpectedResponseError,
} from "./errors.js";
export type { Download, DownloadOptions, Media, MediaData, MediaInfo, UploadOptions } from "./media.js";
export type { RetryOptions } from "./retry.js";
export type { SendManyOptions, SendManyResult } from "./send-many.js";
