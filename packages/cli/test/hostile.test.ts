import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "@jest/globals";
import { fetchTemplatePages } from "../src/templates-from-api.js";

// `templates --from-api` against a hostile Graph API, by surface: credentials only where they
// belong, unbounded paging, huge input, wrong types. Each case once misbehaved (issue 29).
const bin = join(__dirname, "../dist/bin.js");
const token = "EAAG-cli-secret";
const template = { name: "order_update", language: "en_US", status: "APPROVED", category: "UTILITY", components: [] };

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

describe("credentials only where they belong: paging.next is followed on the starting origin only", () => {
  it("a next on another origin stops with an error naming it; that origin never sees the token or adds templates", async () => {
    const elsewhere = await serve((_, response) => json(response, { data: [{ ...template, name: "planted" }] }));
    const graph = await serve((_, response) =>
      json(response, { data: [template], paging: { next: `${elsewhere.url}/v26.0/1/message_templates?after=x` } }),
    );
    const run = await wacompose(["templates", "--from-api", "--waba", "1", "--base-url", graph.url], { WHATSAPP_ACCESS_TOKEN: token });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`page 1's paging.next: 127.0.0.1:${new URL(elsewhere.url).port} is not the Graph API (${graph.url})`);
    expect(run.stdout).toBe("");
    expect(elsewhere.seen).toEqual([]);
    expect(graph.seen).toEqual([{ path: "/v26.0/1/message_templates?limit=100", authorization: `Bearer ${token}` }]);
  }, 30_000);

  it("a redirect is not followed (fetch would carry the token along)", async () => {
    const elsewhere = await serve((_, response) => json(response, { data: [] }));
    const graph = await serve((_, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/x` });
      response.end();
    });
    await expect(fetchTemplatePages({ token, waba: "1", baseUrl: graph.url })).rejects.toThrow("answered a redirect (307), not followed");
    expect(elsewhere.seen).toEqual([]);
  });
});

describe("unbounded paging", () => {
  it("a next that points to the same page stops at once, non-zero, instead of 1,000 requests and a truncated list", async () => {
    const graph = await serve((request, response, url) => json(response, { data: [template], paging: { next: `${url}${request.url}` } }));
    const run = await wacompose(["templates", "--from-api", "--waba", "1", "--base-url", graph.url], { WHATSAPP_ACCESS_TOKEN: token });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("page 1's paging.next repeats an earlier page");
    expect(run.stdout).toBe("");
    expect(graph.seen).toHaveLength(1);
  }, 30_000);

  it("a cursor seen before (under another URL) stops too; more than maxPages pages stop with an error", async () => {
    let n = 0;
    const cycling = await serve((_, response, url) =>
      json(response, { data: [template], paging: { next: `${url}/v26.0/1/message_templates?after=A&n=${n++ % 2}` } }),
    );
    await expect(fetchTemplatePages({ token, waba: "1", baseUrl: cycling.url })).rejects.toThrow("repeats an earlier page (cursor A)");
    let m = 0;
    const endless = await serve((_, response, url) =>
      json(response, { data: [template], paging: { next: `${url}/v26.0/1/message_templates?after=${m++}` } }),
    );
    await expect(fetchTemplatePages({ token, waba: "1", baseUrl: endless.url, maxPages: 5 })).rejects.toThrow(
      "templates --from-api: more than 5 pages; stopped, the list would be incomplete",
    );
    expect(endless.seen).toHaveLength(5);
  });
});

describe("deep or huge input", () => {
  it("a 200,000-entry page is read without overflowing the stack", async () => {
    const graph = await serve((_, response) => json(response, { data: Array.from({ length: 200_000 }, () => 0) }));
    const { data } = await fetchTemplatePages({ token, waba: "1", baseUrl: graph.url });
    expect(data).toHaveLength(200_000);
  }, 20_000);

  it("a page over maxPageBytes is not read whole", async () => {
    const graph = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ data: ["x".repeat(2 << 20)] }));
    });
    await expect(fetchTemplatePages({ token, waba: "1", baseUrl: graph.url, maxPageBytes: 1 << 20 })).rejects.toThrow(
      "answered a page over 1048576 bytes; stopped",
    );
  });
});

describe("wrong types", () => {
  it.each([
    [{ data: {} }, "answered 200 without a data list"],
    [{ data: [template], paging: { next: 42 } }, "page 1's paging.next is not a URL (number)"],
    [{ data: [template], paging: { next: "not a url" } }, '"not a url" is not an absolute URL'],
  ])("%j stops with an error", async (page, message) => {
    const graph = await serve((_, response) => json(response, page));
    await expect(fetchTemplatePages({ token, waba: "1", baseUrl: graph.url })).rejects.toThrow(message);
  });

  it("paging.next: null ends the list (Graph's last page)", async () => {
    const graph = await serve((_, response) => json(response, { data: [template], paging: { next: null } }));
    await expect(fetchTemplatePages({ token, waba: "1", baseUrl: graph.url })).resolves.toEqual({ data: [template] });
  });
});
