import { describe, expect, it } from "@jest/globals";
import { msg, validate } from "../src/index.js";
import { issuesOf } from "./helpers.js";

const to = "16505551234";
const text = { messaging_product: "whatsapp", to, type: "text", text: { body: "hi" } };
const paths = (body: unknown) => validate(body).map((issue) => `${issue.path} ${issue.code}`);

describe("envelope", () => {
  it("replyTo and callbackData set context.message_id and biz_opaque_callback_data", () => {
    const body = msg.to(to).text("hi").replyTo("wamid.ABC").callbackData("order-42").build();
    expect(body.context).toEqual({ message_id: "wamid.ABC" });
    expect(body.biz_opaque_callback_data).toBe("order-42");
  });

  it("rejects 513 characters of callback data (runtime, non-literal)", () => {
    const data: string = "x".repeat(513);
    const result = msg.to(to).text("hi").callbackData(data).safeBuild();
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: "biz_opaque_callback_data",
        code: "too_long",
        severity: "error",
        message: "at most 512 characters, got 513",
        limit: 512,
        actual: 513,
      },
    ]);
    expect(msg.to(to).text("hi").callbackData("x".repeat(512)).safeBuild().ok).toBe(true);
  });

  it("rejects a wamid over 128 characters", () => {
    const id: string = `wamid.${"A".repeat(123)}`;
    expect(issuesOf(msg.to(to).text("hi").replyTo(id))).toEqual(["context.message_id too_long"]);
  });

  it.each(["+16505551234", "16505551234", "+1 (650) 555-1234", "+44 20 7946 0958", "4915112345678"])(
    "accepts the recipient %s as given",
    (number) => {
      expect(msg.to(number).text("hi").build().to).toBe(number);
    },
  );

  it.each(["", "abc", "+1", "1234567890123456", "+1650555123x", "++16505551234"])("rejects the recipient %j", (number) => {
    expect(paths({ ...text, to: number })).toEqual([number === "" ? "to too_short" : "to invalid_format"]);
  });

  it("requires messaging_product whatsapp and to", () => {
    expect(paths({ type: "text", text: { body: "hi" } })).toEqual(["messaging_product required", "to required"]);
    expect(paths({ ...text, messaging_product: "sms" })).toEqual(["messaging_product invalid_value"]);
  });

  it("defaults an absent type to text, as the API does", () => {
    const { type: _, ...untyped } = text;
    expect(validate(untyped)).toEqual([]);
  });

  it("reports an unknown type, a missing kind object and a stray kind object", () => {
    expect(paths({ ...text, type: "fax" })).toEqual(["type invalid_value"]);
    expect(paths({ messaging_product: "whatsapp", to, type: "image" })).toEqual(["image required"]);
    expect(paths({ ...text, image: { id: "1" } })).toEqual(["image unknown_field"]);
    expect(validate({ ...text, image: { id: "1" } })[0]?.message).toBe('not allowed when type is "text"');
  });

  it("accepts recipient_type individual and group, nothing else", () => {
    expect(validate({ ...text, recipient_type: "group", to: "120363025246125486@g.us" })).toEqual([]);
    expect(paths({ ...text, recipient_type: "broadcast" })).toEqual(["recipient_type invalid_value"]);
  });

  it("flags On-Premises and unknown top-level fields", () => {
    expect(paths({ ...text, preview_url: true, hsm: {} })).toEqual(["preview_url unknown_field", "hsm unknown_field"]);
  });

  it("reports non-objects at the root", () => {
    expect(validate(null)).toEqual([{ path: "", code: "invalid_type", severity: "error", message: "expected a JSON object, got null" }]);
    expect(paths([])).toEqual([" invalid_type"]);
  });

  it("never throws, even on hostile objects", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("boom");
        },
        get: () => {
          throw new Error("boom");
        },
      },
    );
    expect(paths(hostile)).toEqual([" invalid_value"]);
  });
});
