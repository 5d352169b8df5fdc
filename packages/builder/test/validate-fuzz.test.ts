import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { validate } from "../src/index.js";

const kinds = [
  "text",
  "reaction",
  "image",
  "audio",
  "video",
  "document",
  "sticker",
  "location",
  "contacts",
  "interactive",
  "template",
  "fax",
];

// Bodies that look like messages reach the deep rules; plain JSON covers everything else.
const messageLike = fc.record(
  {
    messaging_product: fc.oneof(fc.constant("whatsapp"), fc.jsonValue()),
    to: fc.oneof(fc.constant("+16505551234"), fc.jsonValue()),
    type: fc.oneof(fc.constantFrom(...kinds), fc.jsonValue()),
    status: fc.oneof(fc.constant("read"), fc.jsonValue()),
    text: fc.oneof(fc.record({ body: fc.string(), preview_url: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue()),
    image: fc.dictionary(fc.constantFrom("id", "link", "caption", "filename"), fc.jsonValue()),
    contacts: fc.array(fc.oneof(fc.record({ name: fc.dictionary(fc.string(), fc.jsonValue()) }), fc.jsonValue()), { maxLength: 7 }),
    context: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe("validate() on random input", () => {
  it("never throws and always returns well-formed issues", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), messageLike, fc.anything()), (value) => {
        const issues = validate(value);
        for (const issue of issues) {
          expect(typeof issue.path).toBe("string");
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
