// Browser check, run by `pnpm test`: the emulator plays the user's side. A receiver built with
// @wacompose/webhooks gets its signed webhooks; in headless Chromium (driven over the DevTools
// protocol), a reply button on the inbox page is tapped with a real mouse click and a reply is
// typed, and the receiver must get a button_reply whose context.id is the wamid of the message
// that offered it, then the text; "redeliver" in the page's delivery log sends it again.
// Prints "N passed, N failed".
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { msg } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { createClient } from "@wacompose/transport-fetch";
import { nodeWebhookHandler, type WebhookEvent } from "@wacompose/webhooks";
import { checker, chromium, type Page, withPage } from "./browser.js";

const { check, summary } = checker("conversation");
if (chromium === undefined) {
  check("chromium is installed (apt-get install chromium)", false);
  process.exit(summary());
}

const events: WebhookEvent[] = [];
const secrets = { appSecret: "conversation-secret", verifyToken: "conversation-verify" };
const server = createServer(nodeWebhookHandler({ ...secrets, onEvents: (batch) => void events.push(...batch) }));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const emulator = await startEmulator({
  accessToken: "conversation-token",
  webhook: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, ...secrets },
});
const wa = createClient({ phoneNumberId: "106540352242922", accessToken: "conversation-token", baseUrl: emulator.url });

/** Polls until `found` returns something, for at most `seconds` (bounded: a loaded host is slow, never stuck). */
async function until<T>(found: () => T | undefined | Promise<T | undefined>, seconds = 60): Promise<T | undefined> {
  for (let i = 0; i < seconds * 10; i++) {
    const value = await found();
    if (value !== undefined && value !== null && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

try {
  emulator.user("16505551234", "Ana").says("hi");
  const offer = await wa.send(msg.to("+16505551234").buttons("When should we deliver?").reply("am", "Morning").reply("pm", "Afternoon"));
  const offered = offer.messages[0]?.id ?? "";
  await emulator.webhooks.idle();

  await withPage(`${emulator.url}/`, async (page: Page) => {
    const shown = await until(() => page.evaluate<boolean>(`!!document.querySelector('.wa-tap[data-id="pm"]')`));
    check("the inbox offers the message's reply buttons to tap", shown === true);
    const ticks = await until(() =>
      page.evaluate<string | null>(`document.querySelector('.wa-entry[data-wamid="${offered}"] .wa-ticks')?.dataset.status ?? null`),
    );
    check(`the sent message shows its status ticks (${ticks})`, ticks === "read");
    check(
      "the user's own message is in the conversation",
      await page.evaluate<boolean>(`[...document.querySelectorAll(".wa-inbound")].some((e) => e.textContent.includes("hi"))`),
    );

    await page.click('.wa-tap[data-id="pm"]');
    const tapped = await until(() =>
      events.find((e) => e.kind === "message" && e.type === "interactive" && e.interactive.type === "button_reply"),
    );
    check("a tap on the inbox page reaches the receiver as a signed button_reply webhook", tapped !== undefined);
    if (tapped?.kind === "message" && tapped.type === "interactive" && tapped.interactive.type === "button_reply") {
      check(
        "its id and title are the button's",
        tapped.interactive.button_reply.id === "pm" && tapped.interactive.button_reply.title === "Afternoon",
      );
      check("its context.id is the wamid of the message that offered it", tapped.context?.id === offered);
    }

    await page.evaluate(`(() => { const f = document.getElementById("say"); f.text.value = "see you then"; f.requestSubmit(); })()`);
    const typed = await until(() => events.find((e) => e.kind === "message" && e.type === "text" && e.text.body === "see you then"));
    check("a reply typed on the inbox page reaches the receiver as a text webhook", typed !== undefined);

    // The delivery log on the page: redeliver the tap, and the receiver gets it again (a duplicate, as Meta's retries are).
    const tapDelivery = emulator.webhooks.log.find((delivery) => delivery.body.includes('"button_reply"'));
    const button = `.wa-redeliver[data-delivery="${tapDelivery?.id}"]`;
    const listed = await until(() => page.evaluate<boolean>(`!!document.querySelector('${button}')`));
    check("the inbox lists the webhook deliveries with their attempts", listed === true);
    await page.click(button);
    const taps = await until(() => {
      const count = events.filter((e) => e.kind === "message" && e.type === "interactive").length;
      return count >= 2 ? count : undefined;
    });
    const attempts = await until(() => ((tapDelivery?.attempts.length ?? 0) >= 2 ? tapDelivery?.attempts.length : undefined), 10);
    check(
      `redeliver on the inbox page sends the same webhook again (${taps} taps received, ${attempts} attempts logged)`,
      taps === 2 && attempts === 2,
    );
  });
} catch (error) {
  check(`the browser ran (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`, false);
} finally {
  await emulator.close();
  server.close();
}
process.exitCode = summary();
