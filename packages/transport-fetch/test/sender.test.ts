import { describe, expect, it } from "@jest/globals";
import { classifyGraphError, knownGraphErrorCodes, msg } from "@wacompose/builder";
import { classifyBriefly } from "../src/classify-briefly.js";
import {
  createClient,
  createSender,
  type FetchLike,
  GraphApiError,
  NetworkError,
  TimeoutError,
  UnexpectedResponseError,
} from "../src/index.js";

// The transport core (createSender) keeps every safety property of createClient: each case runs on both.
const token = "EAAG-very-secret-token";
const options = {
  phoneNumberId: "106540352242922",
  accessToken: token,
  version: "v23.0",
  retry: { baseDelayMs: 1, maxDelayMs: 5 },
} as const;
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

const makers = {
  createSender: (fetch: FetchLike, extra: object = {}) => createSender({ ...options, fetch, ...extra }),
  createClient: (fetch: FetchLike, extra: object = {}) => createClient({ ...options, fetch, ...extra }),
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
    expect(calls).toHaveLength(1);
  });

  it("caps the answer and checks its shape", async () => {
    const big = stubFetch(() => new Response("x".repeat(2048), { status: 200 }));
    await expect(make(big.fetch, { maxResponseBytes: 1024 }).send(text)).rejects.toThrow(/an answer over 1024 bytes/);
    const shapeless = stubFetch(json({}));
    await expect(make(shapeless.fetch).send(text)).rejects.toThrow(/no messages\[0\]\.id/);
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
    expect(() => make(fetch, { retry: { limit: -1 } })).toThrow(`${name}: retry: limit must be a whole number`);
    expect(() => make(fetch, { phoneNumberId: token })).not.toThrow(token);
  });

  it("builds a builder first: an invalid one is a PayloadError and nothing is sent", async () => {
    const { fetch, calls } = stubFetch(json(accepted));
    await expect(make(fetch).send(msg.to("16505551234").text("" as string))).rejects.toThrow(/text\.body/);
    expect(calls).toHaveLength(0);
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

  it("falls back on the status as the table does for an unknown code", () => {
    for (const status of [400, 429, 500, 503])
      expect(classifyBriefly({ code: 999_999 }, status)).toEqual(classifyGraphError({ code: 999_999 }, status));
    expect(classifyBriefly({ code: 999_999, is_transient: true }, 400)).toEqual(
      classifyGraphError({ code: 999_999, is_transient: true }, 400),
    );
  });
});
