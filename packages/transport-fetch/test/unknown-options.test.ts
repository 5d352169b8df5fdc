import { describe, expect, it } from "@jest/globals";
import { createClient, createMedia, createSender } from "../src/index.js";
import { createTemplateManager } from "../src/templates/index.js";

// A typo'd option was dropped without a word: `baseURL` sent to Meta (with the token) instead of the emulator,
// `timeout` waited the default 30 s, `version` on the template manager (which takes `apiVersion`) was ignored.
// A JavaScript caller, or a TypeScript one passing an options object held in a variable, is not stopped by the types.

const fetchNever = (() => {
  throw new Error("no request may be made");
}) as never;
const number = { phoneNumberId: "1", accessToken: "test-token", fetch: fetchNever };
const entries = {
  createSender: (options: object) => createSender(options as never),
  createClient: (options: object) => createClient(options as never),
  createMedia: (options: object) => createMedia(options as never),
};

describe("options with a key nothing reads are refused, naming it and what is taken", () => {
  it.each(Object.entries(entries))("%s", (where, create) => {
    for (const typo of ["baseURL", "timeout", "token", "phoneNumberID", "maxRetries"])
      expect(() => create({ ...number, [typo]: "http://127.0.0.1:4010" })).toThrow(
        new RegExp(
          `^${where}: unknown option "${typo}" \\(takes phoneNumberId, accessToken, version, baseUrl, fetch, timeoutMs, maxResponseBytes, retry`,
        ),
      );
    // Even with an undefined value, as the builder's options are: the key says what the caller meant.
    expect(() => create({ ...number, baseURL: undefined })).toThrow(TypeError);
    // Every option of its own is taken.
    expect(() =>
      create({ ...number, version: "v26.0", baseUrl: "http://127.0.0.1:4010", timeoutMs: 5, maxResponseBytes: 9 }),
    ).not.toThrow();
  });

  it("a client takes perSecond and mediaOrigins, media mediaOrigins, a sender neither", () => {
    expect(() => createClient({ ...number, perSecond: 5, mediaOrigins: ["https://example.com"] })).not.toThrow();
    expect(() => createMedia({ ...number, mediaOrigins: ["https://example.com"] })).not.toThrow();
    expect(() => createMedia({ ...number, perSecond: 5 } as never)).toThrow(/createMedia: unknown option "perSecond"/);
    expect(() => createSender({ ...number, mediaOrigins: [] } as never)).toThrow(/createSender: unknown option "mediaOrigins"/);
  });

  it("the template manager names apiVersion when given version", () => {
    const manager = { businessAccountId: "2", accessToken: "test-token", fetch: fetchNever };
    expect(() => createTemplateManager({ ...manager, version: "v26.0" } as never)).toThrow(
      /^createTemplateManager: unknown option "version" \(takes businessAccountId, accessToken, apiVersion, /,
    );
    expect(() => createTemplateManager({ ...manager, apiVersion: "v26.0", maxPages: 2, maxTemplates: 3, maxListBytes: 4 })).not.toThrow();
  });

  it("a key with odd characters is quoted as JSON (one line), and the token is never printed", () => {
    const error = (() => {
      try {
        createSender({ ...number, accessToken: "secret-token-123", "base\nURL": 1 } as never);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error("no error");
    })();
    expect(error.message).toContain('unknown option "base\\nURL"');
    expect(error.message).not.toContain("secret-token-123");
  });

  it("options that are not an object are a TypeError naming where, not a crash on reading them", () => {
    for (const [where, create] of Object.entries(entries))
      for (const value of [null, undefined, "token", 5])
        expect(() => create(value as never)).toThrow(
          new RegExp(`^${where}: expected an object, got ${value === null ? "null" : typeof value}$`),
        );
  });

  it("options given as the token itself (createSender(token)) are refused without printing it", () => {
    for (const [where, create] of Object.entries(entries)) {
      const message = (() => {
        try {
          create("EAAsecretToken123" as never);
        } catch (caught) {
          return (caught as Error).message;
        }
        return "no error";
      })();
      expect(message).toBe(`${where}: expected an object, got string`);
    }
    expect(() => createTemplateManager("EAAsecretToken123" as never)).toThrow(/^createTemplateManager: expected an object, got string$/);
  });

  it("options whose keys cannot be listed (a revoked Proxy, an ownKeys trap that throws) are a TypeError naming where", () => {
    const revoked = () => {
      const { proxy, revoke } = Proxy.revocable({ ...number }, {});
      revoke();
      return proxy;
    };
    const trapped = () =>
      new Proxy(
        { ...number },
        {
          ownKeys: () => {
            throw new RangeError("ownKeys trap");
          },
        },
      );
    // Object.keys asks each key's descriptor too (enumerable or not): that trap throwing is the same case.
    const described = () =>
      new Proxy(
        { ...number },
        {
          getOwnPropertyDescriptor: () => {
            throw new SyntaxError("getOwnPropertyDescriptor trap");
          },
        },
      );
    const all = { ...entries, createTemplateManager: (options: object) => createTemplateManager(options as never) };
    for (const [where, create] of Object.entries(all))
      for (const [unreadable, cause] of [
        [revoked(), TypeError],
        [trapped(), RangeError],
        [described(), SyntaxError],
      ] as const) {
        let thrown: unknown;
        try {
          create(unreadable);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toEqual(new TypeError(`${where}: could not read the options (see cause)`));
        expect((thrown as Error).cause).toBeInstanceOf(cause);
      }
  });

  it("inherited keys are not the caller's options: only own keys are read", () => {
    const options = Object.assign(Object.create({ inheritedTypo: 1 }), number) as object;
    expect(() => createSender(options as never)).not.toThrow();
  });
});
