import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import { type Emulator, startEmulator } from "@wacompose/emulator";
import { Redis } from "ioredis";
import { keys } from "../src/gate.js";
import { createWhatsAppQueue, type WhatsAppQueueOptions } from "../src/index.js";
import { redisForTheFile } from "./redis.js";

// Real redis-server, real worker processes, the emulator answering 130429 above 80/s.
const redis = redisForTheFile();

interface Run {
  readonly events: { event: string; jobId: string; reason?: string }[];
  readonly children: ChildProcess[];
}

function startWorkers(run: Run, count: number, config: object): Promise<void> {
  const ready: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    // One node process with tsx as a loader (the tsx CLI would add a parent that a SIGKILL would leave orphaned).
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "worker-process.ts")], {
      env: { ...process.env, WACOMPOSE_WORKER: JSON.stringify(config) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    run.children.push(child);
    ready.push(
      new Promise((resolve) => {
        let buffer = "";
        child.stdout?.on("data", (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split("\n");
          buffer = lines.pop() ?? "";
          for (const line of lines) {
            const event = JSON.parse(line) as { event: string; jobId: string };
            if (event.event === "ready") resolve();
            else run.events.push(event);
          }
        });
      }),
    );
  }
  return Promise.all(ready).then(() => undefined);
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(run: Run): Promise<void> {
  await Promise.all(
    run.children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
}

/** The most requests that arrived within any 1,000 ms. */
function maxPerSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= 1000) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

const callbackOf = (body: unknown): string => String((body as { biz_opaque_callback_data?: unknown }).biz_opaque_callback_data);

async function scenario(options: { prefix: string; queue: Partial<WhatsAppQueueOptions>; emulator?: Parameters<typeof startEmulator>[0] }) {
  const emulator: Emulator = await startEmulator({ accessToken: "queue-token", throughput: 80, maxReceived: 10_000, ...options.emulator });
  const queueOptions: WhatsAppQueueOptions = {
    connection: { host: "127.0.0.1", port: redis.port },
    prefix: options.prefix,
    ...options.queue,
  };
  const queue = createWhatsAppQueue(queueOptions);
  const run: Run = { events: [], children: [] };
  const config = { queue: queueOptions, phoneNumberIds: ["106540352242922"], emulatorUrl: emulator.url, concurrency: 8 };
  return { emulator, queue, run, config };
}

describe("queue-bullmq against redis-server and the emulator", () => {
  // Under load the rate may not be reached; it is never passed: no second at the server holds more
  // than 80 arrivals and nothing is throttled, whatever the delays (see gate.ts for why).
  it("2,000 messages, 2 worker processes, one number at 80/s: no second above 80 at the server, none throttled, each sent once", async () => {
    const { emulator, queue, run, config } = await scenario({ prefix: "throughput", queue: { perRecipientGapMs: 0 } });
    try {
      for (let i = 0; i < 2000; i++) {
        await queue.enqueue({
          phoneNumberId: "106540352242922",
          message: msg.to(`1650555${String(i).padStart(4, "0")}`).text(`message ${i}`),
          messageId: `m-${i}`,
        });
      }
      await startWorkers(run, 2, config);
      await until(() => run.events.filter((e) => e.event === "sent").length >= 2000, 120_000);
      const accepted = emulator.received.filter((r) => r.outcome === "accepted");
      const arrivals = emulator.received.map((r) => Date.parse(r.at));
      const seconds = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
      console.log(
        `throughput: ${accepted.length} sent in ${seconds.toFixed(1)} s = ${(accepted.length / seconds).toFixed(1)}/s; busiest second ${maxPerSecond(arrivals)}; throttled ${emulator.received.length - accepted.length}`,
      );
      expect(maxPerSecond(arrivals)).toBeLessThanOrEqual(80);
      expect(emulator.received.length - accepted.length).toBe(0);
      expect(new Set(accepted.map((r) => callbackOf(r.body))).size).toBe(2000);
      expect(accepted).toHaveLength(2000);
    } finally {
      await stop(run);
      await queue.close();
      await emulator.close();
    }
  }, 180_000);

  it("400 recipients × 5 messages, each number written two ways: no two messages to one recipient closer than the gap", async () => {
    const gap = 1000;
    const { emulator, queue, run, config } = await scenario({ prefix: "pairs", queue: { perRecipientGapMs: gap } });
    try {
      // Each recipient's 5 messages enqueued back to back: without the pair hold they would go out together.
      for (let r = 0; r < 400; r++) {
        for (let round = 0; round < 5; round++) {
          await queue.enqueue({
            phoneNumberId: "106540352242922",
            // Alternately "16505550042" and "+1 650 555 0042": one recipient either way.
            message: msg
              .to(round % 2 === 0 ? `1650555${String(r).padStart(4, "0")}` : `+1 650 555 ${String(r).padStart(4, "0")}`)
              .text(`round ${round}`),
            messageId: `p-${r}-${round}`,
          });
        }
      }
      await startWorkers(run, 2, config);
      await until(() => run.events.filter((e) => e.event === "sent").length >= 2000, 150_000);
      const byRecipient = new Map<string, number[]>();
      for (const r of emulator.received.filter((r) => r.outcome === "accepted")) {
        const to = (r.body as { to: string }).to.replace(/\D/g, "");
        byRecipient.set(to, [...(byRecipient.get(to) ?? []), Date.parse(r.at)]);
      }
      let closest = Number.POSITIVE_INFINITY;
      for (const times of byRecipient.values()) {
        times.sort((a, b) => a - b);
        for (let i = 1; i < times.length; i++) closest = Math.min(closest, (times[i] as number) - (times[i - 1] as number));
      }
      console.log(
        `pair spacing: ${byRecipient.size} recipients, closest two messages to one recipient ${closest} ms apart (gap ${gap} ms)`,
      );
      expect(byRecipient.size).toBe(400);
      expect(closest).toBeGreaterThanOrEqual(gap);
      expect(emulator.received.filter((r) => r.outcome !== "accepted")).toHaveLength(0);
    } finally {
      await stop(run);
      await queue.close();
      await emulator.close();
    }
  }, 180_000);

  it.each(["at-least-once", "at-most-once"] as const)(
    "SIGKILL one worker mid-run (%s)",
    async (delivery) => {
      const { emulator, queue, run, config } = await scenario({
        prefix: `kill-${delivery}`,
        queue: { delivery, perRecipientGapMs: 0, lockDurationMs: 3000, httpTimeoutMs: 1000 },
        emulator: { latencyMs: [20, 60] },
      });
      try {
        const ids = Array.from({ length: 300 }, (_, i) => `k-${i}`);
        for (const [i, id] of ids.entries())
          await queue.enqueue({ phoneNumberId: "106540352242922", message: msg.to("16505551234").text(`kill ${i}`), messageId: id });
        await startWorkers(run, 2, config);
        await until(() => emulator.received.length >= 100, 60_000);
        run.children[0]?.kill("SIGKILL");
        const received = () => emulator.received.filter((r) => r.outcome === "accepted").map((r) => callbackOf(r.body));
        // Settled: every job reported sent or uncertain by a worker (the killed one's stalled jobs are re-run first).
        const settled = () => new Set(run.events.filter((e) => e.event === "sent" || e.event === "uncertain").map((e) => e.jobId));
        await until(() => settled().size >= 300, 90_000);
        const counts = new Map<string, number>();
        for (const id of received()) counts.set(id, (counts.get(id) ?? 0) + 1);
        const duplicates = [...counts.values()].filter((n) => n > 1).length;
        const uncertain = run.events.filter((e) => e.event === "uncertain").map((e) => e.jobId);
        console.log(`${delivery}: ${counts.size} of 300 delivered, ${duplicates} delivered twice, ${uncertain.length} reported uncertain`);
        if (delivery === "at-least-once") {
          expect(ids.every((id) => counts.has(id))).toBe(true); // nothing lost
        } else {
          expect(duplicates).toBe(0); // nothing sent twice
          expect(ids.every((id) => counts.has(id) || uncertain.includes(id))).toBe(true); // every other one reported
        }
      } finally {
        await stop(run);
        await queue.close();
        await emulator.close();
      }
    },
    180_000,
  );

  it("at-most-once: a re-run of a job whose sender died after sending reports it sent, without sending again", async () => {
    const { emulator, queue } = await scenario({ prefix: "resent", queue: { delivery: "at-most-once" } });
    const redisClient = new Redis({ host: "127.0.0.1", port: redis.port });
    let workers: ReturnType<typeof queue.startWorkers> | undefined;
    try {
      // The job is queued; its sender then dies right after storing the API's answer, before reporting it.
      await queue.enqueue({ phoneNumberId: "106540352242922", message: msg.to("16505551234").text("once"), messageId: "r-1" });
      const result = { messaging_product: "whatsapp", contacts: [], messages: [{ id: "wamid.earlier" }] };
      await redisClient.set(keys("resent", "106540352242922").sent("r-1"), JSON.stringify(result));
      workers = queue.startWorkers({
        phoneNumberIds: ["106540352242922"],
        client: { accessToken: "queue-token", version: "v23.0", baseUrl: emulator.url },
      });
      const sent = new Promise((resolve) => workers?.once("sent", resolve));
      expect(await sent).toMatchObject({ jobId: "r-1", wamid: "wamid.earlier", result });
      expect(emulator.received).toHaveLength(0);
    } finally {
      await workers?.close();
      await queue.close();
      redisClient.disconnect();
      await emulator.close();
    }
  }, 30_000);

  it("refuses an HTTP timeout that is not well below the job lock", () => {
    expect(() => createWhatsAppQueue({ connection: { port: redis.port }, httpTimeoutMs: 40_000, lockDurationMs: 60_000 })).toThrow(
      "httpTimeoutMs (40000 ms) must stay well below lockDurationMs (60000 ms)",
    );
  });
});
