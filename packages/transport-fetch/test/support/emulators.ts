import { afterEach } from "@jest/globals";
import { type Emulator, type EmulatorOptions, startEmulator } from "@wacompose/emulator";

/**
 * `start(options)` for one test file: an emulator with `defaults` under `options`, closed after
 * each test whether it passed or not, so no test leaves a server listening.
 */
export function emulatorsClosedAfterEach(defaults: EmulatorOptions) {
  let started: Emulator[] = [];
  afterEach(async () => {
    const closing = started;
    started = [];
    await Promise.all(closing.map((emulator) => emulator.close()));
  });
  return async function start(options: EmulatorOptions = {}): Promise<Emulator> {
    const emulator = await startEmulator({ ...defaults, ...options });
    started.push(emulator);
    return emulator;
  };
}
