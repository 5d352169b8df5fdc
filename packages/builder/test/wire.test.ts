import { runInNewContext } from "node:vm";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { msg, PayloadError, validate } from "../src/index.js";
import { documented } from "./fixtures/documented.js";

// validate() judges what JSON.stringify would send, never throws, and stays linear on hostile
// input; build() returns only bodies that serialise to what was validated.
const envelope = { messaging_product: "whatsapp", to: "16505551234" } as const;
const issuesOf = (body: unknown) => validate(body).map((issue) => `${issue.path}: ${issue.message}`);

describe("validate() reads the wire form", () => {
  it("ignores inherited properties, as JSON.stringify does", () => {
    const body = Object.create({ type: "text", text: { body: "inherited" } });
    Object.assign(body, envelope);
    // Sent as {"messaging_product":"whatsapp","to":"16505551234"}: a text without text.
    expect(issuesOf(body)).toEqual(['text: is required when type is "text"']);
  });

  it("applies toJSON, as JSON.stringify does", () => {
    const body = { ...envelope, type: "text", text: { toJSON: () => ({ body: "from toJSON" }) } };
    expect(validate(body)).toEqual([]);
    const hidden = { ...envelope, type: "text", text: { body: "x", toJSON: () => ({}) } };
    expect(issuesOf(hidden)).toEqual(["text.body: is required"]);
  });

  it("drops undefined members and sends non-finite numbers as null", () => {
    expect(validate({ ...envelope, type: "text", text: { body: "hi", preview_url: undefined } })).toEqual([]);
    const location = { ...envelope, type: "location", location: { latitude: Number.NaN, longitude: 1 } };
    expect(issuesOf(location)).toEqual(["location.latitude: expected a number, got null"]);
  });

  it("reports BigInts and cycles instead of passing what JSON.stringify would throw on", () => {
    expect(issuesOf({ ...envelope, type: "text", text: { body: "hi" }, biz_opaque_callback_data: 5n })).toEqual([
      "biz_opaque_callback_data: a BigInt cannot be sent as JSON; use a number or a string",
    ]);
    const text: Record<string, unknown> = { body: "hi" };
    text.self = text;
    expect(issuesOf({ ...envelope, type: "text", text })).toContain(
      "text.self: a cycle: this object contains itself, so it cannot be sent as JSON",
    );
  });

  it("never throws: getters that throw unprintable values, throwing proxies, revoked proxies", () => {
    const unprintable = Object.create(null);
    const body = {
      ...envelope,
      type: "text",
      get text() {
        throw unprintable;
      },
    };
    expect(issuesOf(body)).toEqual(["text: could not be read: a value that cannot be printed", 'text: is required when type is "text"']);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => validate(proxy)).not.toThrow();
    expect(() => validate({ ...envelope, type: "text", text: proxy })).not.toThrow();
    const trap = new Proxy([], {
      get: () => {
        throw Symbol("trap");
      },
    });
    expect(issuesOf({ ...envelope, type: "contacts", contacts: trap })[0]).toBe("contacts: could not be read: Symbol(trap)");
  });

  it("reads boxed primitives by brand, as JSON.stringify does: another realm's, an own valueOf, a fake", () => {
    // node:vm objects fail `instanceof String` here, yet JSON.stringify sends their primitive.
    const [body, limit, on] = runInNewContext('[new String("hi"), new Number(3), new Boolean(true)]') as [unknown, unknown, unknown];
    expect(body).not.toBeInstanceOf(String);
    const text = { ...envelope, type: "text", text: { body, preview_url: on } };
    expect(JSON.parse(JSON.stringify(text)).text).toEqual({ body: "hi", preview_url: true });
    expect(validate(text)).toEqual([]);
    expect(issuesOf({ ...text, text: { body: runInNewContext("new Number(3)") } })).toEqual(["text.body: expected a string, got number"]);
    expect(limit).not.toBeInstanceOf(Number);
    // A Number is read by ToNumber, a String by ToString: an own valueOf or toString is what is sent.
    const renamed = Object.assign(new String("hi"), { toString: () => "" });
    expect(JSON.stringify(renamed)).toBe('""');
    expect(issuesOf({ ...envelope, type: "text", text: { body: renamed } })).toEqual(
      validate(JSON.parse(JSON.stringify({ ...envelope, type: "text", text: { body: "" } }))).map(
        (issue) => `${issue.path}: ${issue.message}`,
      ),
    );
    // An object with String.prototype but no string inside is sent as {}, not read as a string.
    const fake = Object.setPrototypeOf({}, String.prototype) as object;
    expect(JSON.stringify({ body: fake })).toBe('{"body":{}}');
    expect(issuesOf({ ...envelope, type: "text", text: { body: fake } })).toEqual(["text.body: expected a string, got object"]);
    // A boxed BigInt throws in JSON.stringify like a bigint: reported, not read as {}.
    expect(() => JSON.stringify({ x: Object(5n) })).toThrow(TypeError);
    expect(issuesOf({ ...envelope, type: "text", text: { body: "hi" }, biz_opaque_callback_data: Object(5n) })).toEqual([
      "biz_opaque_callback_data: a BigInt cannot be sent as JSON; use a number or a string",
    ]);
    // A toString that throws is what JSON.stringify would throw: reported at its path.
    const throwing = Object.assign(new String("hi"), {
      toString: () => {
        throw new Error("no");
      },
    });
    expect(() => JSON.stringify(throwing)).toThrow("no");
    expect(issuesOf({ ...envelope, type: "text", text: { body: throwing } })[0]).toBe("text.body: could not be read: Error: no");
  });

  it("a boxed Number whose valueOf gives a bigint is what JSON.stringify throws on, not a number taken as valid", () => {
    const bigValued = Object.assign(new Number(1), { valueOf: () => 7n });
    const location = { ...envelope, type: "location", location: { latitude: bigValued, longitude: 0 } };
    expect(() => JSON.stringify(location)).toThrow(TypeError);
    expect(issuesOf(location)[0]).toMatch(/^location\.latitude: could not be read: TypeError/);
    const primitive = Object.assign(new Number(1), { [Symbol.toPrimitive]: () => 7n });
    expect(issuesOf({ ...location, location: { latitude: primitive, longitude: 0 } })[0]).toMatch(/^location\.latitude: could not be read/);
  });

  it("stops reporting inside an array after 20 issues, with a summary", () => {
    const rows = Array.from({ length: 1000 }, () => ({ id: "", title: "" }));
    const body = {
      ...envelope,
      type: "interactive",
      interactive: { type: "list", body: { text: "b" }, action: { button: "B", sections: [{ rows }] } },
    };
    const issues = validate(body);
    expect(issues.length).toBeLessThan(25);
    const summary = issues.find((issue) => issue.code === "truncated");
    expect(summary).toMatchObject({ path: "interactive.action.sections[0].rows" });
    expect(summary?.message).toMatch(/^stopped after 20 issues; \d+ more entries not checked$/);
  });

  // Before: a scan of every earlier id — 100,000 rows took 12–17 s. 200,000 would take about a
  // minute; linear, it is well under a second even on a loaded host, far inside jest's timeout.
  it("is linear in the number of ids: 200,000 rows and 200,000 buttons", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: `r${i}`, title: "t" }));
    const list = {
      ...envelope,
      type: "interactive",
      interactive: { type: "list", body: { text: "b" }, action: { button: "B", sections: [{ rows }] } },
    };
    expect(validate(list).map((i) => i.code)).toEqual(["too_many"]);
    const buttons = Array.from({ length: 200_000 }, (_, i) => ({ type: "reply", reply: { id: `b${i}`, title: `t${i}` } }));
    const button = { ...envelope, type: "interactive", interactive: { type: "button", body: { text: "b" }, action: { buttons } } };
    expect(validate(button).map((i) => i.code)).toEqual(["too_many"]);
  }, 10_000);

  it("property: never throws, and judges x as it judges JSON.parse(JSON.stringify(x))", () => {
    const documentedBody = fc.constantFrom(...Object.values(documented));
    const odd = fc.oneof(
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.constant(-0),
      fc.constant(new Date(0)),
      fc.constant(() => 1),
      fc.constant(Symbol("s")),
      fc.constant({ toJSON: () => "json" }),
    );
    // Documented bodies with one member replaced by an odd value, somewhere in the tree.
    const mutated = fc.tuple(documentedBody, fc.nat(), odd).map(([body, pick, value]) => {
      const copy = structuredClone(body) as unknown as Record<string, unknown>;
      const objects: Record<string, unknown>[] = [];
      const collect = (node: unknown) => {
        if (typeof node !== "object" || node === null) return;
        objects.push(node as Record<string, unknown>);
        for (const child of Object.values(node)) collect(child);
      };
      collect(copy);
      const target = objects[pick % objects.length] as Record<string, unknown>;
      const keys = Object.keys(target);
      target[keys[pick % Math.max(1, keys.length)] ?? "extra"] = value;
      return copy;
    });
    const anything = fc.anything({
      withBoxedValues: true,
      withNullPrototype: true,
      withDate: true,
      withSparseArray: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(fc.oneof(mutated, anything, documentedBody), (x) => {
        const issues = validate(x);
        let text: string | undefined;
        try {
          text = JSON.stringify(x);
        } catch {
          return; // not serialisable: validate() reported it (checked above), nothing to compare
        }
        if (text === undefined) return;
        expect(issues).toEqual(validate(JSON.parse(text)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("build() returns only bodies that serialise to what was validated", () => {
  const flow = (data: Record<string, unknown>) => msg.to("16505551234").flow("Book", { flowId: "1", cta: "Book", screen: "S", data });

  it("flow data { x: undefined } is empty once sent: build() says so", () => {
    const result = flow({ x: undefined }).safeBuild();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(["interactive.action.parameters.flow_action_payload.data"]);
    const kept = flow({ x: undefined, y: 1 }).build();
    expect(JSON.parse(JSON.stringify(kept))).toEqual(JSON.parse(JSON.stringify(kept))); // serialisable
  });

  it("a BigInt, a cycle or a function in flow data: a PayloadError at build(), never a crash at send", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => flow({ n: 1n }).build()).toThrow(PayloadError);
    expect(() => flow({ n: 1n }).build()).toThrow("data.n: a BigInt cannot be sent as JSON");
    expect(() => flow(cyclic).build()).toThrow("data.self: a cycle");
    expect(() => flow({ f: () => 1 })).not.toThrow(); // structuredClone threw DataCloneError here
    expect(() => flow({ f: () => 1 }).build()).toThrow("data: must not be empty"); // a function is not sent
  });

  it('quickReply("05") is not built as index "05"', () => {
    const template = msg.to("16505551234").template("t").language("en").quickReply("05", "STOP");
    expect(() => template.build()).toThrow('components[0].index: expected "5" (no leading zeros), got "05"');
  });
});
