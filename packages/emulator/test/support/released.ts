import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "@jest/globals";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../src/index.js";

/** Something a test started (an emulator, a receiver) and must release before the next test. */
export interface Releasable {
  close(): Promise<void>;
}

/** The list a test file pushes what it starts onto: after each test, everything on it is closed, last started first. */
export function releasedAfterEach(): Releasable[] {
  const open: Releasable[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });
  return open;
}

/** startEmulator, the emulator pushed onto `open` so that it is closed after the test. */
export async function startReleased(open: Releasable[], options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator(options);
  open.push(emulator);
  return emulator;
}

/** Listens on a free loopback port, the server pushed onto `open`; returns its base URL (`http://127.0.0.1:port`). */
export async function listenReleased(open: Releasable[], server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  open.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Kept-alive connections (the emulator's, a test's fetch) would hold close() for their idle timeout.
        server.closeAllConnections();
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
