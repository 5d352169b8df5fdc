import { expect } from "@jest/globals";
import type { Emulator } from "../../src/index.js";

/** A two-line client (transport-fetch depends on this package, so it is not used here): sends, expects a 200. */
export const messageClient = (emulator: Emulator) => ({
  async send(message: { build(): unknown }): Promise<{ messages: { id: string }[] }> {
    const response = await fetch(`${emulator.url}/v26.0/106540352242922/messages`, {
      method: "POST",
      headers: { Authorization: "Bearer test-token", "Content-Type": "application/json" },
      body: JSON.stringify(message.build()),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { messages: { id: string }[] };
  },
});
