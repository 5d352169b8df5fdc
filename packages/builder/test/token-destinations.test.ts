import { describe, expect, it } from "@jest/globals";
import { checkTokenOrigins, metaMediaOrigins, tokenDestinationProblem } from "../src/index.js";

// Where the access token may go: one rule, read by the transport's media downloads and the CLI's paging.
const graphOrigin = "https://graph.facebook.com";

describe("tokenDestinationProblem", () => {
  it.each([
    "https://graph.facebook.com/v26.0/123",
    "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3",
    "HTTPS://LOOKASIDE.FBSBX.COM/x",
  ])("%s may have the token", (url) => {
    expect(tokenDestinationProblem(url, { graphOrigin })).toBeUndefined();
  });

  it.each([
    ["https://graph.facebook.com.evil.example/x", "graph.facebook.com.evil.example is not the Graph API"],
    ["http://graph.facebook.com/v26.0/1", "graph.facebook.com over http: is not the Graph API"],
    ["http://lookaside.fbsbx.com/x", "lookaside.fbsbx.com over http: is not the Graph API"],
    ["https://other.fbsbx.com/x", "other.fbsbx.com is not the Graph API"],
    ["https://lookaside.fbsbx.com:444/x", "lookaside.fbsbx.com:444 is not the Graph API"],
    ["https://user@lookaside.fbsbx.com.evil.example/", "lookaside.fbsbx.com.evil.example is not the Graph API"],
    ["/relative", '"/relative" is not an absolute URL'],
    ["javascript:alert(1)", "javascript:alert(1) is not the Graph API"],
  ])("%s may not: %s", (url, message) => {
    expect(tokenDestinationProblem(url, { graphOrigin })).toContain(message);
  });

  it("says the whole rule: the Graph origin, the media hosts, and over which scheme", () => {
    expect(tokenDestinationProblem("http://lookaside.fbsbx.com/x", { graphOrigin: "https://graph.facebook.com/v26.0" })).toBe(
      "lookaside.fbsbx.com over http: is not the Graph API (https://graph.facebook.com) nor a Meta media host (https://lookaside.fbsbx.com): the access token is not sent there",
    );
    expect(tokenDestinationProblem("https://cdn.example/x", { graphOrigin, allowed: ["https://a.example", "http://127.0.0.1:9"] })).toBe(
      "cdn.example is not the Graph API (https://graph.facebook.com) nor a Meta media host (https://a.example, http://127.0.0.1:9): the access token is not sent there",
    );
    expect(
      tokenDestinationProblem("https://a.example/x", { graphOrigin, allowed: ["https://a.example", "http://127.0.0.1:9"] }),
    ).toBeUndefined();
    expect(
      tokenDestinationProblem("http://127.0.0.1:9/x", { graphOrigin, allowed: ["https://a.example", "http://127.0.0.1:9"] }),
    ).toBeUndefined();
    // "over http:" only for a plain-http URL to a host that an allowed origin serves over another scheme.
    expect(tokenDestinationProblem("http://a.example/x", { graphOrigin, allowed: ["https://a.example", "http://127.0.0.1:9"] })).toBe(
      "a.example over http: is not the Graph API (https://graph.facebook.com) nor a Meta media host (https://a.example, http://127.0.0.1:9): the access token is not sent there",
    );
    expect(tokenDestinationProblem("https://127.0.0.1:9/x", { graphOrigin, allowed: ["http://127.0.0.1:9"] })).toBe(
      "127.0.0.1:9 is not the Graph API (https://graph.facebook.com) nor a Meta media host (http://127.0.0.1:9): the access token is not sent there",
    );
    // A URL that is not one is quoted, cut at 200 characters.
    expect(tokenDestinationProblem(`/${"a".repeat(300)}`, { graphOrigin })).toBe(
      `${JSON.stringify(`/${"a".repeat(199)}`)} is not an absolute URL: the access token is not sent there`,
    );
  });

  it("the configured origin is allowed whatever its scheme (the emulator on loopback); no media hosts when none are allowed", () => {
    expect(tokenDestinationProblem("http://127.0.0.1:4010/__media/1", { graphOrigin: "http://127.0.0.1:4010" })).toBeUndefined();
    expect(tokenDestinationProblem(`${metaMediaOrigins[0]}/x`, { graphOrigin, allowed: [] })).toBe(
      "lookaside.fbsbx.com is not the Graph API (https://graph.facebook.com): the access token is not sent there",
    );
  });
});

describe("checkTokenOrigins", () => {
  it("keeps https origins and http on loopback", () => {
    expect(checkTokenOrigins("o", ["https://cdn.example", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:4010"])).toEqual([
      "https://cdn.example",
      "http://127.0.0.1:8080",
      "http://localhost:1",
      "http://[::1]:4010",
    ]);
    expect(checkTokenOrigins("o", [])).toEqual([]);
  });

  it.each([
    ["http://cdn.example"],
    ["http://127.0.0.2"],
    ["ftp://127.0.0.1"],
    ["https://cdn.example/"],
    ["https://cdn.example/path"],
    ["cdn.example"],
    [7],
    [null],
  ])("refuses %p", (origin) => {
    expect(() => checkTokenOrigins("o", [origin])).toThrow(
      `o[0] must be an https: origin (scheme and host, no path), got ${JSON.stringify(origin)}`,
    );
  });

  it("refuses a non-array", () => {
    expect(() => checkTokenOrigins("o", "https://cdn.example")).toThrow("o must be an array of origins");
  });
});
