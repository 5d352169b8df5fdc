import type { ServerResponse } from "node:http";
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it, jest } from "@jest/globals";
import { msg } from "@wacompose/builder";
import { startEmulator } from "@wacompose/emulator";
import { type ClientOptions, createClient, type FetchLike, GraphApiError, UnexpectedResponseError } from "../src/index.js";
import { retryOptions } from "../src/retry.js";
import { pacer } from "../src/send-many.js";
import { loopbackServers } from "./support/loopback.js";

// The client against wrong options and hostile servers: every case here once misbehaved.
const token = "EAAG-very-secret-token";
const phoneNumberId = "106540352242922";
const text = msg.to("16505551234").text("hello");
const base: ClientOptions = { phoneNumberId, accessToken: token, version: "v23.0" };
const okAnswer = { messaging_product: "whatsapp", contacts: [], messages: [{ id: "wamid.1" }] };

const serve = loopbackServers();

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/** A fetch that answers `status` with `body` and counts calls. */
function answering(status: number, body: string) {
  const calls: number[] = [];
  const fetch: FetchLike = async () => {
    calls.push(Date.now());
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  };
  return { fetch, calls };
}

describe("options are checked where they are given", () => {
  it.each([2 ** 31, Number.POSITIVE_INFINITY, 0, -1, Number.NaN])("timeoutMs %p is refused", (timeoutMs) => {
    expect(() => createClient({ ...base, timeoutMs })).toThrow(
      `createClient: timeoutMs must be a number from 1 to 2147483647, got ${timeoutMs}`,
    );
  });

  it.each([Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY])("retry.limit %p is refused", (limit) => {
    expect(() => createClient({ ...base, retry: { limit } })).toThrow("createClient: retry: limit must be a whole number from 0 to 100");
  });

  it("undefined retry options keep their defaults (limit: undefined once retried for ever; baseDelayMs: undefined removed the backoff)", async () => {
    expect(retryOptions({ limit: undefined, baseDelayMs: undefined })).toEqual({ limit: 3, baseDelayMs: 500, maxDelayMs: 30_000 });
    const { fetch, calls } = answering(503, JSON.stringify({ error: { code: 131016, message: "busy", is_transient: true } }));
    const wa = createClient({ ...base, fetch, retry: { limit: undefined, baseDelayMs: 1, maxDelayMs: 1 } });
    expect(await failure(wa.send(text))).toBeInstanceOf(GraphApiError);
    expect(calls).toHaveLength(4);
  });

  it.each([0, -1, Number.NaN])("perSecond %p is refused, by the client and by sendMany", async (perSecond) => {
    expect(() => createClient({ ...base, perSecond })).toThrow("createClient: perSecond must be a number from");
    const { fetch } = answering(200, JSON.stringify(okAnswer));
    await expect(createClient({ ...base, fetch }).sendMany([text], { perSecond })).rejects.toThrow("sendMany: perSecond must be a number");
  });

  it("sendMany({ concurrency: NaN }) is refused instead of sending nothing", async () => {
    const { fetch, calls } = answering(200, JSON.stringify(okAnswer));
    const wa = createClient({ ...base, fetch });
    await expect(wa.sendMany([text, text], { concurrency: Number.NaN })).rejects.toThrow(
      "sendMany: concurrency must be a whole number from 1 to 1000, got NaN",
    );
    expect(calls).toHaveLength(0);
  });

  it("a body that cannot be JSON fails before any request, with a TypeError that says so", async () => {
    const { fetch, calls } = answering(200, JSON.stringify(okAnswer));
    const body = { ...text.build(), biz_opaque_callback_data: 1n } as unknown as ReturnType<typeof text.build>;
    await expect(createClient({ ...base, fetch }).send(body)).rejects.toThrow("toRequest: the message cannot be sent as JSON");
    expect(calls).toHaveLength(0);
  });
});

describe("pacing is a token bucket", () => {
  // The property is on the start times the pacer grants: times measured after it (in a fetch) include
  // whatever a loaded scheduler adds, and two of those can land closer than the interval.
  it("after a stall, missed starts do not fire together: every two grants at least 1/perSecond apart", async () => {
    const next = pacer(100);
    const granted: number[] = [];
    const worker = async (): Promise<void> => {
      while (granted.length < 16) {
        granted.push(await next());
        if (granted.length === 3) {
          const until = Date.now() + 1200; // the event loop is blocked for 1.2 s: six starts are missed
          while (Date.now() < until) {}
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const sorted = [...granted].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((at, i) => at - (sorted[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
  }, 20_000);

  it("an interval longer than a timer can wait sleeps, never spins: one timer, at the longest delay", async () => {
    jest.useFakeTimers();
    const setTimeoutSpy = jest.spyOn(globalThis, "setTimeout");
    try {
      const delays: number[] = [];
      const next = pacer(1000 / Number.MIN_VALUE); // sendMany's perSecond can be that small: Infinity ms apart
      await next(); // the first start is granted at once
      let second = false;
      void next().then(() => {
        second = true;
      });
      await jest.advanceTimersByTimeAsync(10_000);
      for (const call of setTimeoutSpy.mock.calls) delays.push(call[1] as number);
      expect(delays).toEqual([2 ** 31 - 1]);
      expect(second).toBe(false);
    } finally {
      setTimeoutSpy.mockRestore();
      jest.useRealTimers();
    }
  });

  it("sendMany paces through it: every message sent once", async () => {
    const { fetch, calls } = answering(200, JSON.stringify(okAnswer));
    const results = await createClient({ ...base, fetch }).sendMany(
      Array.from({ length: 6 }, () => text),
      { perSecond: 50, concurrency: 4 },
    );
    expect(results.every((r) => r.status === "sent")).toBe(true);
    expect(calls).toHaveLength(6);
  });
});

describe("answers are read with care", () => {
  it.each(["{}", "null", '{"messages":[]}', '{"messages":[{"id":5}]}'])(
    "a 200 of %s is an UnexpectedResponseError that says the message may have been accepted, not retried",
    async (body) => {
      const { fetch, calls } = answering(200, body);
      const error = await failure(createClient({ ...base, fetch }).send(text));
      expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 200, mayHaveBeenDelivered: true });
      expect((error as Error).message).toContain("not the API's answer to a message (no messages[0].id)");
      expect((error as Error).message).toContain("the message may have been accepted");
      expect(calls).toHaveLength(1);
    },
  );

  it("a mark-as-read answer without success is an UnexpectedResponseError", async () => {
    const { fetch } = answering(200, "{}");
    expect(await failure(createClient({ ...base, fetch }).markRead("wamid.1"))).toBeInstanceOf(UnexpectedResponseError);
  });

  it("a 307 to another origin is not followed: nothing is posted there, the error says where it pointed", async () => {
    const elsewhere = await serve((_, response) => response.end(JSON.stringify(okAnswer)));
    const redirecting = await serve((_, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/v23.0/${phoneNumberId}/messages` });
      response.end();
    });
    const error = await failure(createClient({ ...base, baseUrl: redirecting.url }).send(text));
    expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 307, mayHaveBeenDelivered: false });
    expect((error as Error).message).toContain(`a redirect to ${elsewhere.url}/v23.0/${phoneNumberId}/messages, not followed`);
    expect(elsewhere.requests()).toBe(0);
  });

  it("an answer over maxResponseBytes is not read whole: a 1 MB JSON, a gzip bomb", async () => {
    const big = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ...okAnswer, padding: "x".repeat(1 << 20) }));
    });
    const bomb = gzipSync(Buffer.alloc(200 << 20)); // 200 MB of zeros in about 200 KB
    const bombing = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      response.end(bomb);
    });
    for (const server of [big, bombing]) {
      const before = process.memoryUsage().arrayBuffers;
      const error = await failure(createClient({ ...base, baseUrl: server.url }).send(text));
      expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 200, mayHaveBeenDelivered: true });
      expect((error as Error).message).toContain("an answer over 262144 bytes (not read further)");
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
    }
    const small = createClient({ ...base, baseUrl: big.url, maxResponseBytes: 2 << 20 });
    expect((await small.send(text)).messages[0]?.id).toBe("wamid.1");
  }, 30_000);
});

describe("the token is redacted from everything that reaches an error", () => {
  const views = (error: unknown): string =>
    [String(error), JSON.stringify(error), inspect(error, { showHidden: true, depth: 10 }), (error as Error).stack ?? ""].join("\n");

  it("in the HTTP reason phrase", async () => {
    const server = await serve((_, response) => {
      response.writeHead(502, `gateway saw ${token}`, { "content-type": "text/plain" });
      response.end("bad gateway");
    });
    const error = await failure(createClient({ ...base, baseUrl: server.url, retry: false }).send(text));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(views(error)).toContain("gateway saw [redacted]");
    expect(views(error)).not.toContain(token);
  });

  it("in a custom fetch's error code", async () => {
    const fetch: FetchLike = async () => {
      throw Object.assign(new Error("boom"), { code: `EPROXY ${token}` });
    };
    const error = await failure(createClient({ ...base, fetch, retry: false }).send(text));
    expect(error).toMatchObject({ name: "NetworkError", reason: "EPROXY [redacted]" });
    expect(views(error)).not.toContain(token);
  });

  it("a token with the characters tokens are made of (+ / . ~ - _) is found as it is, wherever it stands alone", async () => {
    const special = "EAAB+c/d.e~f-g_h";
    for (const [around, redacted] of [
      [`Bearer ${special}`, "Bearer [redacted]"],
      [`access_token=${special}&x=1`, "access_token=[redacted]&x=1"],
      [`"${special}"`, '"[redacted]"'],
      [`(${special}) and ${special}`, "([redacted]) and [redacted]"],
      [special, "[redacted]"],
    ] as const) {
      const fetch: FetchLike = async () => {
        throw Object.assign(new Error("boom"), { code: around });
      };
      const error = await failure(createClient({ ...base, accessToken: special, fetch, retry: false }).send(text));
      expect(error).toMatchObject({ name: "NetworkError", reason: redacted });
    }
    // A look-alike is not the token: a pattern built from the token without escaping would match it.
    const fetch: FetchLike = async () => {
      throw Object.assign(new Error("boom"), { code: "EAABBBc/dXe~f-g_h" });
    };
    expect(await failure(createClient({ ...base, accessToken: special, fetch, retry: false }).send(text))).toMatchObject({
      reason: "EAABBBc/dXe~f-g_h",
    });
  });

  it('a token with " or \\ echoed in a Graph error: escaped in its JSON, redacted all the same', async () => {
    for (const odd of ['EAAB"quoted"token', "EAAB\\back\\slash", 'a"b']) {
      const fetch: FetchLike = async () =>
        new Response(
          JSON.stringify({
            error: { code: 190, message: `Cannot parse access token ${odd}`, error_data: { details: `token ${odd}` }, fbtrace_id: odd },
          }),
          { status: 401 },
        );
      const error = await failure(createClient({ ...base, accessToken: odd, fetch, retry: false }).send(text));
      expect(error).toMatchObject({ name: "GraphApiError", details: "token [redacted]", fbtraceId: "[redacted]" });
      expect((error as Error).message).toContain("Cannot parse access token [redacted]");
      expect(views(error)).not.toContain(odd);
    }
  });

  it("whole tokens only: a short token does not garble words or keys", async () => {
    const emulator = await startEmulator({ accessToken: "t", script: [{ status: 400, code: 100, message: "Invalid parameter" }] });
    try {
      const wa = createClient({ ...base, accessToken: "t", baseUrl: emulator.url, retry: false });
      const error = await failure(wa.send(text));
      expect((error as Error).message).toContain("(#100) Invalid parameter");
      expect((error as GraphApiError).type).toBe("OAuthException");
    } finally {
      await emulator.close();
    }
  });
});

describe("media downloads: the token goes only to the Graph origin and Meta's media hosts over https", () => {
  const mediaId = "1037543291543636";
  /** A fetch standing in for the Graph API whose `GET /{media-id}` answers `url`, and that records where the token went. */
  function graph(url: string, file: { status?: number; headers?: Record<string, string>; body?: string } = {}) {
    const calls: { url: string; authorization: string | undefined }[] = [];
    const fetch: FetchLike = async (to, init) => {
      calls.push({ url: to, authorization: init.headers.Authorization });
      if (to.startsWith("https://graph.facebook.com/"))
        return new Response(
          JSON.stringify({ messaging_product: "whatsapp", url, mime_type: "image/jpeg", sha256: "x", file_size: 4, id: mediaId }),
          {
            status: 200,
            headers: { "content-type": "application/json" },
          },
        );
      return new Response(file.body ?? "jpeg", { status: file.status ?? 200, headers: { "content-type": "image/jpeg", ...file.headers } });
    };
    return { wa: createClient({ ...base, fetch, retry: false }), calls };
  }

  it.each([
    [
      "https://other.example/x",
      "other.example is not the Graph API (https://graph.facebook.com) nor a Meta media host (https://lookaside.fbsbx.com)",
    ],
    ["http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", "lookaside.fbsbx.com over http: is not the Graph API"],
    ["https://lookaside.fbsbx.com@evil.example/x", "evil.example is not the Graph API"],
    ["https://lookaside.fbsbx.com.evil.example/x", "lookaside.fbsbx.com.evil.example is not the Graph API"],
    ["https://lookaside.fbsbx.com:8443/x", "lookaside.fbsbx.com:8443 is not the Graph API"],
    ["//evil.example/x", '"//evil.example/x" is not an absolute URL'],
  ])("a given URL %s is refused before any request", async (url, message) => {
    const { wa, calls } = graph("https://lookaside.fbsbx.com/x");
    for (const media of [url, { id: mediaId, url }]) {
      const error = await failure(wa.media.download(media));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toContain(`media.download: the URL given: ${message}`);
    }
    expect(calls).toEqual([]);
  });

  it.each([
    ["https://other.example/f", "other.example is not the Graph API"],
    ["http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", "lookaside.fbsbx.com over http: is not the Graph API"],
  ])("GET /{media-id} answering %s: refused, only the look-up was made", async (url, message) => {
    const { wa, calls } = graph(url);
    const error = await failure(wa.media.download(mediaId));
    expect((error as Error).message).toContain(`media.download: the URL that GET /${mediaId} answered: ${message}`);
    expect(calls.map((call) => new URL(call.url).host)).toEqual(["graph.facebook.com"]);
  });

  it("Meta's media host over https gets the token; a redirect from it is not followed", async () => {
    const fine = graph("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1");
    const file = await fine.wa.media.download(mediaId);
    expect(await new Response(file.body).text()).toBe("jpeg");
    expect(file).toMatchObject({ mimeType: "image/jpeg", size: 4 });
    expect(fine.calls.map((call) => [new URL(call.url).host, call.authorization])).toEqual([
      ["graph.facebook.com", `Bearer ${token}`],
      ["lookaside.fbsbx.com", `Bearer ${token}`],
    ]);
    const moving = graph("https://lookaside.fbsbx.com/x", { status: 302, headers: { location: "https://evil.example/x" } });
    const error = await failure(moving.wa.media.download(mediaId));
    expect((error as Error).message).toContain("a redirect to https://evil.example/x, not followed");
    expect(moving.calls).toHaveLength(2);
  });

  it("mediaOrigins adds origins (https, or http on loopback for tests) and is checked where it is given", async () => {
    const server = await serve((_, response) => response.end("file"));
    const fetch: FetchLike = (url, init) => globalThis.fetch(url, init);
    const wa = createClient({ ...base, fetch, mediaOrigins: [server.url] });
    expect(await new Response((await wa.media.download(`${server.url}/f`)).body).text()).toBe("file");
    for (const mediaOrigins of [["http://evil.example"], ["https://cdn.example/path"], ["lookaside.fbsbx.com"], [42]])
      expect(() => createClient({ ...base, mediaOrigins: mediaOrigins as string[] })).toThrow(
        "createClient: mediaOrigins[0] must be an https: origin (scheme and host, no path)",
      );
  });

  it.each([null, 42, undefined])("download(%p) is a TypeError, before any request", async (media) => {
    const { wa, calls } = graph("https://lookaside.fbsbx.com/x");
    expect(await failure(wa.media.download(media as unknown as string))).toBeInstanceOf(TypeError);
    expect(calls).toEqual([]);
  });
});

describe("media downloads are bounded in time and size", () => {
  /** A Graph stand-in on loopback: `GET /{version}/{id}` describes a file served at `/file` by `serveFile`. */
  async function graphServer(describe: Record<string, unknown>, serveFile: (response: ServerResponse) => void) {
    const server = await serve((request, response) => {
      if (request.url?.startsWith("/file")) return serveFile(response);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ messaging_product: "whatsapp", id: "1", url: `${address}/file`, ...describe }));
    });
    const address = server.url;
    return server;
  }

  it("a server that stalls after the headers: the read fails with a TimeoutError (timeoutMs covers the body)", async () => {
    const server = await graphServer({ mime_type: "image/jpeg", file_size: 1000 }, (response) => {
      response.writeHead(200, { "content-type": "image/jpeg" });
      response.write("first bytes"); // then nothing, for ever
    });
    const wa = createClient({ ...base, baseUrl: server.url, timeoutMs: 300, retry: false });
    const file = await wa.media.download("1");
    // Once: the timer was cleared at the headers, and this read never ended.
    const error = await failure(new Response(file.body).arrayBuffer());
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 300 });
  }, 15_000);

  it("more bytes than file_size said: the stream errors just past file_size + slack, not at the end of 8 MB", async () => {
    let written = 0;
    const server = await graphServer({ mime_type: "image/jpeg", file_size: 4000 }, (response) => {
      response.writeHead(200, { "content-type": "image/jpeg" });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (written < 8 << 20 && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      pump();
    });
    const wa = createClient({ ...base, baseUrl: server.url, retry: false });
    const file = await wa.media.download("1");
    expect(file).toMatchObject({ size: 4000, maxBytes: 4000 + 40 + 4096 });
    const error = await failure(new Response(file.body).arrayBuffer());
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe(
      "media.download: the file is over 8,136 bytes (file_size 4,000 bytes and some slack); not read further",
    );
    expect(written).toBeLessThan(8 << 20);
  }, 15_000);

  it("no file_size (a bare URL): the kind's limit, from Content-Length before reading or while streaming", async () => {
    const declared = await graphServer({}, (response) => {
      response.writeHead(200, { "content-type": "image/jpeg", "content-length": "6000000" });
      response.end(Buffer.alloc(6_000_000));
    });
    const wa = createClient({ ...base, baseUrl: declared.url, retry: false });
    await expect(wa.media.download(`${declared.url}/file`)).rejects.toThrow(
      "media.download: the file is 6,000,000 bytes (Content-Length), over 5,000,000 bytes (the limit for an image); not read",
    );
    const chunked = await graphServer({}, (response) => {
      response.writeHead(200, { "content-type": "image/jpeg" });
      response.write(Buffer.alloc(3_000_000));
      response.end(Buffer.alloc(3_000_000));
    });
    const file = await createClient({ ...base, baseUrl: chunked.url, retry: false }).media.download(`${chunked.url}/file`);
    expect(file).toMatchObject({ size: undefined, maxBytes: 5_000_000 });
    await expect(new Response(file.body).arrayBuffer()).rejects.toThrow("over 5,000,000 bytes (the limit for an image)");
  }, 15_000);

  it("file_size over the kind's limit is refused before the download; maxBytes lets it through, and is checked", async () => {
    let served = 0;
    const server = await graphServer({ mime_type: "video/mp4", file_size: 20_000_000 }, (response) => {
      served++;
      response.writeHead(200, { "content-type": "video/mp4" });
      response.end("small");
    });
    const wa = createClient({ ...base, baseUrl: server.url, retry: false });
    await expect(wa.media.download("1")).rejects.toThrow(
      "media.download: media 1 is 20,000,000 bytes (file_size), over the limit for a video (16,000,000 bytes); pass maxBytes to read it",
    );
    expect(served).toBe(0);
    const file = await wa.media.download("1", { maxBytes: 32_000_000 });
    expect(file).toMatchObject({ size: 20_000_000, maxBytes: 20_000_000 + 200_000 + 4096 });
    expect(await new Response(file.body).text()).toBe("small");
    await expect(wa.media.download("1", { maxBytes: 1_000_000 })).rejects.toThrow("over maxBytes (1,000,000 bytes)");
    for (const maxBytes of [0, Number.NaN, 1.5])
      await expect(wa.media.download("1", { maxBytes })).rejects.toThrow("media.download: maxBytes must be a whole number from 1");
  }, 15_000);
});
