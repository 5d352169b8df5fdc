import { describe, expect, it } from "@jest/globals";
import { defaultApiVersion, msg, requestsTo, toRequest } from "../src/index.js";

const options = { phoneNumberId: "106540352242922", accessToken: "EAAG-secret-token", version: "v23.0" };

describe("toRequest", () => {
  it("makes a plain POST request from a builder or a body", () => {
    const builder = msg.to("16505551234").text("hi");
    const request = toRequest(builder, options);
    expect(request).toEqual({
      url: "https://graph.facebook.com/v23.0/106540352242922/messages",
      method: "POST",
      headers: { Authorization: "Bearer EAAG-secret-token", "Content-Type": "application/json" },
      body: JSON.stringify(builder.build()),
    });
    expect(toRequest(builder.build(), { ...options, baseUrl: "http://127.0.0.1:4010/" }).url).toBe(
      "http://127.0.0.1:4010/v23.0/106540352242922/messages",
    );
  });

  it("rejects bad options without echoing the token", () => {
    const builder = msg.to("16505551234").text("hi");
    expect(() => toRequest(builder, { ...options, version: "23" })).toThrow('version must look like "v26.0"');
    expect(() => toRequest(builder, { ...options, phoneNumberId: "abc" })).toThrow("phoneNumberId");
    expect(() => toRequest(builder, { ...options, accessToken: " " })).toThrow("accessToken is required");
    for (const token of ["t\r\nX-Injected: 1", "t\n", "t\u0000", "t\u007f"])
      expect(() => toRequest(builder, { ...options, accessToken: token })).toThrow(
        "accessToken may hold only printable ASCII and Latin-1 characters",
      );
    expect(toRequest(builder, { ...options, accessToken: "EAAG.a_b-1 2" }).headers.Authorization).toBe("Bearer EAAG.a_b-1 2");
    try {
      toRequest(builder, { ...options, phoneNumberId: "" });
    } catch (error) {
      expect(String(error)).not.toContain(options.accessToken);
    }
  });

  it("validates a builder before serialising it", () => {
    expect(() => toRequest(msg.to("16505551234").text(""), options)).toThrow("text.body: must not be empty");
  });
});

describe("toRequest: the version", () => {
  it("defaults to defaultApiVersion", () => {
    expect(defaultApiVersion).toMatch(/^v\d+\.0$/);
    const { url } = toRequest(msg.to("16505551234").text("hi"), { phoneNumberId: "1", accessToken: "t" });
    expect(url).toBe(`https://graph.facebook.com/${defaultApiVersion}/1/messages`);
  });
});

describe("requestsTo (toRequest with its options checked once)", () => {
  it("makes the request toRequest makes, for each message, one headers object shared", () => {
    const request = requestsTo(options);
    const first = msg.to("16505551234").text("one");
    const second = msg.to("16505551234").text("two").build();
    expect(request(first)).toEqual(toRequest(first, options));
    expect(request(second)).toEqual(toRequest(second, options));
    expect(request(first).headers).toBe(request(second).headers);
  });

  it("checks the options when called, naming the caller, never the token's value", () => {
    expect(() => requestsTo({ ...options, accessToken: "" }, "createSender")).toThrow(
      new TypeError("createSender: accessToken is required"),
    );
    expect(() => requestsTo({ ...options, version: "26" }, "createSender")).toThrow(
      'createSender: version must look like "v26.0", got "26"',
    );
    expect(() => requestsTo({ ...options, phoneNumberId: options.accessToken })).toThrow(
      new TypeError("toRequest: phoneNumberId must be the numeric id of the sending number"),
    );
  });

  it('refuses a token given with "Bearer " before it (it would go as "Bearer Bearer …"), naming the fix, never the token', () => {
    for (const accessToken of [`Bearer ${options.accessToken}`, `bearer ${options.accessToken}`, `BEARER\t${options.accessToken}`]) {
      const refused = (): unknown => requestsTo({ ...options, accessToken }, "createSender");
      expect(refused).toThrow(
        new TypeError('createSender: accessToken must be the token alone, without "Bearer " before it (the Authorization header adds it)'),
      );
      expect(() => toRequest(msg.to("16505551234").text("hi"), { ...options, accessToken })).toThrow(/^toRequest: accessToken must be/);
    }
    // Only the word and a space: a token that happens to start with the letters is a token.
    expect(requestsTo({ ...options, accessToken: "BearerlikeToken" })(msg.to("16505551234").text("hi")).headers.Authorization).toBe(
      "Bearer BearerlikeToken",
    );
  });

  it("refuses a token with whitespace at either end (fetch would keep a leading one, 401), naming the option, never the token", () => {
    const secret = options.accessToken;
    for (const accessToken of [` ${secret}`, `${secret} `, ` Bearer ${secret}`, `\u00a0${secret}`, `${secret}\u3000`, `${secret}\u2028`]) {
      const refused = (): unknown => requestsTo({ ...options, accessToken }, "createSender");
      expect(refused).toThrow(
        new TypeError("createSender: accessToken may hold only printable ASCII and Latin-1 characters, with no whitespace at either end"),
      );
      expect(() => toRequest(msg.to("16505551234").text("hi"), { ...options, accessToken })).toThrow(
        /^toRequest: accessToken may hold only printable ASCII and Latin-1 characters, with no whitespace at either end$/,
      );
      try {
        refused();
      } catch (error) {
        expect(String(error)).not.toContain(secret);
      }
    }
    // A space inside is left to the API: only the ends are surely a paste.
    expect(requestsTo({ ...options, accessToken: "EAAG a" })(msg.to("16505551234").text("hi")).headers.Authorization).toBe("Bearer EAAG a");
  });

  it("refuses a character a header cannot carry (C1 controls, past U+00FF: a pasted zero-width space, a placeholder's ellipsis), never echoing it", () => {
    const secret = options.accessToken;
    for (const odd of ["\u0085", "\u009b", "\u200b", "\u2028", "\u2026", "\u20ac", "\ud83d\ude00", "\ud800", "\uffff"]) {
      const accessToken = `${secret}${odd}x`;
      expect(() => requestsTo({ ...options, accessToken }, "createSender")).toThrow(
        new TypeError("createSender: accessToken may hold only printable ASCII and Latin-1 characters, with no whitespace at either end"),
      );
      expect(() => toRequest(msg.to("16505551234").text("hi"), { ...options, accessToken })).toThrow(
        /^toRequest: accessToken may hold only printable ASCII and Latin-1 characters/,
      );
    }
    // Latin-1 goes as its byte (a test's own token for the emulator may hold one).
    expect(requestsTo({ ...options, accessToken: "EAAG\u00e9\u00a0a" })(msg.to("16505551234").text("hi")).headers.Authorization).toBe(
      "Bearer EAAG\u00e9\u00a0a",
    );
  });

  it("fails per message on what JSON cannot carry, and validates a builder first", () => {
    const request = requestsTo(options);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => request(cyclic as never)).toThrow(/^toRequest: the message cannot be sent as JSON/);
    expect(() => request(undefined as never)).toThrow("toRequest: the message cannot be sent as JSON (it serialises to nothing)");
    expect(() => request(msg.to("16505551234").text(""))).toThrow("text.body: must not be empty");
  });
});
