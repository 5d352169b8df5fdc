// The errors a caller catches, exported alike by the package's entry point and by its `/templates` one.
export {
  GraphApiError,
  isGraphApiError,
  isTransportError,
  NetworkError,
  TimeoutError,
  TransportError,
  UnexpectedResponseError,
} from "./errors.js";
