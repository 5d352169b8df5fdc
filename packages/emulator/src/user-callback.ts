import { logText } from "./log-text.js";

/** The most of what a callback threw that its stderr line shows. */
const maxFaultChars = 500;

/** How many faults of one callback get a line of their own on stderr; the rest are counted. */
const printedFaults = 5;

/** The user's callbacks the emulator calls, by the name its stderr lines and `callbackFaults` use. */
export type CallbackName = "onRequest" | "onRefused" | "webhook.onAttempt";

/**
 * Calls the user's callbacks (`onRequest`, `onRefused`, `webhook.onAttempt`) for one emulator so
 * that a callback that throws, or returns a promise that rejects, changes nothing the emulator does:
 * the answer the client gets, what `received` and the delivery log keep, whether a webhook counts as
 * delivered. Otherwise an accepted message would be answered 500 (code 1, which retry policies
 * retry: the app sends it twice) and a 401 would become a 500. What it threw is not swallowed: a line
 * on stderr, as the CLI reports its own faults, naming the callback; past the first few of a callback,
 * one line says the rest are counted (`faults`), so a callback that fails on every request under load
 * does not flood stderr, and `close()` says how many there were in all.
 */
export class UserCallbacks {
  /** How many times each callback threw or rejected since the emulator started. */
  readonly faults: Record<CallbackName, number> = { onRequest: 0, onRefused: 0, "webhook.onAttempt": 0 };

  /**
   * Calls `callback` with what `argsOf` gives: copies made for this call (the callback may change
   * them, the emulator's records stay as they are), and only made when there is a callback.
   */
  call<Args extends unknown[]>(
    name: CallbackName,
    callback: ((...args: Args) => unknown) | null | undefined,
    argsOf: () => NoInfer<Args>,
  ): void {
    // null too, as `options.onRequest?.(…)` skipped it before: `onRequest: verbose ? log : null` is no fault per request.
    if (callback == null) return;
    try {
      const result = callback(...argsOf());
      // An async callback's rejection would otherwise be unhandled, which ends the process.
      if (typeof (result as PromiseLike<unknown> | null | undefined)?.then === "function")
        Promise.resolve(result).catch((error: unknown) => this.#fault(name, error));
    } catch (error) {
      this.#fault(name, error);
    }
  }

  /** At close: one line per callback whose faults were not all printed, with their number. */
  reportUnprinted(): void {
    for (const [name, count] of Object.entries(this.faults))
      if (count > printedFaults)
        process.stderr.write(`wacompose emulator: ${name} threw ${count} times in all (the first ${printedFaults} shown above)\n`);
  }

  #fault(name: CallbackName, error: unknown): void {
    const count = ++this.faults[name];
    if (count <= printedFaults)
      process.stderr.write(
        `wacompose emulator: ${name} threw, ignored (the answer and the records are as if it had not): ${faultText(error)}\n`,
      );
    else if (count === printedFaults + 1)
      process.stderr.write(
        `wacompose emulator: ${name} threw again; further faults of ${name} are counted, not printed (emulator.callbackFaults; the total when the emulator closes)\n`,
      );
  }
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
