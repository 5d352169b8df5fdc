import { describe, expect, it } from "@jest/globals";
import { classifyGraphError, knownGraphErrorCodes, msg } from "@wacompose/builder";
import { createClient, type FetchLike, GraphApiError, isGraphApiError } from "../src/index.js";

// Every code in the protocol's table: the client classifies it and retries exactly when its action says so.
const text = msg.to("16505551234").text("hi");

function answering(status: number, error: object, headers: Record<string, string> = {}) {
  let calls = 0;
  const fetch: FetchLike = async () => {
    calls++;
    return new Response(JSON.stringify({ error }), { status, headers: { "content-type": "application/json", ...headers } });
  };
  return { fetch, calls: () => calls };
}

describe("Graph error codes", () => {
  it.each(knownGraphErrorCodes.map((code) => [code]))(
    "%i: classified from the table, retried only when its action says so",
    async (code) => {
      const { fetch, calls } = answering(400, { code, message: `(#${code}) x`, type: "OAuthException" });
      const wa = createClient({ phoneNumberId: "1", accessToken: "t", fetch, retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 } });
      const error = await wa.send(text).catch((e: unknown) => e);
      const expected = classifyGraphError({ code }, 400);
      expect(error).toBeInstanceOf(GraphApiError);
      expect(error).toMatchObject({ code, category: expected.category, action: expected.action });
      const retries = expected.action === "retry" || expected.action === "retry_after";
      expect((error as GraphApiError).retryable).toBe(retries);
      expect(calls()).toBe(retries ? 2 : 1);
    },
  );

  it("the common cases, by category", () => {
    expect(classifyGraphError({ code: 131047 }, 400)).toEqual({ category: "reengagement_window", action: "do_not_retry" });
    expect(classifyGraphError({ code: 190 }, 401)).toEqual({ category: "authorization", action: "refresh_token" });
    expect(classifyGraphError({ code: 132000 }, 400)).toEqual({ category: "template", action: "fix_and_retry" });
    expect(classifyGraphError({ code: 131056 }, 400)).toEqual({ category: "throttling", action: "retry_after" });
    expect(classifyGraphError({ code: 368 }, 400)).toEqual({ category: "integrity", action: "do_not_retry" });
    expect(classifyGraphError({ code: 250 }, 403)).toEqual({ category: "permission", action: "do_not_retry" });
    expect(classifyGraphError({ code: 999_999, is_transient: true }, 400)).toEqual({ category: "server", action: "retry" });
    expect(classifyGraphError({ code: 999_999 }, 429)).toEqual({ category: "throttling", action: "retry_after" });
    expect(classifyGraphError({ code: 999_999 }, 400)).toEqual({ category: "unknown", action: "do_not_retry" });
  });

  it("isGraphApiError narrows, by category too", async () => {
    const { fetch } = answering(400, { code: 131047 });
    const error = await createClient({ phoneNumberId: "1", accessToken: "t", fetch })
      .send(text)
      .catch((e: unknown) => e);
    expect(isGraphApiError(error)).toBe(true);
    expect(isGraphApiError(error, "reengagement_window")).toBe(true);
    expect(isGraphApiError(error, "throttling")).toBe(false);
    expect(isGraphApiError(new Error("x"))).toBe(false);
  });

  it("retryAfterMs from Retry-After, else from X-Business-Use-Case-Usage (minutes)", async () => {
    const usage = JSON.stringify({ "123": [{ type: "whatsapp", estimated_time_to_regain_access: 2 }] });
    for (const [headers, expected] of [
      [{ "retry-after": "3" }, 3000],
      [{ "x-business-use-case-usage": usage }, 120_000],
      [{}, undefined],
    ] as const) {
      const { fetch } = answering(400, { code: 80007 }, headers);
      const error = await createClient({ phoneNumberId: "1", accessToken: "t", fetch, retry: false })
        .send(text)
        .catch((e: unknown) => e);
      expect((error as GraphApiError).retryAfterMs).toBe(expected);
    }
  });
});
