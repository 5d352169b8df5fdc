import { describe, expect, it } from "@jest/globals";
import { msg, validate } from "../src/index.js";

// Without a leading "+", the API reads a number as already international and prepends the
// business number's country code to a short one: "(631) 555-1234" went to +916315551234.
const toOf = (to: string) => validate({ messaging_product: "whatsapp", to, type: "text", text: { body: "hi" } });

describe("recipients' phone numbers", () => {
  it.each(["(650) 555-1234", "650-555-1234", "555-1234", "650.555.1234", "1 650 555 1234"])(
    "%s, formatted without +, is an error that says to start with + and the country code",
    (to) => {
      expect(toOf(to)).toEqual([
        expect.objectContaining({
          path: "to",
          code: "invalid_format",
          message: expect.stringMatching(/^a formatted number must start with "\+" and the country code/),
        }),
      ]);
      const loose: string = to;
      expect(() => msg.to(loose).text("hi").build()).toThrow('to: a formatted number must start with "+" and the country code');
    },
  );

  it.each(["0016505551234", "00 1 650 555 1234"])("%s, with an 00 prefix, is an error", (to) => {
    expect(toOf(to)[0]?.message).toMatch(/^use "\+" or the bare country code, not an "00" international prefix/);
  });

  it.each(["+1 (650) 555-1234", "+16505551234", "16505551234", "+44 20 7946 0958"])("%s is accepted", (to) => {
    expect(toOf(to)).toEqual([]);
    const loose: string = to;
    expect(msg.to(loose).text("hi").build().to).toBe(to);
  });
});
