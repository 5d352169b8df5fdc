import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "@jest/globals";

// `templates --from-api` (and diff, push, pull, which list the same way) against a hostile Graph API, by surface:
// credentials only where they belong, unbounded paging, huge input, wrong types. The list is the template manager's
// (@wacompose/transport-fetch/templates, whose own tests go further); here, that the command stops, exits 2 and
// prints nothing it read.
const bin = join(__dirname, "../dist/bin.js");
const token = "EAAG-cli-secret";
const template = {
  id: "1387372356726668",
  name: "order_update",
  language: "en_US",
  status: "APPROVED",
  category: "UTILITY",
  components: [],
};

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** A loopback server; `pages` answers each request. Records the Authorization header of each request. */
async function serve(answer: (request: IncomingMessage, response: ServerResponse, url: string) => void) {
  const seen: { path: string; authorization: string | undefined }[] = [];
  const server = createServer((request, response) => {
    seen.push({ path: request.url ?? "", authorization: request.headers.authorization });
    answer(request, response, url);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen };
}
const json = (response: ServerResponse, body: unknown) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
};
const wacompose = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, ...env } }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

const fromApi = (url: string, ...more: string[]) =>
  wacompose(["templates", "--from-api", "--waba", "1", "--base-url", url, ...more], { WHATSAPP_ACCESS_TOKEN: token });
/** The command stopped: exit 2, nothing on stdout, the reason on stderr. */
const stopped = (run: { code: number; stdout: string; stderr: string }, reason: string) => {
  expect(run.stdout).toBe("");
  expect(run.stderr).toContain(reason);
  expect(run.code).toBe(2);
};

describe("credentials only where they belong: paging.next is followed on the starting origin only", () => {
  it("a next on another origin stops with an error naming it; that origin never sees the token or adds templates", async () => {
    const elsewhere = await serve((_, response) => json(response, { data: [{ ...template, name: "planted" }] }));
    const graph = await serve((_, response) =>
      json(response, { data: [template], paging: { next: `${elsewhere.url}/v26.0/1/message_templates?after=x` } }),
    );
    stopped(await fromApi(graph.url), `127.0.0.1:${new URL(elsewhere.url).port}`);
    expect(elsewhere.seen).toEqual([]);
    expect(graph.seen).toHaveLength(1);
    expect(graph.seen[0]?.authorization).toBe(`Bearer ${token}`);
  }, 30_000);

  it("a redirect is not followed (fetch would carry the token along)", async () => {
    const elsewhere = await serve((_, response) => json(response, { data: [] }));
    const graph = await serve((_, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/x` });
      response.end();
    });
    stopped(await fromApi(graph.url), "redirect");
    expect(elsewhere.seen).toEqual([]);
  }, 30_000);
});

describe("unbounded paging", () => {
  it("a next that points to the same page stops at once instead of 1,000 requests and a truncated list", async () => {
    const graph = await serve((request, response, url) => json(response, { data: [template], paging: { next: `${url}${request.url}` } }));
    stopped(await fromApi(graph.url), "repeat");
    expect(graph.seen).toHaveLength(1);
  }, 30_000);

  it("a cursor seen before, under another URL, stops too", async () => {
    let n = 0;
    const cycling = await serve((_, response, url) =>
      json(response, { data: [template], paging: { next: `${url}/v26.0/1/message_templates?after=A&n=${n++ % 2}` } }),
    );
    stopped(await fromApi(cycling.url), "repeat");
    expect(cycling.seen.length).toBeLessThanOrEqual(2);
  }, 30_000);
});

describe("deep or huge input", () => {
  it("a page of more templates than an account can hold stops, without reading on", async () => {
    const graph = await serve((_, response) =>
      json(response, { data: Array.from({ length: 20_001 }, (_, i) => ({ ...template, name: `t${i}`, id: String(i + 1) })) }),
    );
    stopped(await fromApi(graph.url), "20000");
  }, 30_000);

  it("a page over the answer cap is not read whole", async () => {
    const graph = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ data: ["x".repeat(5 << 20)] }));
    });
    stopped(await fromApi(graph.url), "bytes");
  }, 30_000);
});

describe("wrong types", () => {
  it.each([
    [{ data: {} }, "data"],
    [{ data: [template], paging: { next: 42 } }, "next"],
    [{ data: [template], paging: { next: "not a url" } }, "not a url"],
  ])(
    "%j stops with an error",
    async (page, reason) => {
      const graph = await serve((_, response) => json(response, page));
      stopped(await fromApi(graph.url), reason);
    },
    30_000,
  );

  it("paging.next: null ends the list (Graph's last page)", async () => {
    const graph = await serve((_, response) => json(response, { data: [template], paging: { next: null } }));
    const run = await fromApi(graph.url);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("order_update");
    expect(run.code).toBe(0);
  }, 30_000);
});
