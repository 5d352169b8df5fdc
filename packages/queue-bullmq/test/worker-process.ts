// A worker process for the tests: starts queue workers with the configuration in
// WACOMPOSE_WORKER (JSON) and reports every event as one JSON line on stdout.
import { createWhatsAppQueue, type WhatsAppQueueOptions } from "../src/index.js";

const config = JSON.parse(process.env.WACOMPOSE_WORKER ?? "{}") as {
  readonly queue: WhatsAppQueueOptions;
  readonly phoneNumberIds: string[];
  readonly emulatorUrl: string;
  readonly concurrency: number;
};
const queue = createWhatsAppQueue(config.queue);
const workers = queue.startWorkers({
  phoneNumberIds: config.phoneNumberIds,
  concurrency: config.concurrency,
  client: { accessToken: "queue-token", version: "v23.0", baseUrl: config.emulatorUrl },
});
const report = (event: string) => (detail: { jobId: string; wamid?: string | undefined; reason?: string; error?: unknown }) =>
  process.stdout.write(
    `${JSON.stringify({ event, jobId: detail.jobId, wamid: detail.wamid, reason: detail.reason, error: detail.error ? String(detail.error) : undefined })}\n`,
  );
workers.on("sent", report("sent"));
workers.on("failed", report("failed"));
workers.on("uncertain", report("uncertain"));
process.stdout.write(`${JSON.stringify({ event: "ready" })}\n`);
process.on("SIGTERM", async () => {
  await workers.close();
  await queue.close();
  process.exit(0);
});
