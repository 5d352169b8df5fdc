import { TimeoutError } from "./errors.js";

/**
 * Starts a request's deadline: at `timeoutMs`, `controller` is aborted and `expire` is called with a TimeoutError
 * naming the redacted `url`. The caller clears the timer it returns when the request ends first (clearing a timer that
 * fired does nothing). A send's attempt and a download both race their reads against it, so a fetch or a body stream
 * deaf to the abort still ends. One closure per request, the timer's own, as before there was a helper: handing
 * setTimeout the arguments instead (no closure) measured slower, Node copying them into an array.
 */
export const startDeadline = (
  timeoutMs: number,
  controller: AbortController,
  expire: (error: TimeoutError) => void,
  redact: (text: string) => string,
  url: string,
): ReturnType<typeof setTimeout> =>
  setTimeout(() => {
    controller.abort();
    expire(new TimeoutError(timeoutMs, redact(url)));
  }, timeoutMs);
