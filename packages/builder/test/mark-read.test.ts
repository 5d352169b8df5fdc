import { describe, expect, it } from "@jest/globals";
import { msg, validate } from "../src/index.js";

describe("mark as read", () => {
  it("builds the documented body, with and without a typing indicator", () => {
    const read = { messaging_product: "whatsapp", status: "read", message_id: "wamid.1" };
    expect(msg.markRead("wamid.1").build()).toEqual(read);
    expect(msg.markRead("wamid.1").typing().build()).toEqual({ ...read, typing_indicator: { type: "text" } });
  });

  it("rejects unknown statuses, stray fields and bad typing indicators", () => {
    const paths = (body: object) =>
      validate({ messaging_product: "whatsapp", message_id: "wamid.1", ...body }).map((i) => `${i.path} ${i.code}`);
    expect(paths({ status: "delivered" })).toEqual(["status invalid_value"]);
    expect(paths({ status: "read", typing_indicator: { type: "audio" } })).toEqual(["typing_indicator.type invalid_value"]);
    expect(paths({ status: "read", recipient_type: "individual" })).toEqual(["recipient_type unknown_field"]);
  });

  it("rejects an over-long message id", () => {
    const id: string = "w".repeat(129);
    expect(msg.markRead(id).safeBuild()).toMatchObject({ ok: false, issues: [{ path: "message_id", code: "too_long" }] });
  });
});
