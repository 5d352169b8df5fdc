import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * How the link fails:
 * - `reset`: every connection is closed and new ones are closed at once (Redis down, or a RST);
 * - `blackhole`: connections stay open and nothing passes either way until healed, then the held
 *   bytes flow (a partition that heals, as TCP retransmits);
 * - `lose-answers`: requests reach Redis, its answers are dropped, and the connections are closed
 *   on heal (Redis did the work; the client never heard).
 */
export type Cut = "reset" | "blackhole" | "lose-answers";

export interface CuttableProxy {
  readonly port: number;
  cut(how: Cut): void;
  heal(): void;
  close(): Promise<void>;
}

interface Link {
  readonly client: Socket;
  readonly server: Socket;
  readonly held: { toServer: Buffer[]; toClient: Buffer[] };
}

/** A TCP proxy on loopback in front of `targetPort`, whose link can be cut the ways a network fails. */
export async function startCuttableProxy(targetPort: number): Promise<CuttableProxy> {
  let state: Cut | "open" = "open";
  const links = new Set<Link>();
  const drop = (link: Link): void => {
    link.client.destroy();
    link.server.destroy();
    links.delete(link);
  };
  const proxy: Server = createServer((client) => {
    if (state === "reset") {
      client.destroy();
      return;
    }
    const server = connect(targetPort, "127.0.0.1");
    const link: Link = { client, server, held: { toServer: [], toClient: [] } };
    links.add(link);
    client.on("data", (chunk: Buffer) => {
      if (state === "blackhole") link.held.toServer.push(chunk);
      else server.write(chunk);
    });
    server.on("data", (chunk: Buffer) => {
      if (state === "blackhole") link.held.toClient.push(chunk);
      else if (state !== "lose-answers") client.write(chunk);
    });
    for (const socket of [client, server]) {
      socket.on("error", () => drop(link));
      socket.on("close", () => drop(link));
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as { port: number };
  return {
    port,
    cut(how) {
      state = how;
      if (how === "reset") for (const link of [...links]) drop(link);
    },
    heal() {
      const was = state;
      state = "open";
      for (const link of [...links]) {
        if (was === "lose-answers") drop(link);
        else if (was === "blackhole") {
          for (const chunk of link.held.toServer.splice(0)) link.server.write(chunk);
          for (const chunk of link.held.toClient.splice(0)) link.client.write(chunk);
        }
      }
    },
    async close() {
      for (const link of [...links]) drop(link);
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}
