import { describe, expect, it } from "@jest/globals";
import { buttons, createMsg, type Issue, PayloadError, text, validate } from "../src/index.js";

// A value JSON cannot carry, passed to a builder argument by a JavaScript caller: the build fails with the issue
// validate() reports first for the same body (its path, code and message), read as JSON.stringify would send it
// (rules/built-issues.ts). validate() goes on to explain the rest of the body; the build stops at that value.

const n = "16505551234";
const envelope = { messaging_product: "whatsapp", recipient_type: "individual" } as const;
const m = createMsg({ text, buttons });

/** An object that holds itself. */
function cycle(): Record<string, unknown> {
  const object: Record<string, unknown> = { a: 1 };
  object.self = object;
  return object;
}

const unsendable: Record<string, () => unknown> = {
  "a BigInt": () => 10n,
  "a cycle": cycle,
  "a cycle inside an array": () => ({ x: [1, cycle()] }),
  "a BigInt from toJSON": () => ({ toJSON: () => ({ n: [1n] }) }),
  // After an object is left, a later sibling's path must not keep the left object's keys.
  "a BigInt after a deep sibling": () => ({ a: { b: { c: [{ d: 1 }] } }, e: [{ f: 2 }, { g: 3n }] }),
  "a cycle after a deep sibling": () => ({ a: { b: [{ c: 1 }] }, e: { f: cycle() } }),
};

// Each builder argument a caller's value is written to as given, with the body validate() reads for it.
const sites: Record<string, readonly [(value: never) => { safeBuild(): unknown; build(): unknown }, (value: unknown) => unknown]> = {
  "to(…)": [(value) => m.to(value).text("hi"), (value) => ({ ...envelope, to: value, type: "text", text: { body: "hi" } })],
  "text(body)": [(value) => m.to(n).text(value), (value) => ({ ...envelope, to: n, type: "text", text: { body: value } })],
  "text(…, { previewUrl })": [
    (value) => m.to(n).text("hi", { previewUrl: value }),
    (value) => ({ ...envelope, to: n, type: "text", text: { body: "hi", preview_url: value } }),
  ],
  "replyTo(…)": [
    (value) => m.to(n).text("hi").replyTo(value),
    (value) => ({ ...envelope, to: n, context: { message_id: value }, type: "text", text: { body: "hi" } }),
  ],
  "callbackData(…)": [
    (value) => m.to(n).text("hi").callbackData(value),
    (value) => ({ ...envelope, to: n, type: "text", text: { body: "hi" }, biz_opaque_callback_data: value }),
  ],
  "identityKeyHash(…)": [
    (value) => m.to(n).text("hi").identityKeyHash(value),
    (value) => ({ ...envelope, to: n, type: "text", text: { body: "hi" }, recipient_identity_key_hash: value }),
  ],
  "toUser(…)": [(value) => m.toUser(value).text("hi"), (value) => ({ ...envelope, recipient: value, type: "text", text: { body: "hi" } })],
  "buttons(body)": [(value) => m.to(n).buttons(value).reply("a", "A"), (value) => buttonsBody({ text: value }, { id: "a", title: "A" })],
  "reply(id, …)": [
    (value) => m.to(n).buttons("Pick").reply(value, "A"),
    (value) => buttonsBody({ text: "Pick" }, { id: value, title: "A" }),
  ],
  "reply(…, title)": [
    (value) => m.to(n).buttons("Pick").reply("a", value),
    (value) => buttonsBody({ text: "Pick" }, { id: "a", title: value }),
  ],
};

function buttonsBody(body: unknown, reply: unknown): unknown {
  return {
    ...envelope,
    to: n,
    type: "interactive",
    interactive: { type: "button", body, action: { buttons: [{ type: "reply", reply }] } },
  };
}

const issuesOf = (result: unknown): readonly Issue[] => (result as { issues?: readonly Issue[] }).issues ?? [];

describe("a value JSON cannot carry, at every builder argument of text and buttons", () => {
  for (const [site, [make, literal]] of Object.entries(sites))
    for (const [name, value] of Object.entries(unsendable))
      it(`${site}: ${name} fails with validate()'s first issue for the same body`, () => {
        const expected = validate(literal(value())).filter((issue) => issue.severity === "error");
        expect(expected[0]?.message).toMatch(/^a (BigInt|cycle)/);
        expect(issuesOf(make(value() as never).safeBuild())).toStrictEqual([expected[0]]);
        expect(() => make(value() as never).build()).toThrow(PayloadError);
      });

  it("the paths of a BigInt after deep siblings name the sibling it is in, nothing left behind", () => {
    const result = m
      .to(n)
      .text(unsendable["a BigInt after a deep sibling"]?.() as never)
      .safeBuild();
    expect(issuesOf(result).map((issue) => issue.path)).toEqual(["text.body.e[1].g"]);
  });

  it("one object held twice (no cycle) is sent twice, not reported as a cycle", () => {
    const shared = { a: 1 };
    const result = m
      .to(n)
      .text({ x: shared, y: [shared, { z: shared }] } as never)
      .safeBuild();
    expect(issuesOf(result)).toStrictEqual([
      { path: "text.body", code: "invalid_type", severity: "error", message: "expected a string, got object" },
    ]);
  });

  it("a getter or toJSON that throws is reported on the body as a whole (stringify does not say where)", () => {
    const throwingGetter = {
      get boom(): never {
        throw new Error("boom");
      },
    };
    const throwingToJSON = {
      toJSON(): never {
        throw new RangeError("nope");
      },
    };
    for (const [site, [make]] of Object.entries(sites)) {
      expect([site, issuesOf(make(throwingGetter as never).safeBuild())]).toStrictEqual([
        site,
        [{ path: "", code: "invalid_value", severity: "error", message: "could not be read: Error: boom" }],
      ]);
      expect([site, issuesOf(make(throwingToJSON as never).safeBuild())]).toStrictEqual([
        site,
        [{ path: "", code: "invalid_value", severity: "error", message: "could not be read: RangeError: nope" }],
      ]);
    }
  });
});
