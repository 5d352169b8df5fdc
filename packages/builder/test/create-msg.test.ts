import { describe, expect, it } from "@jest/globals";
import { buttons, createMsg, image, list, msg, PayloadError, pin, react, template, text, textTo, unpin } from "../src/index.js";

// A composed entry is msg's chain with only the kinds named: same bodies, same checks, same errors.
const to = "+16505551234";
const wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjY1MDM4NEI5Q0YA";
const group = "Y2FwaV9ncm91cDox";

describe("createMsg", () => {
  const composed = createMsg({ text, buttons, list, template, react, image, pin, unpin });

  it("builds what msg builds, kind by kind, envelope steps included", () => {
    const pairs = [
      [
        composed.to(to).text("Shipped", { previewUrl: true }).replyTo(wamid),
        msg.to(to).text("Shipped", { previewUrl: true }).replyTo(wamid),
      ],
      [
        composed.to(to).buttons("Pick").header("Tomorrow").reply("am", "Morning"),
        msg.to(to).buttons("Pick").header("Tomorrow").reply("am", "Morning"),
      ],
      [
        composed
          .to(to)
          .list("Menu", "View")
          .section("Mains", (s) => s.row("m1", "Burger")),
        msg
          .to(to)
          .list("Menu", "View")
          .section("Mains", (s) => s.row("m1", "Burger")),
      ],
      [composed.to(to).template("hello").language("en_US"), msg.to(to).template("hello").language("en_US")],
      [composed.to(to).react(wamid, "👍").callbackData("x"), msg.to(to).react(wamid, "👍").callbackData("x")],
      [composed.toUser("US.13491208655302741918").text("hi"), msg.toUser("US.13491208655302741918").text("hi")],
      [
        composed.toUser("US.13491208655302741918", { phone: to }).text("hi"),
        msg.toUser("US.13491208655302741918", { phone: to }).text("hi"),
      ],
      [composed.toGroup(group).image({ id: "1" }, { caption: "c" }), msg.toGroup(group).image({ id: "1" }, { caption: "c" })],
      [composed.toGroup(group).pin(wamid, { days: 3 }), msg.toGroup(group).pin(wamid, { days: 3 })],
      [composed.toGroup(group).unpin(wamid), msg.toGroup(group).unpin(wamid)],
    ] as const;
    for (const [mine, theirs] of pairs) expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
  });

  it("fails as msg fails: a PayloadError naming path, limit and actual value", () => {
    const long = "a".repeat(4097);
    expect(composed.to(to).text(long).safeBuild()).toEqual(msg.to(to).text(long).safeBuild());
    expect(() => composed.to(to).text(long).build()).toThrow(PayloadError);
    expect(composed.to(to).text(long).safeBuild()).toMatchObject({ ok: false, issues: [{ path: "text.body", limit: 4096, actual: 4097 }] });
    expect(
      composed
        .to("(650) 555-1234" as string)
        .text("hi")
        .safeBuild(),
    ).toMatchObject({ ok: false, issues: [{ path: "to", code: "invalid_format" }] });
  });

  it("offers the composed kinds only: a person no pins, a group only what groups take", () => {
    const person = composed.to(to) as unknown as Record<string, unknown>;
    const inGroup = composed.toGroup(group) as unknown as Record<string, unknown>;
    expect(typeof person.text).toBe("function");
    expect(person.pin).toBeUndefined();
    expect(person.contacts).toBeUndefined();
    expect(typeof inGroup.pin).toBe("function");
    expect(inGroup.buttons).toBeUndefined();
    expect(inGroup.react).toBeUndefined();
    expect(createMsg({ text }).to(to) as unknown as Record<string, unknown>).not.toHaveProperty("buttons");
  });

  it("is frozen, and so is each recipient it makes", () => {
    expect(Object.isFrozen(composed)).toBe(true);
    const recipient = composed.to(to);
    expect(Object.isFrozen(recipient)).toBe(true);
    expect(Reflect.set(recipient, "text", () => "hijacked")).toBe(false);
    expect(Reflect.set(Object.getPrototypeOf(recipient), "text", () => "hijacked")).toBe(false);
    expect(recipient.text).toBe(text);
  });

  it("places the same functions msg's recipients carry, and textTo calls (one mechanism)", () => {
    expect(msg.to(to).text).toBe(text);
    expect(msg.toGroup(group).pin).toBe(pin);
    expect(composed.to(to).buttons).toBe(buttons);
    expect(JSON.stringify(textTo(to, "hi"))).toBe(JSON.stringify(composed.to(to).text("hi")));
  });

  it("rejects what is not a kind, naming it", () => {
    expect(() => createMsg(null as never)).toThrow(/createMsg: expected the kinds to compose/);
    expect(() => createMsg({ text: "text" } as never)).toThrow(/createMsg: text is not a kind/);
    expect(() => createMsg({ addressing: text } as never)).toThrow(/createMsg: addressing is not a kind/);
    expect(() => createMsg({ text: 1, buttons } as never)).toThrow(TypeError);
  });

  it("composes nothing into an entry whose recipients offer nothing", () => {
    expect(Object.keys(Object.getPrototypeOf(createMsg({}).to(to)))).toEqual([]);
  });
});
