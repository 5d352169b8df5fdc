import { describe, expect, it } from "@jest/globals";
import { msg } from "../src/index.js";

describe("immutable builders", () => {
  it("returns a new builder from every step and leaves the old one unchanged", () => {
    const base = msg.to("16505551234").text("Your order shipped");
    const reply = base.replyTo("wamid.1");
    const tracked = reply.callbackData("order-42");
    expect(base.build()).not.toHaveProperty("context");
    expect(reply.build()).not.toHaveProperty("biz_opaque_callback_data");
    expect(tracked.build()).toMatchObject({ context: { message_id: "wamid.1" }, biz_opaque_callback_data: "order-42" });
  });

  it("keeps state private and builds fresh bodies that share nothing with the builder", () => {
    const builder = msg.to("16505551234").contacts((c) => c.contact((p) => p.name({ formattedName: "A", firstName: "A" }).phone("1")));
    expect(Object.keys(builder)).toEqual([]); // state lives in private fields only
    const first = builder.build() as unknown as { contacts: { phones: { phone: string }[] }[] };
    const phones = first.contacts[0]?.phones ?? [];
    phones[0] = { phone: "changed" };
    phones.push({ phone: "added" });
    expect(builder.build().contacts[0]?.phones).toEqual([{ phone: "1" }]);
    expect(builder.build()).not.toBe(builder.build());
  });

  it("is not affected by later changes to the caller's input objects", () => {
    const media = { link: "https://example.com/a.png" };
    const image = msg.to("16505551234").image(media);
    media.link = "https://example.com/changed.png";
    expect(image.build().image).toEqual({ link: "https://example.com/a.png" });
  });

  it("serialises with JSON.stringify through toJSON()", () => {
    const builder = msg.to("16505551234").text("hi");
    expect(JSON.parse(JSON.stringify(builder))).toEqual(builder.build());
    expect(() => JSON.stringify(msg.to("x").text("hi"))).toThrow("to: expected a phone number");
  });
});
