import { runEmulatorCommand } from "../../src/index.js";

/**
 * Runs `wacompose emulator` with `args`, calls `act` with its URL and the lines so far (the banner) once it listens, then stops it
 * as Ctrl+C would (also when `act` throws). Resolves with the exit code and every line written:
 * a request's line is written before its answer, so it is there once `act`'s requests have answered.
 */
export async function commandLines(
  args: readonly string[],
  act: (url: string, lines: readonly string[]) => Promise<void>,
): Promise<{ readonly code: number; readonly lines: string[] }> {
  const lines: string[] = [];
  const stop = new AbortController();
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => {
    listening = resolve;
  });
  const done = runEmulatorCommand(args, {
    write: (text) => {
      lines.push(...text.split("\n"));
      const found = /^wacompose emulator listening at (\S+)$/.exec(lines[0] ?? "")?.[1] ?? /"url":"([^"]+)"/.exec(lines[0] ?? "")?.[1];
      if (found !== undefined) listening(found);
    },
    signal: stop.signal,
  });
  let failure: { readonly error: unknown } | undefined;
  try {
    // A start that fails (a usage mistake) ends `done` before any URL: its rejection is the test's error.
    const listeningAt = await Promise.race([
      url,
      done.then((code) => Promise.reject(new Error(`the command ended (${code}) before listening`))),
    ]);
    await act(listeningAt, lines);
  } catch (error) {
    failure = { error };
  }
  stop.abort();
  const code = await done; // the emulator has closed: nothing is left running, whatever `act` did
  if (failure !== undefined) throw failure.error;
  return { code, lines };
}
