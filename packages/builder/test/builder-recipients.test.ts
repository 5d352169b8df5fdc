import { describe, expect, it } from "@jest/globals";
import { buttons, createMsg, type Issue, msg, PayloadError, text, validate } from "../src/index.js";

// A builder's check and its explanation must agree: a body the check refuses is never returned because the
// explanation found nothing to say (build() returns a body whose explanation has no error).

describe("a builder given no recipient fails with validate()'s issues", () => {
  const m = createMsg({ text, buttons });
  const envelope = { messaging_product: "whatsapp", recipient_type: "individual", type: "text", text: { body: "hi" } };
  /** validate()'s issues for the body as JSON.stringify sends it. */
  const sent = (body: unknown): readonly Issue[] => validate(JSON.parse(JSON.stringify(body)));
  const failed = (result: { ok: boolean }): readonly Issue[] => (result as { issues?: readonly Issue[] }).issues ?? [];

  for (const value of [undefined, null, Number.NaN])
    it(`to(${String(value)}) and toUser(${String(value)})`, () => {
      const byTo = sent({ ...envelope, to: value });
      expect(byTo.filter((issue) => issue.severity === "error").map((issue) => issue.message)).toEqual([
        "is required (or recipient, a business-scoped user id)",
      ]);
      expect(
        failed(
          m
            .to(value as never)
            .text("hi")
            .safeBuild(),
        ),
      ).toStrictEqual(byTo);
      expect(
        failed(
          m
            .toUser(value as never)
            .text("hi")
            .safeBuild(),
        ),
      ).toStrictEqual(sent({ ...envelope, recipient: value }));
    });
});

describe("a group's addressing changed by reflection to carry a recipient", () => {
  // No builder writes a group with a recipient; the addressing is reachable only by reflection. The check refuses
  // such a body, so the explanation must say why rather than let build() return it.
  const tampered = <R extends object>(recipient: R): R => {
    const addressing = Reflect.get(recipient, Object.getOwnPropertySymbols(recipient)[0] as symbol) as { recipient?: string };
    addressing.recipient = "US.13491208655302741918";
    return recipient;
  };

  it.each([
    ["msg", () => tampered(msg.toGroup("120363000000000000@g.us"))],
    ["createMsg", () => tampered(createMsg({ text }).toGroup("120363000000000000@g.us"))],
  ])("%s: build() throws PayloadError naming recipient", (_, group) => {
    const built = () => group().text("hi").build();
    expect(built).toThrow(PayloadError);
    expect(built).toThrow(/recipient: a group is addressed by its id in to/);
  });
});
