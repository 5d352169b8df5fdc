import { describe, expect, it } from "@jest/globals";
import { msg, toRequest } from "@wacompose/builder";
import { createSender, type FetchLike, GraphApiError, retryWhenNotAccepted, UnexpectedResponseError } from "../src/index.js";

// What an outside review of the small path found, each held here.
const token = "EAABtoken123";
const text = msg.to("+16505551234").text("hi");
const answering =
  (status: number, body: string, calls: string[] = []): FetchLike =>
  async (url) => {
    calls.push(url);
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  };
const caught = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("the token never reaches an error", () => {
  it.each([
    ["at a sentence's end", `Invalid OAuth access token - ${token}.`],
    ["in a URL path", `see https://x.test/${token}/debug`],
    ["glued to a dash and a plus", `-${token}+`],
  ])("%s", async (_, message) => {
    const wa = createSender({
      phoneNumberId: "1",
      accessToken: token,
      fetch: answering(400, JSON.stringify({ error: { code: 190, message } })),
    });
    const error = await caught(wa.send(text));
    expect(error).toBeInstanceOf(GraphApiError);
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(token);
    expect((error as Error).message).toContain("[redacted]");
  });

  it("reads the token once: a getter cannot send one value and redact another", async () => {
    let reads = 0;
    const options = {
      phoneNumberId: "1",
      get accessToken() {
        return reads++ === 0 ? token : "something-else";
      },
      fetch: answering(400, `bad ${token}`),
    };
    const error = await caught(createSender(options).send(text));
    expect(reads).toBe(1);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(token);
  });
});

describe("an accepted message is never sent again", () => {
  it("a 2xx that holds a message id wins over a stray error beside it", async () => {
    const calls: string[] = [];
    const body = JSON.stringify({ messages: [{ id: "wamid.1" }], error: { code: 130429, message: "rate" } });
    const wa = createSender({
      phoneNumberId: "1",
      accessToken: token,
      retry: retryWhenNotAccepted({ baseDelayMs: 0 }),
      fetch: answering(200, body, calls),
    });
    await expect(wa.send(text)).resolves.toMatchObject({ messages: [{ id: "wamid.1" }] });
    expect(calls).toHaveLength(1);
  });
});

describe("options checked once, as given", () => {
  it("a phoneNumberId whose toString changes is refused, a number is taken", () => {
    let k = 0;
    const shifty = { toString: () => (k++ === 0 ? "123" : "123/../../evil?x=") } as unknown as string;
    expect(() => toRequest(text, { phoneNumberId: shifty, accessToken: token })).toThrow("phoneNumberId must be the numeric id");
    expect(toRequest(text, { phoneNumberId: 123 as unknown as string, accessToken: token }).url).toMatch(/\/123\/messages$/);
  });

  it.each([
    "https://graph.facebook.com@127.0.0.1:9",
    "ftp://graph.facebook.com",
    "not a url",
    "https://user:pw@host.test",
    // the API's path would land in the query or the fragment: "/?a=1/v26.0/1/messages" (newcomer)
    "http://127.0.0.1:4010/?a=1",
    "http://127.0.0.1:4010?a=1",
    "http://127.0.0.1:4010/prefix#frag",
    "http://127.0.0.1:4010/prefix/ ",
  ])("a baseUrl that would send the token elsewhere is refused: %s", (baseUrl) => {
    expect(() => toRequest(text, { phoneNumberId: "1", accessToken: token, baseUrl })).toThrow("baseUrl must be an http(s) URL");
    expect(() => createSender({ phoneNumberId: "1", accessToken: token, baseUrl })).toThrow("baseUrl must be an http(s) URL");
  });

  it("takes the emulator's loopback URL, and one with a path prefix", () => {
    const { url } = toRequest(text, { phoneNumberId: "1", accessToken: token, baseUrl: "http://127.0.0.1:4010/" });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4010\/v\d+\.\d+\/1\/messages$/);
    const prefixed = toRequest(text, { phoneNumberId: "1", accessToken: token, baseUrl: "https://proxy.test/graph//" });
    expect(prefixed.url).toMatch(/^https:\/\/proxy\.test\/graph\/v\d+\.\d+\/1\/messages$/);
  });

  it("a fetch that is no function fails when the sender is made, not as a network error at send", () => {
    expect(() => createSender({ phoneNumberId: "1", accessToken: token, fetch: 5 as unknown as FetchLike })).toThrow(
      "options.fetch must be a fetch function",
    );
  });
});
