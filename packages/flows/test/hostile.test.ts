import { describe, expect, jest, test } from "@jest/globals";
import { validateFlow } from "../src/index.js";

const screen = (children: unknown[], extra: object = {}) => ({
  id: "A",
  terminal: true,
  layout: { type: "SingleColumnLayout", children },
  ...extra,
});
const doc = (children: unknown[], extra: object = {}) => ({ version: "7.3", screens: [screen(children, extra)] });
const footer = { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } };

describe("validateFlow on hostile input: never throws, stays bounded", () => {
  test.each([null, undefined, 42, "flow", true, [], () => 1, Symbol("x"), new Date(0)])("%p", (value) => {
    expect(() => validateFlow(value)).not.toThrow();
    expect(validateFlow(value).length).toBeGreaterThan(0);
  });

  test("wrong types everywhere", () => {
    const issues = validateFlow({
      version: 7,
      screens: [null, 1, { id: 5 }, { id: "B", layout: "x", terminal: "yes", data: [] }],
      routing_model: "x",
    });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        "version",
        "screens[0]",
        "screens[1]",
        "screens[2].id",
        "screens[3].layout",
        "screens[3].terminal",
        "routing_model",
      ]),
    );
  });

  test("a cycle in the object graph is an issue, not a crash", () => {
    const cyclic: Record<string, unknown> = doc([footer]);
    cyclic.self = cyclic;
    expect(validateFlow(cyclic)).toEqual([expect.objectContaining({ path: "", code: "invalid_value" })]);
  });

  test("an object shared 2^60 ways (a program's value; JSON.parse never shares) is refused by its size, each object walked once", () => {
    // Each level holds the one below twice: 60 objects, 2^60 paths. Serialising it, or walking every path, never ends.
    let walks = 0;
    const counted = <T extends object>(value: T): T =>
      new Proxy(value, {
        ownKeys(target) {
          if (++walks > 10_000) throw new Error("walked along every path");
          return Reflect.ownKeys(target);
        },
        get(target, key, receiver) {
          if (++walks > 10_000) throw new Error("walked along every path");
          return Reflect.get(target, key, receiver);
        },
      });
    let example: unknown = "leaf";
    let payload: unknown = "leaf";
    for (let i = 0; i < 60; i++) {
      example = counted({ a: example, b: example });
      payload = counted([payload, payload]);
    }
    const done = { ...footer, "on-click-action": { name: "complete", payload: { p: payload } } };
    const issues = validateFlow(doc([done], { data: { v: { type: "object", properties: {}, __example__: example } } }));
    expect(issues).toEqual([
      {
        path: "",
        code: "too_long",
        severity: "error",
        message: `the document is at most 10485760 bytes, got at least ${Number.MAX_SAFE_INTEGER}; nothing else was checked`,
        limit: 10 * 1024 * 1024,
        actual: Number.MAX_SAFE_INTEGER,
      },
    ]);
    // A few look-ups per object (its keys, its members), never one per path.
    expect(walks).toBeLessThanOrEqual(1_000);
  });

  test("an object whose toJSON gives a tree sharing one object 2^21 ways is counted as that tree, its toJSON asked once (2^40 never ended)", () => {
    let tree: unknown = "leaf";
    for (let i = 0; i < 21; i++) tree = [tree, tree];
    let asked = 0;
    const stands = {
      toJSON: (key: string) => {
        asked++;
        expect(key).toBe("__example__"); // the key it is written under, as JSON.stringify passes it
        return tree;
      },
    };
    const issues = validateFlow(doc([footer], { data: { v: { type: "array", items: { type: "string" }, __example__: stands } } }));
    expect(issues).toEqual([
      expect.objectContaining({ path: "", code: "too_long", message: expect.stringContaining("nothing else was checked") }),
    ]);
    expect(asked).toBe(1);
    // A toJSON that gives a small value is counted as what it gives: the document is checked as usual.
    const small = doc([footer], { data: { v: { type: "array", items: { type: "string" }, __example__: { toJSON: () => ["a"] } } } });
    expect(validateFlow(small).map((issue) => issue.code)).not.toContain("too_long");
  });

  test("a cycle says so, however deep it sits", () => {
    const inner: Record<string, unknown> = { type: "string", __example__: {} };
    (inner.__example__ as Record<string, unknown>).back = [inner];
    expect(validateFlow(doc([footer], { data: { v: inner } }))).toEqual([
      { path: "", code: "invalid_value", severity: "error", message: "not JSON: an object contains itself (a cycle)" },
    ]);
  });

  test("a navigate payload and its target's model of 20,000 fields each are matched by look-up, not a scan per field (it was quadratic)", () => {
    const fields = Array.from({ length: 20_000 }, (_, i) => `f${i}`);
    const data = Object.fromEntries(fields.map((field) => [field, { type: "string", __example__: "x" }]));
    const payload = Object.fromEntries(fields.map((field) => [field, "v"]));
    const next = { type: "Footer", label: "Next", "on-click-action": { name: "navigate", next: { type: "screen", name: "B" }, payload } };
    const document = {
      version: "7.3",
      screens: [
        { id: "A", layout: { type: "SingleColumnLayout", children: [next] } },
        { id: "B", terminal: true, data, layout: { type: "SingleColumnLayout", children: [footer] } },
      ],
    };
    // Counted, not timed: a scan of the payload's keys for each of the model's fields is one `includes` per field.
    const includes = jest.spyOn(Array.prototype, "includes");
    try {
      expect(validateFlow(document)).toEqual([]);
      expect(includes.mock.calls.length).toBeLessThan(1_000);
    } finally {
      includes.mockRestore();
    }
  });

  test("Switch in Switch 100,000 deep stops at the nesting bound", () => {
    let inner: unknown = footer;
    for (let i = 0; i < 100_000; i++) inner = { type: "Switch", value: "${data.v}", cases: { a: [inner] } };
    const issues = validateFlow(doc([inner], { data: { v: { type: "string", __example__: "a" } } }));
    expect(issues.some((i) => i.message.includes("nest at most"))).toBe(true);
  });

  test("100,000 components: one count issue per rule, the issue list capped", () => {
    const issues = validateFlow(doc([...Array.from({ length: 100_000 }, () => ({ type: "TextBody", text: "x" })), footer]));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: "screens[0].layout.children", code: "too_many", limit: 50, actual: 100_001 }),
    );
    const broken = validateFlow(doc(Array.from({ length: 100_000 }, () => ({ type: "Marquee" }))), { maxIssues: 500 });
    expect(broken).toHaveLength(501);
    expect(broken.at(-1)).toMatchObject({ code: "truncated" });
  });

  test("a 2 MB string full of ${ is read in one pass", () => {
    const issues = validateFlow(doc([{ type: "TextBody", text: "${data.x}".repeat(250_000) }, footer]), { maxIssues: 50 });
    expect(issues.length).toBeLessThanOrEqual(51);
    expect(issues[0]).toMatchObject({ path: "screens[0].layout.children[0].text" });
  });

  test("over 10 MB is reported with the size", () => {
    const issues = validateFlow(doc([{ type: "TextBody", text: "x".repeat(11 * 1024 * 1024) }, footer]));
    expect(issues).toContainEqual(expect.objectContaining({ path: "", code: "too_long", limit: 10 * 1024 * 1024 }));
  });

  test("a long chain of screens does not overflow the routing check", () => {
    const ids = Array.from(
      { length: 100 },
      (_, i) => `S_${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
    );
    const screens = ids.map((id, i) => {
      const next = ids[i + 1];
      return {
        id,
        ...(next ? {} : { terminal: true }),
        layout: {
          type: "SingleColumnLayout",
          children: [
            next
              ? { type: "Footer", label: "Next", "on-click-action": { name: "navigate", next: { type: "screen", name: next } } }
              : footer,
          ],
        },
      };
    });
    expect(validateFlow({ version: "7.3", screens })).toEqual([]);
  });
});
