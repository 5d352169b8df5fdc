import { getEventListeners } from "node:events";
import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import {
  createClient,
  createMedia,
  createSender,
  type FetchLike,
  GraphApiError,
  NetworkError,
  type ResponseLike,
  retryWhenNotAccepted,
  TimeoutError,
  UnexpectedResponseError,
} from "../src/index.js";
import { createTemplateManager } from "../src/templates/index.js";

// What last session's outside review and newcomer hit on the request path: a message sent twice, a polluted
// prototype taken for the API's answer, a fetch deaf to its signal hanging for ever, an error that escaped untyped.
const token = "EAABhardening123";
const phoneNumberId = "106540352242922";
const text = msg.to("+16505551234").text("hi");
const json = (status: number, body: unknown): Response =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
/** A fetch answering `answer` each time, recording every call's URL and signal. */
const recording = (answer: () => Promise<ResponseLike> | ResponseLike) => {
  const calls: { url: string; signal: AbortSignal }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, signal: init.signal });
    return answer();
  };
  return { fetch, calls };
};
const caught = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("expected a rejection, got a result");
    },
    (error: unknown) => error,
  );
const noDelay = () => retryWhenNotAccepted({ baseDelayMs: 0, maxDelayMs: 0 });
const senders = {
  "createSender({ retry: retryWhenNotAccepted() })": (fetch: FetchLike, timeoutMs?: number) =>
    createSender({ phoneNumberId, accessToken: token, fetch, retry: noDelay(), timeoutMs }),
  "createClient (retries on by default)": (fetch: FetchLike, timeoutMs?: number) =>
    createClient({ phoneNumberId, accessToken: token, fetch, retry: { baseDelayMs: 0, maxDelayMs: 0 }, timeoutMs }),
} as const;
const eachSender = Object.entries(senders);
/**
 * Runs `call` with the global setTimeout and clearTimeout watched (the transport calls them through the global object)
 * and gives back how many of the timers set meanwhile are still pending: neither fired nor cleared. Only those: the
 * process's other timers (jest's, a busy host's) do not count.
 */
async function timersLeftBy(call: () => Promise<unknown>): Promise<number> {
  const { setTimeout: set, clearTimeout: clear } = globalThis;
  const pending = new Set<unknown>();
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = set(() => {
      pending.delete(handle);
      callback(...args);
    }, ms);
    pending.add(handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(handle);
    clear(handle);
  }) as typeof clearTimeout;
  try {
    await call();
  } finally {
    globalThis.setTimeout = set;
    globalThis.clearTimeout = clear;
  }
  return pending.size;
}

describe("a 2xx is never sent twice", () => {
  // 4 and 131056 wait (retry_after), 1 and 131000 are server errors (retry): each retryable in a 4xx or 5xx answer.
  describe.each(eachSender)("%s", (_, make) => {
    it.each([4, 131056, 1, 131000, 130429])(
      "a 200 with error code %d and no messages: one fetch, an odd answer that may have been delivered",
      async (code) => {
        const { fetch, calls } = recording(() => json(200, { error: { code, message: `busy ${token}` } }));
        const error = await caught(make(fetch).send(text));
        expect(calls).toHaveLength(1);
        expect(error).toBeInstanceOf(UnexpectedResponseError);
        expect(error).toMatchObject({ status: 200, mayHaveBeenDelivered: true });
        const { message } = error as Error;
        // It states the answer (the error's code, the token redacted) and says to check before resending.
        expect(message).toContain(`"code":${code}`);
        expect(message).toContain("[redacted]");
        expect(message).not.toContain(token);
        expect(message).toContain("may have been accepted (the status says so), so it was not resent");
      },
    );

    it("the same error in a 4xx is still a Graph error, retried as its code says", async () => {
      const { fetch, calls } = recording(() => json(429, { error: { code: 4, message: "busy" } }));
      const error = await caught(make(fetch).send(text));
      expect(error).toBeInstanceOf(GraphApiError);
      expect(error).toMatchObject({ code: 4, retryable: true, mayHaveBeenDelivered: false });
      expect(calls).toHaveLength(4);
    });
  });
});

/** Runs `body` with `key` set on Object.prototype (enumerable, as a polluting merge sets it), then removes it. */
async function polluted<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const before = Object.getOwnPropertyDescriptor(Object.prototype, key);
  // biome-ignore lint/suspicious/noExplicitAny: the pollution under test
  (Object.prototype as any)[key] = value;
  try {
    return await body();
  } finally {
    if (before === undefined) delete (Object.prototype as Record<string, unknown>)[key];
    else Object.defineProperty(Object.prototype, key, before);
  }
}

describe("an answer's fields are its own: a polluted prototype is not the API's answer", () => {
  it.each(eachSender)("%s: an inherited error does not make a proxy's 502 a retryable Graph error", async (_, make) => {
    const { fetch, calls } = recording(() => json(502, { proxy: "bad gateway" }));
    const error = await polluted("error", { code: 4, message: "polluted" }, () => caught(make(fetch).send(text)));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(calls).toHaveLength(1);
  });

  it.each(eachSender)("%s: inherited messages do not make {} an accepted send", async (_, make) => {
    const { fetch } = recording(() => json(200, {}));
    const error = await polluted("messages", [{ id: "wamid.polluted" }], () => caught(make(fetch).send(text)));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 200, mayHaveBeenDelivered: true });
  });

  it.each(eachSender)("%s: an inherited id does not make a message without one accepted", async (_, make) => {
    const { fetch } = recording(() => json(200, { messages: [{}] }));
    const error = await polluted("id", "wamid.polluted", () => caught(make(fetch).send(text)));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
  });

  it.each(eachSender)("%s: an inherited code does not make a Graph error without one retryable", async (_, make) => {
    const { fetch, calls } = recording(() => json(400, { error: { message: "no code" } }));
    const error = await polluted("code", 4, () => caught(make(fetch).send(text)));
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: undefined, retryable: false });
    expect(calls).toHaveLength(1);
  });

  // A field where the API puts a value, given as an object or array: a prototype-less one cannot be made a string,
  // and the Graph error was misread as a connection lost after the request was sent.
  it.each(eachSender)("%s: a Graph error whose values are objects or arrays is still a Graph error", async (_, make) => {
    for (const error of [
      { code: 100, message: {} },
      { code: {}, message: "odd code" },
      { code: 100, message: "odd details", error_data: { details: {} } },
      { code: 100, message: ["a"] },
    ]) {
      const { fetch, calls } = recording(() => json(400, { error }));
      const caughtError = await caught(make(fetch).send(text));
      expect(caughtError).toBeInstanceOf(GraphApiError);
      expect(caughtError).toMatchObject({ status: 400, mayHaveBeenDelivered: false, retryable: false });
      expect(calls).toHaveLength(1);
    }
  });

  it.each(eachSender)("%s: an inherited details does not come through an error_data that is an array", async (_, make) => {
    const { fetch } = recording(() => json(400, { error: { code: 100, message: "m", error_data: [] } }));
    const error = await polluted("details", "polluted", () => caught(make(fetch).send(text)));
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ details: undefined });
  });

  it("mark-as-read: an inherited success is not the API's", async () => {
    const { fetch } = recording(() => json(200, {}));
    const wa = createClient({ phoneNumberId, accessToken: token, fetch, retry: false });
    await expect(polluted("success", true, () => caught(wa.markRead("wamid.1")))).resolves.toBeInstanceOf(UnexpectedResponseError);
  });

  it("media: inherited id, url and fields are not the API's", async () => {
    const { fetch } = recording(() => json(200, { url: "https://lookaside.fbsbx.com/x" }));
    const media = createMedia({ phoneNumberId, accessToken: token, fetch });
    const info = await polluted("mime_type", "image/polluted", () => media.get("123"));
    expect(info).toMatchObject({ id: "123", mimeType: "" });
    const empty = createMedia({ phoneNumberId, accessToken: token, fetch: recording(() => json(200, {})).fetch });
    await expect(polluted("url", "https://lookaside.fbsbx.com/x", () => caught(empty.get("123")))).resolves.toBeInstanceOf(
      UnexpectedResponseError,
    );
    const uploaded = createMedia({ phoneNumberId, accessToken: token, fetch: recording(() => json(200, {})).fetch });
    const upload = () => caught(uploaded.upload(new Uint8Array([0xff, 0xd8, 0xff]), { type: "image/jpeg" }));
    await expect(polluted("id", "999", upload)).resolves.toBeInstanceOf(UnexpectedResponseError);
  });

  it("templates: an inherited id or page is not the API's", async () => {
    const manager = (body: unknown) =>
      createTemplateManager({ businessAccountId: "1", accessToken: token, retry: false, fetch: recording(() => json(200, body)).fetch });
    await expect(polluted("id", "1", () => caught(manager({}).get("1")))).resolves.toBeInstanceOf(UnexpectedResponseError);
    await expect(polluted("data", [], () => caught(manager({}).list()))).resolves.toBeInstanceOf(UnexpectedResponseError);
    // A last page: an inherited `paging.next` must not be followed (the list would ask for a page the API never named).
    const { fetch, calls } = recording(() => json(200, { data: [{ id: "1" }] }));
    const list = createTemplateManager({ businessAccountId: "1", accessToken: token, retry: false, fetch });
    const next = { next: "https://graph.facebook.com/v26.0/1/message_templates?after=x" };
    await expect(polluted("paging", next, () => list.list())).resolves.toMatchObject({ data: [{ id: "1" }], pages: 1 });
    expect(calls).toHaveLength(1);
    const archive = createTemplateManager({
      businessAccountId: "1",
      accessToken: token,
      retry: false,
      fetch: recording(() => json(200, {})).fetch,
    });
    await expect(polluted("failed_templates", {}, () => caught(archive.archive(["1"])))).resolves.toBeInstanceOf(UnexpectedResponseError);
  });
});

describe("the timeout holds over a fetch that ignores its signal", () => {
  const deaf: FetchLike = () => new Promise<ResponseLike>(() => {});
  /** An answer whose body never ends and ignores cancel: a stream read for ever. */
  const endless = (): ResponseLike => ({
    status: 200,
    statusText: "OK",
    headers: { get: () => null },
    body: { getReader: () => ({ read: () => new Promise(() => {}), cancel: () => new Promise(() => {}) }) },
    text: () => new Promise(() => {}),
  });
  const withoutStream = (): ResponseLike => ({ ...endless(), body: null });

  describe.each(eachSender)("%s", (_, make) => {
    it.each([
      ["a fetch that never settles", () => ({ fetch: deaf, calls: [] as unknown[] })],
      ["a body stream that never ends", () => recording(endless)],
      ["a text() that never settles", () => recording(withoutStream)],
    ])("%s: a TimeoutError naming the URL, one fetch, no timer or listener left", async (_, given) => {
      const { fetch } = given();
      let signal: AbortSignal | undefined;
      let calls = 0;
      const spy: FetchLike = (url, init) => {
        calls++;
        signal = init.signal;
        return fetch(url, init);
      };
      let error: unknown;
      const left = await timersLeftBy(async () => {
        error = await caught(make(spy, 30).send(text));
      });
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({
        timeoutMs: 30,
        mayHaveBeenDelivered: true,
        url: `https://graph.facebook.com/v26.0/${phoneNumberId}/messages`,
      });
      expect((error as Error).message).toContain(`from https://graph.facebook.com/v26.0/${phoneNumberId}/messages within 30 ms`);
      expect(calls).toBe(1);
      expect(signal?.aborted).toBe(true);
      expect(getEventListeners(signal as AbortSignal, "abort")).toHaveLength(0);
      expect(left).toBe(0);
    });
  });

  it("a send that is answered leaves no timer behind", async () => {
    const { fetch } = recording(() => json(200, { messages: [{ id: "wamid.1" }] }));
    const wa = createSender({ phoneNumberId, accessToken: token, fetch });
    await expect(timersLeftBy(() => wa.send(text))).resolves.toBe(0);
  });

  it("the template manager and media's lookups time out alike", async () => {
    const manager = createTemplateManager({ businessAccountId: "1", accessToken: token, fetch: deaf, timeoutMs: 20 });
    await expect(caught(manager.get("1"))).resolves.toMatchObject({ name: "TimeoutError", url: "https://graph.facebook.com/v26.0/1" });
    const media = createMedia({ phoneNumberId, accessToken: token, fetch: deaf, timeoutMs: 20 });
    await expect(caught(media.get("123"))).resolves.toMatchObject({
      name: "TimeoutError",
      url: `https://graph.facebook.com/v26.0/123?phone_number_id=${phoneNumberId}`,
    });
  });

  it("a download: a file fetch deaf to the signal, and a file stream that never ends, each end in a TimeoutError", async () => {
    const described = () => json(200, { url: "https://lookaside.fbsbx.com/file", mime_type: "image/jpeg" });
    const stalled = (file: () => Promise<Response>): FetchLike => {
      let n = 0;
      return async () => (n++ === 0 ? described() : file());
    };
    const deafFile = createMedia({ phoneNumberId, accessToken: token, fetch: stalled(() => new Promise(() => {})), timeoutMs: 30 });
    let error: unknown;
    await expect(
      timersLeftBy(async () => {
        error = await caught(deafFile.download("123"));
      }),
    ).resolves.toBe(0);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ url: "https://lookaside.fbsbx.com/file" });

    const neverEnds = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}), cancel: () => new Promise(() => {}) });
    const file = async () => new Response(neverEnds, { status: 200, headers: { "content-type": "image/jpeg" } });
    const endlessFile = createMedia({ phoneNumberId, accessToken: token, fetch: stalled(file), timeoutMs: 30 });
    await expect(
      timersLeftBy(async () => {
        const download = await endlessFile.download("123");
        error = await caught(download.body.getReader().read());
      }),
    ).resolves.toBe(0);
    expect(error).toBeInstanceOf(TimeoutError);

    // And a file read to its end leaves no timer behind either (the default 30 s one, cleared).
    const whole = async () => new Response(new Uint8Array([0xff, 0xd8, 0xff]), { status: 200, headers: { "content-type": "image/jpeg" } });
    const served = createMedia({ phoneNumberId, accessToken: token, fetch: stalled(whole) });
    let bytes = 0;
    await expect(
      timersLeftBy(async () => {
        const download = await served.download("123");
        bytes = (await new Response(download.body).arrayBuffer()).byteLength;
      }),
    ).resolves.toBe(0);
    expect(bytes).toBe(3);
  });
});

describe("a download's timer race holds nothing per chunk", () => {
  // Each read was raced with the timer's promise (Promise.race), which left a reaction on it per chunk, held until the
  // download ended: 300,000 one-byte chunks (a file sent in small pieces, within the timeout) kept some 100 MB alive.
  it("300,000 one-byte chunks read with the heap still small", async () => {
    const chunks = 300_000;
    const one = new Uint8Array(1);
    let sent = 0;
    const described = () => json(200, { url: "https://lookaside.fbsbx.com/file", mime_type: "application/pdf" });
    let n = 0;
    const fetch: FetchLike = async () =>
      n++ === 0
        ? described()
        : new Response(
            new ReadableStream<Uint8Array>(
              {
                pull: (out) => {
                  if (sent++ < chunks) out.enqueue(one);
                  else out.close();
                },
              },
              { highWaterMark: 0 },
            ),
            { status: 200, headers: { "content-type": "application/pdf" } },
          );
    const media = createMedia({ phoneNumberId, accessToken: token, fetch, timeoutMs: 120_000 });
    const download = await media.download("123", { maxBytes: 10 ** 8 });
    const reader = download.body.getReader();
    const before = process.memoryUsage().heapUsed;
    let read = 0;
    let grown = 0;
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      // Measured before the end, while what a race keeps is still reachable.
      if (++read === chunks - 1) grown = process.memoryUsage().heapUsed - before;
    }
    expect(read).toBe(chunks);
    expect(grown).toBeLessThan(40 << 20);
  }, 60_000);
});

describe("a fetch failure whose code cannot be read", () => {
  const throwing = () => {
    throw new Error("code getter");
  };
  it.each([
    ["a throwing code getter", () => Object.defineProperty(new Error("failed"), "code", { get: throwing })],
    ["a throwing code getter on its cause", () => new Error("failed", { cause: Object.defineProperty({}, "code", { get: throwing }) })],
    ["a proxy that throws on every read", () => new Proxy({}, { get: throwing })],
    [
      "a revoked proxy (even instanceof throws)",
      () => {
        const { proxy, revoke } = Proxy.revocable({}, {});
        revoke();
        return proxy;
      },
    ],
  ])("%s: a NetworkError that may have been delivered", async (_, failure) => {
    for (const [, make] of eachSender) {
      let calls = 0;
      const fetch: FetchLike = () => {
        calls++;
        return Promise.reject(failure());
      };
      const error = await caught(make(fetch).send(text));
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ reason: undefined, mayHaveBeenDelivered: true });
      expect(calls).toBe(1);
    }
  });
});

describe("an access token given with 'Bearer ' before it", () => {
  const given = ["Bearer EAABsecret", "bearer EAABsecret", "BEARER\tEAABsecret"];
  it.each(given)("%j is refused by every entry point, naming the fix, never the token", (accessToken) => {
    const fetch = recording(() => json(200, {})).fetch;
    for (const open of [
      () => createSender({ phoneNumberId, accessToken, fetch }),
      () => createClient({ phoneNumberId, accessToken, fetch }),
      () => createMedia({ phoneNumberId, accessToken, fetch }),
      () => createTemplateManager({ businessAccountId: "1", accessToken, fetch }),
    ]) {
      const error = (() => {
        try {
          open();
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/: accessToken must be the token alone, without "Bearer " before it/);
      expect((error as Error).message).not.toContain("EAABsecret");
    }
  });

  it.each([" EAABsecret", "EAABsecret ", " Bearer EAABsecret", "EAABsecret\u00a0", "EAABsecret\n", "EAAB\r\nX-Injected: 1"])(
    "%j (whitespace at an end, a line break) is refused by every entry point, never the token",
    (accessToken) => {
      const fetch = recording(() => json(200, {})).fetch;
      for (const [name, open] of [
        ["createSender", () => createSender({ phoneNumberId, accessToken, fetch })],
        ["createClient", () => createClient({ phoneNumberId, accessToken, fetch })],
        ["createMedia", () => createMedia({ phoneNumberId, accessToken, fetch })],
        ["createTemplateManager", () => createTemplateManager({ businessAccountId: "1", accessToken, fetch })],
      ] as const) {
        let error: unknown;
        try {
          open();
        } catch (thrown) {
          error = thrown;
        }
        expect(error).toBeInstanceOf(TypeError);
        expect((error as Error).message).toMatch(
          new RegExp(`^${name}: accessToken may hold only printable ASCII and Latin-1 characters, with no whitespace at either end$`),
        );
        expect((error as Error).message).not.toContain("EAABsecret");
      }
    },
  );

  it("a token that only starts with the letters is taken", async () => {
    const { fetch, calls } = recording(() => json(200, { messages: [{ id: "wamid.1" }] }));
    await createSender({ phoneNumberId, accessToken: "BearerlikeToken", fetch }).send(text);
    expect(calls).toHaveLength(1);
  });
});

describe("TimeoutError names the URL, and is built as before without one", () => {
  it("without a URL: the old message, url undefined", () => {
    const error = new TimeoutError(50);
    expect(error.message).toMatch(/^no answer within 50 ms; the message may have been delivered/);
    expect(error).toMatchObject({ timeoutMs: 50, url: undefined, mayHaveBeenDelivered: true });
  });

  it("the URL is redacted: a token in it never shows", async () => {
    // A `next` page URL may carry the token in its query; the manager sends the first page to its own URL.
    const first = json(200, {
      data: [{ id: "1" }],
      paging: { next: `https://graph.facebook.com/v26.0/1/message_templates?access_token=${token}&after=2` },
    });
    let n = 0;
    const fetch: FetchLike = () => (n++ === 0 ? Promise.resolve(first) : new Promise(() => {}));
    const manager = createTemplateManager({ businessAccountId: "1", accessToken: token, fetch, timeoutMs: 30 });
    const error = await caught(manager.list());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(token);
    expect((error as TimeoutError).url).toContain("access_token=[redacted]");
  });
});

describe("a retry policy that gives up says how many attempts it made", () => {
  it.each(eachSender)("%s: a retryable error every time, (after 4 attempts)", async (_, make) => {
    const { fetch, calls } = recording(() => json(503, { error: { code: 131000, message: "down" } }));
    const error = await caught(make(fetch).send(text));
    expect(calls).toHaveLength(4);
    expect(error).toMatchObject({ name: "GraphApiError", attempts: 4 });
    expect((error as Error).message).toMatch(/: down \(after 4 attempts\)$/);
  });

  it("an attempt that may have been delivered after a retry: it stops there and says so", async () => {
    let n = 0;
    const fetch: FetchLike = () =>
      n++ === 0 ? Promise.resolve(json(429, { error: { code: 4, message: "slow" } })) : new Promise(() => {});
    const error = await caught(senders["createSender({ retry: retryWhenNotAccepted() })"](fetch, 30).send(text));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 2 });
    expect((error as Error).message).toMatch(/ \(after 2 attempts\)$/);
  });

  it("the same error object given up on twice says the latest count once", async () => {
    // A custom fetch (or attempt) that rejects with one error object every time, across two sends.
    const same = new NetworkError("connection refused", false);
    const policy = retryWhenNotAccepted({ limit: 2, baseDelayMs: 0, maxDelayMs: 0 });
    expect(await caught(policy(() => Promise.reject(same)))).toBe(same);
    expect(same.message).toMatch(/connection refused.* \(after 3 attempts\)$/);
    const once = same.message;
    await caught(policy(() => Promise.reject(same)));
    expect(same.message).toBe(once);
    let n = 0;
    await caught(policy(() => (n++ === 0 ? Promise.reject(same) : Promise.reject(new Error("bad")))));
    expect(same.message).toBe(once); // a different error ended that one
    const twice = retryWhenNotAccepted({ limit: 1, baseDelayMs: 0, maxDelayMs: 0 });
    await caught(twice(() => Promise.reject(same)));
    expect(same.message.match(/attempts/g)).toHaveLength(1);
    expect(same.message).toMatch(/ \(after 2 attempts\)$/);
    expect(same).toMatchObject({ attempts: 2 });
  });

  it("a frozen error, or one whose message cannot be set, is given up with as it is (not a TypeError instead)", async () => {
    const policy = retryWhenNotAccepted({ limit: 1, baseDelayMs: 0, maxDelayMs: 0 });
    const frozen = Object.freeze(new NetworkError("connection refused", false));
    expect(await caught(policy(() => Promise.reject(frozen)))).toBe(frozen);
    const readOnly = new NetworkError("connection refused", false);
    Object.defineProperty(readOnly, "message", { value: "refused", writable: false });
    expect(await caught(policy(() => Promise.reject(readOnly)))).toBe(readOnly);
    expect(readOnly).toMatchObject({ message: "refused", attempts: 2 });
    const { fetch } = recording(() => Promise.reject(frozen));
    expect(await caught(senders["createClient (retries on by default)"](fetch).send(text))).toBe(frozen);
  });

  it("a failure at the first attempt says nothing of attempts", async () => {
    const { fetch } = recording(() => json(400, { error: { code: 100, message: "bad" } }));
    const error = await caught(senders["createClient (retries on by default)"](fetch).send(text));
    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).attempts).toBeUndefined();
    expect((error as Error).message).not.toContain("attempts");
  });
});
