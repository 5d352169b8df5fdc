import { describe, expect, it } from "@jest/globals";
import { classifyGraphError, knownGraphErrorCodes, msg, retryableGraphErrorCodes } from "@wacompose/builder";
import { classifyBriefly } from "../src/classify-briefly.js";
import {
  createClient,
  createSender,
  type FetchLike,
  GraphApiError,
  NetworkError,
  retryWhenNotAccepted,
  TimeoutError,
  UnexpectedResponseError,
} from "../src/index.js";

// The transport core (createSender) keeps every safety property of createClient: each case runs on both.
const token = "EAAG-very-secret-token";
const options = { phoneNumberId: "106540352242922", accessToken: token, version: "v23.0" } as const;
const fastRetry = { baseDelayMs: 1, maxDelayMs: 5 } as const;
const text = msg.to("16505551234").text("Your order shipped");
const accepted = {
  messaging_product: "whatsapp",
  contacts: [{ input: "16505551234", wa_id: "16505551234" }],
  messages: [{ id: "wamid.1" }],
};

type Init = Parameters<FetchLike>[1];
/** A fetch that answers each call from `answers` in turn (the last one repeats), recording what it was given. */
function stubFetch(...answers: (() => Response | Promise<Response>)[]) {
  const calls: { url: string; init: Init }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    return (answer as () => Response)();
  };
  return { fetch, calls };
}
const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const graphError = (code: number, status = 400) =>
  json({ error: { message: `failed (${token})`, type: "OAuthException", code, fbtrace_id: "A" } }, status);
const refused = () => Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }));
const reset = () => Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } }));

// createSender retries only when given a policy (its bundle carries none otherwise); createClient retries by default.
const makers = {
  createSender: (fetch: FetchLike, extra: object = {}) =>
    createSender({ ...options, retry: retryWhenNotAccepted(fastRetry), fetch, ...extra }),
  createClient: (fetch: FetchLike, extra: object = {}) => createClient({ ...options, retry: fastRetry, fetch, ...extra }),
};

describe.each(Object.entries(makers))("%s", (name, make) => {
  it("posts what toRequest() compiled, with a timeout signal and redirect: manual, and returns the answer", async () => {
    const { fetch, calls } = stubFetch(json(accepted));
    await expect(make(fetch).send(text)).resolves.toEqual(accepted);
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls as [{ url: string; init: Init }];
    expect(url).toBe("https://graph.facebook.com/v23.0/106540352242922/messages");
    expect(init.redirect).toBe("manual");
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.headers.Authorization).toBe(`Bearer ${token}`);
    expect(JSON.parse(String(init.body))).toEqual(text.build());
  });

  it("does not follow a redirect: nothing re-posted, the error says where it pointed", async () => {
    const { fetch, calls } = stubFetch(() => new Response("", { status: 307, headers: { location: `https://evil.example/?t=${token}` } }));
    const error = await make(fetch)
      .send(text)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(String((error as Error).message)).toMatch(/redirect to https:\/\/evil\.example.*not followed/);
    expect(String((error as Error).message)).not.toContain(token);
    // The redirect's body was not read, so nothing is said of it (it said "(empty)" before; newcomer).
    expect(String((error as Error).message)).not.toContain("(empty)");
    expect(calls).toHaveLength(1);
  });

  it('says "(empty)" only of a body it read: an empty 502, not an answer over the cap', async () => {
    const empty = stubFetch(() => new Response("", { status: 502 }));
    await expect(make(empty.fetch).send(text)).rejects.toThrow("HTTP 502 with a body that is not the Graph API's JSON (empty)");
    const big = stubFetch(() => new Response("x".repeat(2048), { status: 200 }));
    const error = await make(big.fetch, { maxResponseBytes: 1024 })
      .send(text)
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(
      /^HTTP 200 with an answer over 1024 bytes \(not read further\); the message may have been/,
    );
  });

  it("caps the answer and checks its shape", async () => {
    const big = stubFetch(() => new Response("x".repeat(2048), { status: 200 }));
    await expect(make(big.fetch, { maxResponseBytes: 1024 }).send(text)).rejects.toThrow(/an answer over 1024 bytes/);
    const shapeless = stubFetch(json({}));
    await expect(make(shapeless.fetch).send(text)).rejects.toThrow(/no messages\[0\]\.id/);
  });

  it("reads an answer of exactly the cap, its Content-Length declared, from a stream and from text()", async () => {
    const body = JSON.stringify(accepted);
    const size = new TextEncoder().encode(body).byteLength;
    const declared = { "content-length": String(size) };
    const streamed = stubFetch(() => new Response(body, { status: 200, headers: declared }));
    await expect(make(streamed.fetch, { maxResponseBytes: size }).send(text)).resolves.toEqual(accepted);
    const textOnly: FetchLike = async () => ({
      status: 200,
      statusText: "OK",
      headers: new Headers(declared),
      body: null,
      text: async () => body,
    });
    await expect(make(textOnly, { maxResponseBytes: size }).send(text)).resolves.toEqual(accepted);
    await expect(make(streamed.fetch, { maxResponseBytes: size - 1 }).send(text)).rejects.toThrow(`an answer over ${size - 1} bytes`);
  });

  it("refuses a declared Content-Length over the cap before reading: the stream cancelled, text() never called", async () => {
    let cancelled = false;
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled++;
        controller.enqueue(new Uint8Array(10));
      },
      cancel: () => {
        cancelled = true;
      },
    });
    const streaming: FetchLike = async () => ({
      status: 200,
      statusText: "OK",
      headers: new Headers({ "content-length": "5000" }),
      body: stream as never, // a WHATWG stream; ResponseLike types only the reader it uses
      text: async () => "",
    });
    await expect(make(streaming, { maxResponseBytes: 1024 }).send(text)).rejects.toThrow("an answer over 1024 bytes (not read further)");
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(1); // a stream may pull once ahead when made; nothing is read
    let read = false;
    const textOnly: FetchLike = async () => ({
      status: 200,
      statusText: "OK",
      headers: new Headers({ "content-length": "5000" }),
      body: null,
      text: async () => {
        read = true;
        return "x".repeat(5000);
      },
    });
    await expect(make(textOnly, { maxResponseBytes: 1024 }).send(text)).rejects.toBeInstanceOf(UnexpectedResponseError);
    expect(read).toBe(false);
  });

  it("says to check before resending when the connection was lost after the request went out", async () => {
    const error = await make(stubFetch(reset).fetch)
      .send(text)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NetworkError", mayHaveBeenDelivered: true, reason: "ECONNRESET" });
    expect((error as Error).message).toContain("so it was not resent — check before sending it again");
  });

  it("times out per attempt with a TimeoutError, never resent", async () => {
    const { fetch, calls } = stubFetch(() => new Promise<Response>(() => {}));
    const hanging: FetchLike = (url, init) =>
      new Promise((_, reject) => {
        void fetch(url, init);
        init.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    await expect(make(hanging, { timeoutMs: 20 }).send(text)).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toHaveLength(1);
  });

  it("redacts the token from a Graph error and types it; retries a throttling code, not a closed window", async () => {
    const throttled = stubFetch(graphError(130429), json(accepted));
    await expect(make(throttled.fetch).send(text)).resolves.toEqual(accepted);
    expect(throttled.calls).toHaveLength(2);
    const closed = stubFetch(graphError(131047));
    const error = await make(closed.fetch)
      .send(text)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).code).toBe(131047);
    expect((error as GraphApiError).retryable).toBe(false);
    expect((error as Error).message).not.toContain(token);
    expect(closed.calls).toHaveLength(1);
    // The sender does not carry the table: a code it does not retry is "unknown" there.
    expect((error as GraphApiError).category).toBe(name === "createClient" ? "reengagement_window" : "unknown");
  });

  it("retries a refused connection (nothing sent), not a reset one (maybe delivered)", async () => {
    const refusedOnce = stubFetch(refused, json(accepted));
    await expect(make(refusedOnce.fetch).send(text)).resolves.toEqual(accepted);
    expect(refusedOnce.calls).toHaveLength(2);
    const resetOnce = stubFetch(reset, json(accepted));
    const error = await make(resetOnce.fetch)
      .send(text)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).mayHaveBeenDelivered).toBe(true);
    expect(resetOnce.calls).toHaveLength(1);
  });

  it("checks its options, naming itself and the option, never the token", () => {
    const { fetch } = stubFetch(json(accepted));
    expect(() => make(fetch, { accessToken: "" })).toThrow(new TypeError(`${name}: accessToken is required`));
    expect(() => make(fetch, { timeoutMs: Number.NaN })).toThrow(`${name}: timeoutMs must be a number`);
    if (name === "createClient")
      expect(() => make(fetch, { retry: { limit: -1 } })).toThrow(`${name}: retry: limit must be a whole number`);
    else expect(() => retryWhenNotAccepted({ limit: -1 })).toThrow("retryWhenNotAccepted: retry: limit must be a whole number");
    expect(() => make(fetch, { phoneNumberId: token })).not.toThrow(token);
  });

  it("builds a builder first: an invalid one is a PayloadError and nothing is sent", async () => {
    const { fetch, calls } = stubFetch(json(accepted));
    await expect(make(fetch).send(msg.to("16505551234").text("" as string))).rejects.toThrow(/text\.body/);
    expect(calls).toHaveLength(0);
  });
});

describe("createSender's retry option (a policy passed in)", () => {
  it("sends once without one: a throttled send is a retryable GraphApiError, with the wait the API asked for", async () => {
    const throttled = stubFetch(json({ error: { message: "slow down", code: 130429 } }, 400, { "retry-after": "2" }), json(accepted));
    const error = await createSender({ ...options, fetch: throttled.fetch })
      .send(text)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    const { retryable, category, retryAfterMs } = error as GraphApiError;
    expect({ retryable, category, retryAfterMs }).toEqual({ retryable: true, category: "throttling", retryAfterMs: 2000 });
    expect(throttled.calls).toHaveLength(1);
    const refusedOnce = stubFetch(refused, json(accepted));
    await expect(createSender({ ...options, fetch: refusedOnce.fetch, retry: false }).send(text)).rejects.toBeInstanceOf(NetworkError);
    expect(refusedOnce.calls).toHaveLength(1);
  });

  it("takes retry options only through retryWhenNotAccepted: a plain object is a TypeError naming the fix", () => {
    const { fetch } = stubFetch(json(accepted));
    for (const retry of [{ limit: 3 }, null, 3, "yes", true])
      expect(() => createSender({ ...options, fetch, retry: retry as never })).toThrow(
        /^createSender: retry must be a policy such as retryWhenNotAccepted\(\{ limit: 3 \}\), or false; got (object|null|number|string|boolean)$/,
      );
  });

  it("runs a policy of one's own, which sees each attempt and its errors", async () => {
    const flaky = stubFetch(refused, refused, json(accepted));
    const seen: unknown[] = [];
    const ownPolicy = async (attempt: () => Promise<unknown>) => {
      for (;;) {
        try {
          return await attempt();
        } catch (error) {
          seen.push(error);
          if (seen.length > 5) throw error;
        }
      }
    };
    await expect(createSender({ ...options, fetch: flaky.fetch, retry: ownPolicy }).send(text)).resolves.toEqual(accepted);
    expect(flaky.calls).toHaveLength(3);
    expect(seen.map((error) => (error as NetworkError).reason)).toEqual(["ECONNREFUSED", "ECONNREFUSED"]);
  });

  it("gives up as retryWhenNotAccepted's limit says, and never retries what may have been delivered", async () => {
    const alwaysRefused = stubFetch(refused);
    await expect(
      createSender({ ...options, fetch: alwaysRefused.fetch, retry: retryWhenNotAccepted({ ...fastRetry, limit: 2 }) }).send(text),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(alwaysRefused.calls).toHaveLength(3);
    const oversized = stubFetch(() => new Response("x".repeat(64), { status: 200 }));
    await expect(
      createSender({ ...options, fetch: oversized.fetch, maxResponseBytes: 8, retry: retryWhenNotAccepted(fastRetry) }).send(text),
    ).rejects.toBeInstanceOf(UnexpectedResponseError);
    expect(oversized.calls).toHaveLength(1);
  });
});

describe("the wait a sender records (Retry-After always; the usage header with retryWhenNotAccepted)", () => {
  const usage = (minutes: unknown) => JSON.stringify({ "123": [{ type: "whatsapp", estimated_time_to_regain_access: minutes }] });
  const throttled = (headers: Record<string, string>) => json({ error: { message: "slow down", code: 80007 } }, 400, headers);
  const waitOf = async (fetch: FetchLike, retry?: Parameters<typeof createSender>[0]["retry"]) => {
    const error = await createSender({ ...options, fetch, ...(retry === undefined ? {} : { retry }) })
      .send(text)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    return (error as GraphApiError).retryAfterMs;
  };

  it("without a policy, reads Retry-After (seconds or a date) and not X-Business-Use-Case-Usage", async () => {
    expect(await waitOf(stubFetch(throttled({ "retry-after": "1.5" })).fetch)).toBe(1500);
    const soon = new Date(Date.now() + 120_000).toUTCString();
    const wait = (await waitOf(stubFetch(throttled({ "retry-after": soon })).fetch)) as number;
    expect(wait).toBeGreaterThan(60_000);
    expect(wait).toBeLessThanOrEqual(120_000);
    // Junk is no wait at all, never NaN or a negative one.
    for (const junk of ["soon", "", "Infinity", "-5"])
      expect(await waitOf(stubFetch(throttled({ "retry-after": junk })).fetch)).toBe(junk === "-5" ? 0 : undefined);
    expect(await waitOf(stubFetch(throttled({ "x-business-use-case-usage": usage(2) })).fetch)).toBeUndefined();
    expect(await waitOf(stubFetch(throttled({ "x-business-use-case-usage": usage(2) })).fetch, false)).toBeUndefined();
  });

  it("with retryWhenNotAccepted(), reads the usage header too, and gives up at once when it asks for more than maxDelayMs", async () => {
    const long = stubFetch(throttled({ "x-business-use-case-usage": usage(2) }), json(accepted));
    expect(await waitOf(long.fetch, retryWhenNotAccepted(fastRetry))).toBe(120_000);
    expect(long.calls).toHaveLength(1);
    // Retry-After first, as createClient reads them.
    const both = stubFetch(throttled({ "retry-after": "3", "x-business-use-case-usage": usage(2) }));
    expect(await waitOf(both.fetch, retryWhenNotAccepted({ ...fastRetry, limit: 0 }))).toBe(3000);
    // A hostile usage header is no wait: the policy backs off as usual and the next attempt is accepted.
    for (const hostile of [
      "{",
      "null",
      "[]",
      usage("9"),
      usage(-3),
      usage(Number.MAX_VALUE * 10),
      '{"1":{"estimated_time_to_regain_access":5}}',
    ]) {
      const flaky = stubFetch(throttled({ "x-business-use-case-usage": hostile }), json(accepted));
      await expect(createSender({ ...options, fetch: flaky.fetch, retry: retryWhenNotAccepted(fastRetry) }).send(text)).resolves.toEqual(
        accepted,
      );
      expect(flaky.calls).toHaveLength(2);
    }
  });

  it("a policy of one's own cannot change how the wait is read, whatever properties it carries", async () => {
    const ownPolicy = Object.assign(async (attempt: () => Promise<unknown>) => attempt(), {
      waitReader: () => 1,
      askedWait: "not a function",
      [Symbol("waitReader")]: () => 1,
    });
    expect(await waitOf(stubFetch(throttled({ "retry-after": "2" })).fetch, ownPolicy)).toBe(2000);
    expect(await waitOf(stubFetch(throttled({ "x-business-use-case-usage": usage(2) })).fetch, ownPolicy)).toBeUndefined();
  });

  it("createClient reads both headers whatever its retry option", async () => {
    for (const retry of [false, undefined, async (attempt: () => Promise<unknown>) => attempt()] as const) {
      const { fetch } = stubFetch(throttled({ "x-business-use-case-usage": usage(2) }));
      const error = await createClient({ ...options, fetch, retry: retry === undefined ? { limit: 0 } : retry })
        .send(text)
        .catch((e: unknown) => e);
      expect((error as GraphApiError).retryAfterMs).toBe(120_000);
    }
  });
});

describe("classifyBriefly (the sender's classification, without the table)", () => {
  it("retries exactly the codes the table retries, with the table's category and action, at a 4xx status", () => {
    for (const code of knownGraphErrorCodes) {
      const full = classifyGraphError({ code }, 400);
      const brief = classifyBriefly({ code }, 400);
      const retries = (action: string) => action === "retry" || action === "retry_after";
      expect([code, retries(brief.action)]).toEqual([code, retries(full.action)]);
      if (retries(full.action)) expect([code, brief]).toEqual([code, full]);
    }
  });

  it("gives every code of the protocol's retryable table that table's pair, at any status", () => {
    for (const [code, [category, action]] of Object.entries(retryableGraphErrorCodes))
      for (const status of [400, 429, 500])
        expect([code, status, classifyBriefly({ code: Number(code) }, status)]).toEqual([code, status, { category, action }]);
  });

  it("reads a code the answer wrote as a string (or a one-element array) as the table does, the key it names", () => {
    // The Graph error is the API's JSON, not checked for shape: classifyGraphError looks a code up by its property key,
    // so "4" is 4 there; the sender must not tell a retryable throttling error apart from the client's reading of it.
    for (const code of Object.keys(retryableGraphErrorCodes))
      for (const written of [code, [Number(code)]])
        for (const status of [400, 500]) {
          const error = { code: written as unknown as number };
          expect([written, status, classifyBriefly(error, status)]).toEqual([written, status, classifyGraphError(error, status)]);
        }
    for (const written of ["04", "4.5", " 4", "toString", "__proto__", "constructor"]) {
      const error = { code: written as unknown as number };
      expect([written, classifyBriefly(error, 400)]).toEqual([written, { category: "unknown", action: "do_not_retry" }]);
    }
  });

  it("gives a bad access token's codes (0, 190) the table's authorization / refresh_token, at any status (newcomer)", () => {
    for (const code of [0, 190])
      for (const status of [400, 401, 500]) {
        expect([code, status, classifyBriefly({ code }, status)]).toEqual([code, status, classifyGraphError({ code }, status)]);
        expect(classifyBriefly({ code }, status)).toEqual({ category: "authorization", action: "refresh_token" });
      }
  });

  it("a sender told the token is wrong says so and does not resend, even with a retry policy", async () => {
    const { fetch, calls } = stubFetch(graphError(190, 401));
    const error = await createSender({ phoneNumberId: "1", accessToken: token, fetch, retry: retryWhenNotAccepted({ baseDelayMs: 0 }) })
      .send(text)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: 190, status: 401, category: "authorization", action: "refresh_token", retryable: false });
    expect(calls).toHaveLength(1);
  });

  it("falls back on the status as the table does for an unknown code", () => {
    for (const status of [400, 429, 500, 503])
      expect(classifyBriefly({ code: 999_999 }, status)).toEqual(classifyGraphError({ code: 999_999 }, status));
    expect(classifyBriefly({ code: 999_999, is_transient: true }, 400)).toEqual(
      classifyGraphError({ code: 999_999, is_transient: true }, 400),
    );
  });
});

describe("a fetch failure whose cause cannot be read", () => {
  it("takes the first string code and reads no further: a throwing cause beside it is never touched", async () => {
    // A fetch (or a runtime's error) may carry a lazy `cause`; a refused connection's code is enough to say nothing
    // was sent, and the getter's error must not escape in place of the transport's typed one.
    let touched = 0;
    const refused = Object.defineProperty({ code: "ECONNREFUSED" }, "cause", {
      get() {
        touched++;
        throw new Error("cause getter");
      },
    });
    for (const make of [createSender, createClient] as const) {
      const error = await make({ ...options, retry: false, fetch: () => Promise.reject(refused) })
        .send(text)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ reason: "ECONNREFUSED", mayHaveBeenDelivered: false });
    }
    expect(touched).toBe(0);
  });
});

describe("an answer that is JSON but not an object", () => {
  it("is never a Graph error, whatever its prototype holds: a 5xx that may have been accepted is not retried", async () => {
    // A primitive has no fields of its own; an `error` read from String.prototype (polluted by some other code) must
    // not turn a 5xx, which the API may have accepted, into a Graph error that the retry policy sends again.
    const polluted = [String.prototype, Number.prototype, Boolean.prototype];
    for (const prototype of polluted)
      Object.defineProperty(prototype, "error", { value: { code: 131000, message: "inherited" }, configurable: true });
    try {
      for (const body of ['"accepted"', "1", "true"]) {
        const { fetch, calls } = stubFetch(() => new Response(body, { status: 500 }));
        const error = await createSender({ ...options, fetch, retry: retryWhenNotAccepted(fastRetry) })
          .send(text)
          .catch((e: unknown) => e);
        expect([body, error]).toEqual([body, expect.any(UnexpectedResponseError)]);
        expect([body, (error as UnexpectedResponseError).mayHaveBeenDelivered, calls.length]).toEqual([body, true, 1]);
      }
    } finally {
      for (const prototype of polluted) delete (prototype as { error?: unknown }).error;
    }
  });
});
