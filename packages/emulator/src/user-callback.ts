import { logText } from "./log-text.js";

/** The most of what a callback threw that its stderr line shows. */
const maxFaultChars = 500;

/**
 * Calls one of the user's callbacks (`onRequest`, `onRefused`, `webhook.onAttempt`) so that a
 * callback that throws, or returns a promise that rejects, changes nothing the emulator does: the
 * answer the client gets, what `received` and the delivery log keep, whether a webhook counts as
 * delivered. Otherwise an accepted message would be answered 500 (code 1, which retry policies
 * retry: the app sends it twice) and a 401 would become a 500. What it threw is not swallowed: one
 * line on stderr, as the CLI reports its own faults, naming the callback.
 */
export function callUserCallback<Args extends readonly unknown[]>(
  name: string,
  callback: ((...args: Args) => unknown) | null | undefined,
  ...args: Args
): void {
  // null too, as `options.onRequest?.(…)` skipped it before: `onRequest: verbose ? log : null` is no fault per request.
  if (callback == null) return;
  try {
    const result = callback(...args);
    // An async callback's rejection would otherwise be unhandled, which ends the process.
    if (typeof (result as PromiseLike<unknown> | null | undefined)?.then === "function")
      Promise.resolve(result).catch((error: unknown) => reportFault(name, error));
  } catch (error) {
    reportFault(name, error);
  }
}

function reportFault(name: string, error: unknown): void {
  process.stderr.write(
    `wacompose emulator: ${name} threw, ignored (the answer and the records are as if it had not): ${faultText(error)}\n`,
  );
}

/** What was thrown, on one line: read by shape (an error from another realm is one too); never throws itself. */
function faultText(error: unknown): string {
  let text: string;
  try {
    const { name, message } = (typeof error === "object" && error !== null ? error : {}) as { name?: unknown; message?: unknown };
    text = typeof message === "string" ? `${typeof name === "string" ? name : "Error"}: ${message}` : String(error);
  } catch {
    text = "a value that cannot be printed";
  }
  return logText(text, maxFaultChars);
}
