// The receiving half of the demo: a small bot on a local port that gets the emulator's signed
// webhooks (@wacompose/webhooks checks each one), counts the statuses of what was sent, answers a
// tapped reply button, and keeps each user's marketing choice so it never sends marketing to one who opted out.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { msg } from "@wacompose/builder";
import type { Client } from "@wacompose/transport-fetch";
import {
  latestStatuses,
  type MarketingPreference,
  marketingPreferences,
  mayReceiveMarketing,
  nodeWebhookHandler,
  type StatusName,
  type WebhookEvent,
} from "@wacompose/webhooks";

export interface Bot {
  readonly url: string;
  /** The client the bot answers with (set once the emulator is up). */
  answerWith(client: Client): void;
  /** Each message's status, after every webhook so far (never moving backward). */
  readonly statuses: Map<string, StatusName>;
  /** How many status updates of each kind arrived. */
  readonly updates: Map<StatusName, number>;
  /** Each user's marketing choice (`user_preferences`; a send that failed with "user stopped marketing" counts as stop). */
  readonly preferences: Map<string, MarketingPreference>;
  /** Sends a marketing template unless the user opted out: the app's own guard, before Meta would fail it. */
  sendMarketing(to: string, template: Parameters<Client["send"]>[0]): Promise<{ sent: true; id: string } | { sent: false; reason: string }>;
  close(): Promise<void>;
}

export async function startBot(secrets: { appSecret: string; verifyToken: string }, log: (line: string) => void): Promise<Bot> {
  let wa: Client | undefined;
  const statuses = new Map<string, StatusName>();
  const updates = new Map<StatusName, number>();
  const preferences = new Map<string, MarketingPreference>();
  const onEvents = async (events: readonly WebhookEvent[]) => {
    latestStatuses(events, statuses);
    marketingPreferences(events, preferences);
    for (const event of events) if (event.kind === "status") updates.set(event.status, (updates.get(event.status) ?? 0) + 1);
    for (const event of events) {
      if (event.kind !== "message" || event.from === undefined) continue;
      const name = event.contact?.profile?.name ?? event.from;
      if (event.type === "text") log(`bot ← ${name}: “${event.text.body}”`);
      if (event.type === "interactive" && event.interactive.type === "button_reply") {
        const { id, title } = event.interactive.button_reply;
        log(`bot ← ${name} tapped “${title}” (id ${id}) on ${event.context?.id?.slice(0, 16)}…`);
        const answer = msg.to(event.from).text(`${title} it is: see you then!`).replyTo(event.id);
        const sent = await wa?.send(answer);
        log(`bot → ${name}: “${answer.build().text.body}” (${sent?.messages[0]?.id.slice(0, 16)}…)`);
      }
    }
  };
  const server = createServer(nodeWebhookHandler({ ...secrets, onEvents }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    answerWith(client) {
      wa = client;
    },
    statuses,
    updates,
    preferences,
    async sendMarketing(to, template) {
      if (!mayReceiveMarketing(preferences, to)) {
        log(`bot ✗ marketing to ${to} refused: they opted out`);
        return { sent: false, reason: `${to} opted out of marketing messages` };
      }
      if (wa === undefined) return { sent: false, reason: "no client yet (answerWith)" };
      const sent = await wa.send(template);
      return { sent: true, id: sent.messages[0]?.id ?? "" };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
