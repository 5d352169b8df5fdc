import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { startBot } from "../../../examples/bot.js";
import { createClient } from "../src/index.js";

// The example bot against the emulator: a user opts out, the bot's preference reducer says "stop", and the
// bot's own guard refuses the marketing send (nothing reaches the API); after "resume" it goes out.
describe("the example bot keeps marketing away from a user who opted out", () => {
  it("optsOut → stop → refused before the API; optsIn → resume → sent", async () => {
    const secrets = { appSecret: "bot-opt-out-secret", verifyToken: "bot-opt-out-verify" };
    const lines: string[] = [];
    const bot = await startBot(secrets, (line) => lines.push(line));
    const emulator = await startEmulator({ webhook: { url: bot.url, ...secrets, retryDelaysMs: [5, 10] } }).catch(
      async (error: unknown) => {
        await bot.close();
        throw error;
      },
    );
    try {
      const user = "16505551234";
      bot.answerWith(
        createClient({ phoneNumberId: "106540352242922", accessToken: "test-token", version: "v23.0", baseUrl: emulator.url }),
      );
      const promo = msg.to(user).template("spring_sale").language("en_US");

      emulator.user(user).optsOut();
      await emulator.webhooks.idle();
      expect(bot.preferences.get(user)?.value).toBe("stop");
      expect(await bot.sendMarketing(user, promo)).toEqual({ sent: false, reason: `${user} opted out of marketing messages` });
      expect(emulator.received).toHaveLength(0);
      expect(lines).toContain(`bot ✗ marketing to ${user} refused: they opted out`);

      emulator.clock.advance("1m");
      emulator.user(user).optsIn();
      await emulator.webhooks.idle();
      expect(bot.preferences.get(user)?.value).toBe("resume");
      expect(await bot.sendMarketing(user, promo)).toEqual({ sent: true, id: expect.stringMatching(/^wamid\./) });
      expect(emulator.received).toHaveLength(1);
    } finally {
      await emulator.close();
      await bot.close();
    }
  });
});
