// Values a JavaScript caller can pass that the types forbid, from an outside review: each build either throws a
// PayloadError (or a TypeError naming the argument) or returns a body validate() finds no error in.
import { describe, expect, it } from "@jest/globals";
import { audioTo, buttons, createMsg, documentTo, msg, PayloadError, pin, text, textTo, validate } from "../src/index.js";

const n = "+16505551234";
const errors = (body: unknown) => validate(body).filter((issue) => issue.severity === "error");
const nan = NaN as unknown as string;
const infinite = -Infinity as unknown as string;

describe("a number JSON cannot carry (NaN, ±Infinity) is absent, in the checks as in the body sent", () => {
  it.each([
    ["image id NaN", () => msg.to(n).image({ id: nan }), "image"],
    ["video id -Infinity", () => msg.to(n).video({ id: infinite }), "video"],
    ["audioTo id NaN", () => audioTo(n, { id: nan }), "audio"],
    ["documentTo id NaN", () => documentTo(n, { id: nan }), "document"],
    ["sticker id NaN", () => msg.to(n).sticker({ id: nan }), "sticker"],
    [
      "a buttons media header id NaN",
      () =>
        msg
          .to(n)
          .buttons("b")
          .header({ image: { id: nan } })
          .reply("a", "A"),
      "interactive.header.image",
    ],
    ["flow flowId NaN", () => msg.to(n).flow("b", { flowId: nan, cta: "Go" }), "interactive.action.parameters"],
    ["toGroup(NaN)", () => msg.toGroup(nan).text("hi"), "to"],
    ["createMsg toGroup(NaN)", () => createMsg({ text }).toGroup(nan).text("hi"), "to"],
    [
      "a template header image id NaN",
      () =>
        msg
          .to(n)
          .template("t")
          .language("en")
          .header((p) => p.image({ id: nan })),
      "template.components[0]",
    ],
  ])("%s: a PayloadError at the field, as validate() says of the body sent", (_, make, path) => {
    const builder = make();
    expect(() => builder.build()).toThrow(PayloadError);
    const result = builder.safeBuild();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path).some((at) => at.startsWith(path))).toBe(true);
  });

  it("a named parameter NaN beside a named one: the mix is refused, as validate() refuses the null it is sent as", () => {
    const builder = msg
      .to(n)
      .template("t")
      .language("en")
      .body((p) => p.text("a", { name: "x" }).text("b", { name: nan }));
    expect(() => builder.build()).toThrow(/mix of named \(1\) and positional \(1\)/);
  });

  it("a body with NaN where an optional field stands builds as validate() reads it (null, absent)", () => {
    const body = msg.to(n).image({ id: "1" }, { caption: nan }).safeBuild();
    if (body.ok) expect(errors(JSON.parse(JSON.stringify(body.value)))).toEqual([]);
    else expect(body.issues.length).toBeGreaterThan(0);
  });
});

describe("safeBuild() never throws", () => {
  it("flow data nested deeper than JSON can be read back: an issue, not a RangeError", () => {
    let data: Record<string, unknown> = { leaf: 1 };
    for (let depth = 0; depth < 3_000; depth++) data = { d: data };
    const make = () => msg.to(n).flow("b", { flowId: "1", cta: "Go", data });
    let result: ReturnType<ReturnType<typeof make>["safeBuild"]> | undefined;
    try {
      result = make().safeBuild();
    } catch (error) {
      // Copying the caller's data may refuse it first: then as a clear error, never an engine one.
      expect(error).not.toBeInstanceOf(RangeError);
      return;
    }
    expect(result.ok).toBe(false);
  });
});

/** Every value a caller reaches by a string name on `value` or its prototypes (getters read): where shared state could leak. */
function reachableByName(value: object): unknown[] {
  const reached: unknown[] = [];
  for (let object: object | null = value; object !== null && object !== Object.prototype; object = Object.getPrototypeOf(object))
    for (const name of Object.getOwnPropertyNames(object)) {
      const descriptor = Object.getOwnPropertyDescriptor(object, name);
      if (descriptor?.get) reached.push(Reflect.get(object, name, value));
      else if (typeof descriptor?.value !== "function") reached.push(descriptor?.value);
    }
  return reached;
}

describe("a recipient's addressing cannot be changed after the fact", () => {
  // The addressing a recipient shares with every builder made from it is not frozen (freezing cost each `msg.to(n)`
  // as much as the rest of the call): it is kept under a module-private symbol, and no name reaches it.
  const holdsTheNumber = (value: unknown): boolean => typeof value === "object" && value !== null && (value as { to?: unknown }).to === n;

  it.each([
    ["createMsg", () => createMsg({ text, buttons }).to(n)],
    ["msg", () => msg.to(n)],
  ])("%s: the recipient has no named state, and no name reaches its addressing", (_, recipient) => {
    const to = recipient();
    expect(Object.getOwnPropertyNames(to)).toEqual([]);
    expect(JSON.stringify(to)).toBe("{}");
    expect("addressing" in to).toBe(false);
    expect(reachableByName(to).filter(holdsTheNumber)).toEqual([]);
  });

  it.each([
    ["text", () => msg.to(n).text("hi")],
    ["text, replied to", () => msg.to(n).text("hi").replyTo("wamid.1").callbackData("x")],
    ["buttons", () => msg.to(n).buttons("Pick").header("Head").reply("a", "A")],
    ["template", () => msg.to(n).template("hello").language("en_US")],
    ["textTo", () => textTo(n, "hi")],
  ])("%s: no name on the builder reaches the addressing it shares", (_, builder) => {
    const made = builder();
    expect("addressing" in made).toBe(false);
    expect(reachableByName(made).filter(holdsTheNumber)).toEqual([]);
  });

  it("builders made from one recipient keep its number however each is extended", () => {
    const to = msg.to(n);
    const first = to.text("hi");
    first.replyTo("wamid.1").callbackData("x").identityKeyHash("h").build();
    to.buttons("Pick").header("Head").reply("a", "A").replyTo("wamid.2").build();
    expect(first.build().to).toBe(n);
    expect(first.build()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: n,
      type: "text",
      text: { body: "hi" },
    });
    expect(to.text("again").build().to).toBe(n);
  });
});

describe("what every builder of a kind shares is frozen", () => {
  // A builder's own state under its symbols is reachable by reflection, as any object's is; what is shared by every
  // builder in the process must not be changeable through one of them.
  const symbolHeld = (value: object): unknown[] =>
    Object.getOwnPropertySymbols(value).map((key) => (value as Record<symbol, unknown>)[key]);

  it.each([
    ["text", () => msg.to(n).text("hi")],
    ["buttons", () => msg.to(n).buttons("Pick").reply("a", "A")],
    ["template", () => msg.to(n).template("hello").language("en_US")],
    ["createMsg text", () => createMsg({ text }).to(n).text("hi")],
  ])("%s: its kind's rules (checks and explanations) cannot be replaced", (_, builder) => {
    const rules = symbolHeld(builder()).filter(
      (held): held is Record<string, unknown> => typeof held === "object" && held !== null && "passes" in held,
    );
    expect(rules).toHaveLength(1);
    expect(Reflect.set(rules[0] as Record<string, unknown>, "passes", () => true)).toBe(false);
    expect(() => msg.to(n).text("").build()).toThrow(PayloadError);
  });

  it("the empty body parameters every .body(p => …) starts from", () => {
    let start: object | undefined;
    msg
      .to(n)
      .template("hello")
      .language("en_US")
      .body((p) => {
        start = p;
        return p.text("x");
      });
    expect(Object.isFrozen(start)).toBe(true);
  });
});

describe("options that are null name the argument", () => {
  it.each([
    ["msg.toUser", () => msg.toUser("US.1" as never, null as never), /toUser options: expected an object, got null/],
    ["createMsg toUser", () => createMsg({ text }).toUser("US.1" as never, null as never), /toUser options: expected an object, got null/],
    [
      "pin",
      () =>
        createMsg({ pin })
          .toGroup("120363025555555555@g.us")
          .pin("wamid.1", null as never),
      /pin options: expected an object/,
    ],
  ])("%s", (_, call, message) => {
    expect(call).toThrow(message);
  });
});

describe("createMsg refuses what is not a map of kinds", () => {
  it("an array", () => {
    expect(() => createMsg([text] as never)).toThrow(/createMsg: expected the kinds to compose/);
  });

  it('a kind named "then", which would make every recipient thenable', () => {
    expect(() =>
      createMsg(
        Object.fromEntries([
          ["text", text],
          // biome-ignore lint/suspicious/noThenProperty: the point of the test is that a kind named "then" is refused
          ["then", text],
        ]) as never,
      ),
    ).toThrow(/createMsg: then is not a kind/);
  });
});

describe("an interactive media header takes one medium, its own", () => {
  it("two media: a TypeError naming both, not the second dropped", () => {
    expect(() =>
      createMsg({ buttons })
        .to(n)
        .buttons("b")
        .header({ image: { id: "1" }, video: { id: "2" } } as never),
    ).toThrow(/interactive\.header: one of image, video or document, got image and video/);
  });

  it("a sub-text with a media header: a TypeError naming it, not the sub-text dropped", () => {
    expect(() =>
      msg
        .to(n)
        .buttons("b")
        .header({ image: { id: "1" } }, { subText: "s" }),
    ).toThrow(/interactive\.header\.sub_text: goes with a text header only, got a header of type image/);
    expect(msg.to(n).buttons("b").header("Title", { subText: "s" }).reply("a", "A").build().interactive.header).toEqual({
      type: "text",
      text: "Title",
      sub_text: "s",
    });
  });

  it("an inherited image is not read as the caller's header", () => {
    const inherited = Object.create({ image: { id: "1" } }) as never;
    const built = msg.to(n).buttons("b").header(inherited).reply("a", "A").safeBuild();
    expect(built.ok).toBe(false);
  });
});

describe("validate() on odd values of known fields", () => {
  it("a template button sub_type that is an Object.prototype key gets the sub_type's own error, not a printed function", () => {
    const body = {
      messaging_product: "whatsapp",
      to: "16505551234",
      type: "template",
      template: {
        name: "t",
        language: { code: "en" },
        components: [{ type: "button", sub_type: "constructor", index: "0", parameters: [{ type: "payload", payload: "p" }] }],
      },
    };
    const messages = validate(body).map((issue) => issue.message);
    expect(messages.join("\n")).not.toMatch(/function Object|native code/);
    expect(errors(body).some((issue) => issue.path.endsWith("sub_type"))).toBe(true);
  });

  it("a mark-as-read body with to: null is read as a mark-as-read (null is absent), with to its one error", () => {
    const body = { messaging_product: "whatsapp", status: "read", message_id: "wamid.1", to: null };
    expect(errors(body).map((issue) => [issue.path, issue.message])).toEqual([["to", "not a field of a mark-as-read body"]]);
  });
});
