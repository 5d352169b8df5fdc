import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll } from "@jest/globals";

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A throwaway redis-server on loopback (Debian's package; .ci/run installs it), no persistence. */
export async function startRedis(): Promise<{ readonly port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("redis-server did not start within 10 s")), 10_000);
    child.once("error", (error) => reject(new Error(`redis-server could not start (apt-get install redis-server): ${error.message}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** One redis-server for a whole test file: started before its first test, stopped after its last. Read `port` in a test or a hook. */
export function redisForTheFile(): { readonly port: number } {
  let redis: { readonly port: number; stop(): Promise<void> } | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(() => redis?.stop());
  return {
    get port() {
      if (redis === undefined) throw new Error("redisForTheFile: redis-server is not started yet; read port in a test or a hook");
      return redis.port;
    },
  };
}
