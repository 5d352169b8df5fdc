// The retry decisions and token redaction on their own (no HTTP): which failures are retried,
// how long to wait, what the API's wait headers say, and that a token is scrubbed whole only.
// `pnpm mutate`'s transport group is judged by this file with the client's own tests.
import { describe, expect, it } from "@jest/globals";
import { GraphApiError, NetworkError } from "../src/errors.js";
import { networkError } from "../src/network-error.js";
import { redactor } from "../src/redact.js";
import { delayFor, retryOptions, shouldRetry } from "../src/retry.js";
import { parseBusinessUseCaseUsage, parseRetryAfter } from "../src/retry-after.js";

const graphError = (action: "retry" | "retry_after" | "fix_and_retry" | "do_not_retry" | "refresh_token") =>
  new GraphApiError(400, { code: 1, message: "m" }, { category: "unknown", action });

describe("retryOptions", () => {
  it("fills in 3 retries from 500 ms, capped at 30 s, and keeps what is given", () => {
    expect(retryOptions(undefined)).toStrictEqual({ limit: 3, baseDelayMs: 500, maxDelayMs: 30_000 });
    expect(retryOptions({})).toStrictEqual({ limit: 3, baseDelayMs: 500, maxDelayMs: 30_000 });
    expect(retryOptions({ limit: 0, baseDelayMs: 0, maxDelayMs: 0 })).toStrictEqual({ limit: 0, baseDelayMs: 0, maxDelayMs: 0 });
    expect(retryOptions({ limit: 100, baseDelayMs: 2 ** 31 - 1, maxDelayMs: 2 ** 31 - 1 })).toStrictEqual({
      limit: 100,
      baseDelayMs: 2 ** 31 - 1,
      maxDelayMs: 2 ** 31 - 1,
    });
  });

  it("refuses a limit that is not whole, or out of range, naming where", () => {
    expect(() => retryOptions({ limit: 1.5 })).toThrow("createClient: retry: limit must be a whole number from 0 to 100, got 1.5");
    expect(() => retryOptions({ limit: 101 }, "createSender")).toThrow(
      "createSender: retry: limit must be a whole number from 0 to 100, got 101",
    );
    expect(() => retryOptions({ baseDelayMs: -1 })).toThrow(
      "createClient: retry: baseDelayMs must be a number from 0 to 2147483647, got -1",
    );
    expect(() => retryOptions({ maxDelayMs: 2 ** 31 })).toThrow(
      "createClient: retry: maxDelayMs must be a number from 0 to 2147483647, got 2147483648",
    );
    expect(() => retryOptions({ limit: Number.NaN })).toThrow(TypeError);
  });
});

describe("shouldRetry", () => {
  it("retries Graph errors whose action is retry or retry_after, and network errors before the request was sent", () => {
    expect(shouldRetry(graphError("retry"))).toBe(true);
    expect(shouldRetry(graphError("retry_after"))).toBe(true);
    for (const action of ["fix_and_retry", "do_not_retry", "refresh_token"] as const) expect(shouldRetry(graphError(action))).toBe(false);
    expect(shouldRetry(new NetworkError("ECONNREFUSED", false))).toBe(true);
    expect(shouldRetry(new NetworkError("ECONNRESET", true))).toBe(false);
    expect(shouldRetry(new Error("boom"))).toBe(false);
    expect(shouldRetry(undefined)).toBe(false);
  });
});

describe("networkError", () => {
  const keep = (text: string) => text;

  it("says nothing was sent for a failure while connecting, found in the cause chain", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]) {
      const error = networkError(new TypeError("fetch failed", { cause: { code } }), keep, "https://graph.facebook.com/v26.0/1/messages");
      expect([error.reason, error.mayHaveBeenDelivered, error.url]).toEqual([code, false, "https://graph.facebook.com/v26.0/1/messages"]);
    }
  });

  it("says the message may have been delivered for other codes and for no code", () => {
    expect(networkError({ code: "ECONNRESET" }, keep, "u").mayHaveBeenDelivered).toBe(true);
    const unknown = networkError(new Error("no code"), keep, "u");
    expect([unknown.reason, unknown.mayHaveBeenDelivered]).toEqual([undefined, true]);
    expect(networkError(null, keep, "u").reason).toBeUndefined();
    expect(networkError("ECONNREFUSED", keep, "u").reason).toBeUndefined();
  });

  it("reads a string code only, at most 5 causes deep", () => {
    expect(networkError({ code: 7, cause: { code: "ECONNREFUSED" } }, keep, "u").reason).toBe("ECONNREFUSED");
    const deep = (depth: number): unknown => (depth === 0 ? { code: "ENOTFOUND" } : { cause: deep(depth - 1) });
    expect(networkError(deep(4), keep, "u").reason).toBe("ENOTFOUND");
    expect(networkError(deep(5), keep, "u").reason).toBeUndefined();
  });

  it("hands redact strings only: no code is no reason, not a redacted one", () => {
    const strict = (text: string) => text.replaceAll("secret", "[redacted]");
    const error = networkError(new Error("no code"), strict, "https://x/");
    expect([error.reason, error.mayHaveBeenDelivered, error.url]).toEqual([undefined, true, "https://x/"]);
  });

  it("passes the code and the URL through redact", () => {
    const error = networkError({ code: "ECONNREFUSED" }, (text) => text.replaceAll("secret", "[redacted]"), "https://x/?t=secret");
    expect(error.url).toBe("https://x/?t=[redacted]");
    const coded = networkError({ code: "E_secret" }, (text) => text.replaceAll("secret", "[redacted]"), "u");
    expect(coded.reason).toBe("E_[redacted]");
  });
});

describe("delayFor", () => {
  const retry = { limit: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

  it("waits what Retry-After says up to maxDelayMs, and gives up past it", () => {
    expect(delayFor(1, retry, 30_000, () => 0.5)).toBe(30_000);
    expect(delayFor(1, retry, 0, () => 0.5)).toBe(0);
    expect(delayFor(1, retry, 30_001, () => 0.5)).toBeUndefined();
  });

  it("otherwise backs off: base × 2^(attempt − 1), capped, with full jitter", () => {
    expect(delayFor(1, retry, undefined, () => 1)).toBe(500);
    expect(delayFor(2, retry, undefined, () => 1)).toBe(1000);
    expect(delayFor(3, retry, undefined, () => 1)).toBe(2000);
    expect(delayFor(3, retry, undefined, () => 0.5)).toBe(1000);
    expect(delayFor(3, retry, undefined, () => 0)).toBe(0);
    expect(delayFor(3, retry, undefined, () => 0.3333)).toBe(667);
    expect(delayFor(20, retry, undefined, () => 1)).toBe(30_000);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, never below zero", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter(" 1.5 ")).toBe(1500);
    expect(parseRetryAfter("0")).toBe(0);
    expect(parseRetryAfter("-5")).toBe(0);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const wait = parseRetryAfter(inAMinute) as number;
    // An HTTP date has whole seconds, and the clock moves on: within the minute, never past it.
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).toBe(0);
  });

  it("says nothing for no header, a blank one or one that is neither", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("")).toBeUndefined();
    expect(parseRetryAfter("   ")).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter("Infinity")).toBeUndefined();
  });
});

describe("parseBusinessUseCaseUsage", () => {
  const header = (value: unknown) => JSON.stringify(value);

  it("gives the longest wait any entry names, in milliseconds", () => {
    expect(
      parseBusinessUseCaseUsage(
        header({
          "1": [{ type: "whatsapp", estimated_time_to_regain_access: 2 }],
          "2": [{ estimated_time_to_regain_access: 5 }, { estimated_time_to_regain_access: 3 }],
        }),
      ),
    ).toBe(300_000);
    expect(parseBusinessUseCaseUsage(header({ "1": [{ estimated_time_to_regain_access: 0.5 }] }))).toBe(30_000);
  });

  it("ignores entries without a positive finite wait, and what is not the header's JSON", () => {
    expect(parseBusinessUseCaseUsage(null)).toBeUndefined();
    expect(parseBusinessUseCaseUsage(header({ "1": [{ estimated_time_to_regain_access: 0 }] }))).toBeUndefined();
    expect(parseBusinessUseCaseUsage(header({ "1": [{ estimated_time_to_regain_access: -3 }] }))).toBeUndefined();
    expect(parseBusinessUseCaseUsage(header({ "1": [{ estimated_time_to_regain_access: "9" }] }))).toBeUndefined();
    expect(parseBusinessUseCaseUsage(header({ "1": [null, { estimated_time_to_regain_access: 1 }] }))).toBe(60_000);
    expect(
      parseBusinessUseCaseUsage(header({ "1": { estimated_time_to_regain_access: 9 }, "2": [{ estimated_time_to_regain_access: 1 }] })),
    ).toBe(60_000);
    expect(parseBusinessUseCaseUsage("{not json")).toBeUndefined();
    expect(parseBusinessUseCaseUsage(header({}))).toBeUndefined();
    // A JSON number too large for a double parses as Infinity: not a wait.
    expect(parseBusinessUseCaseUsage('{"1":[{"estimated_time_to_regain_access":1e999}]}')).toBeUndefined();
    // 1e308 minutes is finite, its milliseconds are not: still a number, the longest.
    expect(parseBusinessUseCaseUsage(header({ "1": [{ estimated_time_to_regain_access: 1e308 }] }))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("redactor", () => {
  it("scrubs whole occurrences of the token, wherever a token may stand", () => {
    const redact = redactor("EAAG.t0k+en/1");
    expect(redact("access_token=EAAG.t0k+en/1&x=1")).toBe("access_token=[redacted]&x=1");
    expect(redact("Bearer EAAG.t0k+en/1")).toBe("Bearer [redacted]");
    expect(redact("EAAG.t0k+en/1 and EAAG.t0k+en/1")).toBe("[redacted] and [redacted]");
    expect(redact('"EAAG.t0k+en/1"')).toBe('"[redacted]"');
  });

  it("leaves the token alone inside a longer word, and text without it as it is", () => {
    const redact = redactor("t");
    expect(redact("Parameter t is wrong")).toBe("Parameter [redacted] is wrong");
    expect(redact("xt tx t_ _t .t t. ~t t~ +t t+ /t t/ -t t-")).toBe("xt tx t_ _t .t t. ~t t~ +t t+ /t t/ -t t-");
    expect(redact("nothing here")).toBe("nothing here");
    // Characters that mean something in a pattern are matched as themselves.
    const special = redactor("a.b*c");
    expect(special("a.b*c axbbc")).toBe("[redacted] axbbc");
    expect(redactor("(x)")("see (x) now")).toBe("see [redacted] now");
    expect(redactor("$[1]^|\\?{2}")("k $[1]^|\\?{2} k")).toBe("k [redacted] k");
  });

  it('scrubs the token as JSON writes it too: a body that echoes a token with " or \\ escapes them', () => {
    for (const token of ['EAAB"quoted"token', "EAAB\\back\\slash", 'a"b']) {
      const redact = redactor(token);
      const body = JSON.stringify({ error: { message: `bad token ${token}` } });
      expect(redact(body)).toBe('{"error":{"message":"bad token [redacted]"}}');
      expect(redact(`bad token ${token}`)).toBe("bad token [redacted]");
    }
  });
});
