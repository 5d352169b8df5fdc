import { describe, expect, it } from "@jest/globals";
import {
  type Buildable,
  type BuildResult,
  buttons,
  createMsg,
  defineTemplates,
  hasErrors,
  type Issue,
  msg,
  PayloadError,
  template,
  text,
  validate,
} from "../src/index.js";
import { maxJsonDepth } from "../src/rules/json-bounds.js";

// build() asks the kind's compiled check first and explains only a body it refuses (rules/built-issues.ts). The two are
// compiled from one table and tested to agree (build-verdict, explanations), so a refusal the explanation cannot account
// for is a bug; it must still fail the build, never return the body. No builder reaches that state, so these tests make
// a check refuse what its explanation accepts by reflection, as builder-recipients.test.ts tampers with the addressing.

const n = "16505551234";

/** The issue build() adds when the check refuses a body whose explanation finds no error. */
const unexplained = (kind: string, body: unknown): Issue => ({
  path: "",
  code: "invalid_value",
  severity: "error",
  message: `the built ${kind} body failed its check, yet no rule says why (a wacompose bug)`,
  actual: JSON.stringify(body),
});

/** The body a builder assembles, before any check (a protected method, reached for the test). */
const assembled = (builder: object): unknown => (builder as { assemble(): unknown }).assemble();

/** `builder` with its kind's check replaced by one that refuses everything: its rules sit under a symbol of its own. */
function refusing<B extends object>(builder: B): B {
  const key = Object.getOwnPropertySymbols(builder).find((symbol) => {
    const state: unknown = Reflect.get(builder, symbol);
    return typeof state === "object" && state !== null && "passes" in state && "explain" in state;
  });
  if (key === undefined) throw new Error("no rules found on the builder");
  Reflect.set(builder, key, { ...(Reflect.get(builder, key) as object), passes: () => false });
  return builder;
}

describe("a check that refuses a body its explanation accepts", () => {
  const cases: readonly (readonly [string, () => Buildable<unknown>, string])[] = [
    ["msg text", () => refusing(msg.to(n).text("hi")), "text"],
    ["createMsg text, with context", () => refusing(createMsg({ text }).to(n).text("hi").replyTo("wamid.1")), "text"],
    ["buttons", () => refusing(createMsg({ buttons }).to(n).buttons("Pick").reply("a", "A")), "interactive"],
    ["a template", () => refusing(createMsg({ template }).to(n).template("hello").language("en_US")), "template"],
    [
      "a typed template",
      () =>
        refusing(
          msg
            .with(defineTemplates({ hello: { languages: ["en_US"] } }))
            .to(n)
            .template("hello", {}),
        ),
      "template",
    ],
    ["a group's text", () => refusing(msg.toGroup("120363000000000000@g.us").text("hi all")), "text"],
    ["a location", () => refusing(msg.to(n).location({ latitude: 1, longitude: 2 })), "location"],
  ];

  it.each(cases)("%s: build() throws a PayloadError naming the kind, with the body as sent", (_, make, kind) => {
    const body = assembled(make());
    expect(hasErrors(validate(body))).toBe(false); // a valid body: only the tampered check refuses it
    const expected = unexplained(kind, body);
    expect(() => make().build()).toThrow(new PayloadError([expected]));
    expect(make().safeBuild()).toEqual({ ok: false, issues: [expected] });
    expect(() => JSON.stringify(make())).toThrow(PayloadError);
    // What the issue points to: the body it carries, read back, is what validate() checks.
    expect(JSON.parse(expected.actual as string)).toEqual(body);
  });

  it("steps after the tampering carry it on: replyTo and callbackData keep the kind's rules", () => {
    const result = refusing(msg.to(n).text("hi")).replyTo("wamid.1").callbackData("order-42").safeBuild();
    expect(result.ok).toBe(false);
    expect((result as { issues: readonly Issue[] }).issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^the built text body failed its check/),
    ]);
  });

  it("a body with warnings keeps them, and the error is added after them", () => {
    const builder = () => refusing(msg.to(16505551234 as never).text("hi")); // `to` as a number: a warning (§15)
    const warnings = validate(assembled(builder()));
    expect(warnings.length).toBeGreaterThan(0);
    expect(hasErrors(warnings)).toBe(false);
    expect(builder().safeBuild()).toEqual({ ok: false, issues: [...warnings, unexplained("text", assembled(builder()))] });
  });

  it("a body with an error is explained as before: the explanation's issues alone", () => {
    const result = refusing(msg.to(n).text("")).safeBuild() as Extract<BuildResult<unknown>, { ok: false }>;
    expect(result.issues).toEqual(validate(assembled(msg.to(n).text(""))));
    expect(result.issues.some((issue) => issue.message.includes("no rule says why"))).toBe(false);
  });

  it("mark-as-read: its check, replaced on the builder, refuses; the issue names it", () => {
    const builder = msg.markRead("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA").typing();
    const rules = Reflect.get(Object.getPrototypeOf(builder), "rules", builder) as object;
    Object.defineProperty(builder, "passes", { value: () => false });
    Object.defineProperty(builder, "rules", { value: { ...rules, passes: () => false } });
    expect(builder.safeBuild()).toEqual({ ok: false, issues: [unexplained("mark-as-read", assembled(builder))] });
  });
});

describe("a value the check cannot read as given, but JSON.stringify sends valid, still builds", () => {
  // The check reads the body as assembled, the explanation as sent: these refused by the first and accepted by the
  // second built before, and must still (an unexplained refusal would fail them). The check passes them as sent.
  const passesAsSent = (builder: Buildable<unknown>): boolean => {
    const check = (body: unknown) => (builder as unknown as { passes(body: unknown): boolean }).passes(body);
    const body = assembled(builder);
    return !check(body) && check(JSON.parse(JSON.stringify(body)));
  };
  const cases: readonly (readonly [string, () => Buildable<unknown>])[] = [
    ["a String object as a text's body", () => msg.to(n).text(new String("hi") as never)],
    ["a toJSON that gives the recipient", () => msg.to({ toJSON: () => n } as never).text("hi")],
    ["a Number object as a latitude", () => msg.to(n).location({ latitude: new Number(1) as never, longitude: 2 })],
    ["a Boolean object as previewUrl", () => msg.to(n).text("hi", { previewUrl: new Boolean(true) as never })],
    ["a String object as a mark-as-read id", () => msg.markRead(new String("wamid.1") as never)],
    [
      "a toJSON in a carousel card",
      () =>
        msg
          .to(n)
          .carousel("Pick")
          // On the media object: a field's toJSON (a URL at link) is read at .card() (carousel.ts, sentNow), so the
          // body as assembled holds its string; the media object is copied as { ...media }, its own toJSON with it.
          .card(
            { image: { toJSON: () => ({ link: "https://example.com/a.jpg" }) } as never },
            { button: { text: "Buy", url: "https://x.io/a" } },
          )
          .card({ image: { link: "https://example.com/b.jpg" } }, { button: { text: "Buy", url: "https://x.io/b" } }),
    ],
    [
      "a toJSON in a carousel template's card",
      () =>
        msg
          .to(n)
          .template("x")
          .language("en")
          .carousel((c) =>
            c
              .card((p) => p.header((h) => h.image({ link: { toJSON: () => "https://example.com/a.png" } as never })))
              .card((p) => p.header((h) => h.image({ link: "https://example.com/b.png" }))),
          ),
    ],
  ];

  it.each(cases)("%s", (_, make) => {
    expect(passesAsSent(make())).toBe(true);
    expect(hasErrors(validate(assembled(make())))).toBe(false);
    expect(make().safeBuild().ok).toBe(true);
    expect(() => make().build()).not.toThrow();
  });

  it("flow data nested deeper than 64 levels, up to the bound: the check passes it as assembled", () => {
    // The check's reader of free-form data gave up at 64 levels and left the verdict to the explanation, which found
    // nothing: with an unexplained refusal an error, so it reads as deep as a builder copies (maxJsonDepth in the body).
    const nested = (levels: number): Record<string, unknown> => {
      let data: Record<string, unknown> = { leaf: true };
      for (let level = 1; level < levels; level++) data = { d: data };
      return data;
    };
    const check = (builder: Buildable<unknown>) => (builder as unknown as { passes(body: unknown): boolean }).passes(assembled(builder));
    for (const levels of [65, 500, maxJsonDepth - 5]) {
      const flow = msg.to(n).flow("Book", { flowId: "1", cta: "Book", screen: "START", data: nested(levels) });
      expect([levels, check(flow), flow.safeBuild().ok]).toEqual([levels, true, true]);
    }
  });
});
