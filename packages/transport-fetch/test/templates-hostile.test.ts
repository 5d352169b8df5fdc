import type { ServerResponse } from "node:http";
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "@jest/globals";
import { createTemplateManager, type TemplateManagerOptions } from "@wacompose/transport-fetch/templates";
import { loopbackServers } from "./support/loopback.js";

// The template manager against real sockets on 127.0.0.1: servers that page, redirect, stall, flood and break.
const token = "EAAG-loopback-template-secret";
const waba = "102290129340398";
const base: Omit<TemplateManagerOptions, "baseUrl"> = { accessToken: token, businessAccountId: waba, apiVersion: "v23.0", retry: false };
const listPath = `/v23.0/${waba}/message_templates`;

const serve = loopbackServers();

const json = (response: ServerResponse, body: unknown, status = 200): void => {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
};

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

const views = (error: unknown): string =>
  [String(error), JSON.stringify(error), inspect(error, { showHidden: true, depth: 10 }), (error as Error).stack ?? ""].join("\n");

describe("a list over loopback", () => {
  it("reads three pages by paging.next, the token on each, the filters kept by the server's next", async () => {
    const server = await serve((request, response) => {
      const after = new URL(request.url ?? "/", "http://x").searchParams.get("after");
      const index = after === null ? 0 : Number(after);
      json(response, {
        data: [{ id: String(index * 2 + 1) }, { id: String(index * 2 + 2) }],
        paging: {
          cursors: { after: String(index + 1) },
          ...(index < 2 ? { next: `${address}${listPath}?status=APPROVED&after=${index + 1}` } : {}),
        },
      });
    });
    const address = server.url;
    const list = await createTemplateManager({ ...base, baseUrl: server.url }).list({ status: "APPROVED" });
    expect(list.data.map((node) => node.id)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(server.seen).toEqual([
      { method: "GET", url: `${listPath}?status=APPROVED&limit=100`, authorization: `Bearer ${token}` },
      { method: "GET", url: `${listPath}?status=APPROVED&after=1`, authorization: `Bearer ${token}` },
      { method: "GET", url: `${listPath}?status=APPROVED&after=2`, authorization: `Bearer ${token}` },
    ]);
  });

  it("a paging.next to another origin (another port): that server is never asked, the list stops with an error naming it", async () => {
    const elsewhere = await serve((_, response) => json(response, { data: [] }));
    const server = await serve((_, response) =>
      json(response, { data: [{ id: "1" }], paging: { next: `${elsewhere.url}${listPath}?after=1` } }),
    );
    const error = await failure(createTemplateManager({ ...base, baseUrl: server.url }).list());
    expect(error).toMatchObject({ name: "TemplateListError", problem: "next_elsewhere", page: 1 });
    expect((error as Error).message).toContain(`${new URL(elsewhere.url).host} is not the Graph API (${server.url})`);
    expect(elsewhere.seen).toEqual([]);
  });

  it("a redirect is not followed, on the first page or a later one: nothing reaches where it points", async () => {
    const elsewhere = await serve((_, response) => json(response, { data: [] }));
    const server = await serve((request, response) => {
      if (request.url?.includes("after=") || request.method === "POST") {
        response.writeHead(307, { location: `${elsewhere.url}${listPath}` });
        return void response.end();
      }
      json(response, { data: [{ id: "1" }], paging: { next: `${address}${listPath}?after=1` } });
    });
    const address = server.url;
    const error = await failure(createTemplateManager({ ...base, baseUrl: server.url }).list());
    expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 307, mayHaveBeenDelivered: false });
    expect((error as Error).message).toContain(`a redirect to ${elsewhere.url}${listPath}, not followed`);
    const archive = await failure(createTemplateManager({ ...base, baseUrl: `${server.url}/` }).archive(["1"]));
    expect(archive).toMatchObject({ name: "UnexpectedResponseError", status: 307 });
    expect(elsewhere.seen).toEqual([]);
  });

  it("a page that stalls after its headers: a TimeoutError (timeoutMs covers the body), no later page asked", async () => {
    const server = await serve((request, response) => {
      if (request.url?.includes("after=")) {
        response.writeHead(200, { "content-type": "application/json" });
        return void response.write('{"data":['); // then nothing, for ever
      }
      json(response, { data: [{ id: "1" }], paging: { next: `${address}${listPath}?after=1` } });
    });
    const address = server.url;
    const error = await failure(createTemplateManager({ ...base, baseUrl: server.url, timeoutMs: 300 }).list());
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 300 });
    expect(server.seen).toHaveLength(2);
  }, 15_000);

  it("a page over maxResponseBytes is not read whole: a huge JSON, a gzip bomb", async () => {
    const huge = await serve((_, response) => json(response, { data: [{ id: "1", padding: "x".repeat(5 << 20) }] }));
    const bomb = gzipSync(Buffer.alloc(200 << 20));
    const bombing = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      response.end(bomb);
    });
    for (const server of [huge, bombing]) {
      const before = process.memoryUsage().arrayBuffers;
      const error = await failure(createTemplateManager({ ...base, baseUrl: server.url }).list());
      expect(error).toMatchObject({ name: "UnexpectedResponseError" });
      expect((error as Error).message).toContain(`an answer over ${4 << 20} bytes (not read further)`);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
    }
    const small = await failure(createTemplateManager({ ...base, baseUrl: huge.url, maxResponseBytes: 1024 }).get("1"));
    expect((small as Error).message).toContain("an answer over 1024 bytes");
  }, 30_000);

  it("garbled answers: an HTML error page, truncated JSON, an empty body", async () => {
    for (const [status, body] of [
      [502, "<html>Bad gateway</html>"],
      [200, '{"data":[{"id":"1"'],
      [200, ""],
    ] as const) {
      const server = await serve((_, response) => {
        response.writeHead(status, { "content-type": "text/html" });
        response.end(body);
      });
      const error = await failure(createTemplateManager({ ...base, baseUrl: server.url }).list());
      expect(error).toMatchObject({ name: "UnexpectedResponseError", status });
    }
  });

  it("a connection dropped on page 2, and a server that is gone: NetworkErrors, the token in neither", async () => {
    const server = await serve((request, response) => {
      if (request.url?.includes("after=")) return void request.socket.destroy();
      json(response, { data: [{ id: "1" }], paging: { next: `${address}${listPath}?after=1` } });
    });
    const address = server.url;
    const dropped = await failure(createTemplateManager({ ...base, baseUrl: server.url }).list());
    expect(dropped).toMatchObject({ name: "NetworkError" });
    expect(views(dropped)).not.toContain(token);
    const gone = await serve(() => {});
    const url = gone.url;
    await gone.close();
    const refused = await failure(createTemplateManager({ ...base, baseUrl: url }).unpause("1"));
    expect(refused).toMatchObject({ name: "NetworkError", reason: "ECONNREFUSED", mayHaveBeenDelivered: false });
  });

  it("a Graph error from the server: typed and classified, the token redacted even where the server echoed it", async () => {
    const server = await serve((_, response) =>
      json(response, { error: { code: 100, error_subcode: 2388024, message: `duplicate (token ${token})`, fbtrace_id: "T" } }, 400),
    );
    const error = await failure(
      createTemplateManager({ ...base, baseUrl: server.url }).create({ name: "a", language: "en_US", category: "UTILITY", components: [] }),
    );
    expect(error).toMatchObject({ name: "GraphApiError", category: "template", action: "fix_and_retry", subcode: 2388024, status: 400 });
    expect(views(error)).not.toContain(token);
    expect(views(error)).toContain("[redacted]");
  });
});
