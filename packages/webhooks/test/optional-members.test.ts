import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { definedMembers } from "../src/defined-members.js";
import { MemberReader } from "../src/fields/read.js";

// The two helpers every field reader writes its optional members with: what is absent is left out
// (never an `undefined` member, which `exactOptionalPropertyTypes` forbids), and each member that is
// there but of the wrong type is reported at its path, as the single-member readers report it.

type Issue = [path: string, code: string, message: string];
const readerOf = (source: Record<string, unknown>) => {
  const issues: Issue[] = [];
  const reader = new MemberReader(source, "entry[0].changes[0].value", (...issue) => issues.push(issue));
  return { reader, issues };
};

describe("definedMembers", () => {
  it("leaves out the undefined members, keeps null, falsy values and the given order", () => {
    const present = definedMembers({ a: undefined, b: null, c: 0, d: "", e: false, f: "x" });
    expect(present).toStrictEqual({ b: null, c: 0, d: "", e: false, f: "x" });
    expect(Object.keys(present)).toEqual(["b", "c", "d", "e", "f"]);
    expect("a" in present).toBe(false);
  });

  it("never yields an undefined member, for any mix of values", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.option(fc.jsonValue(), { nil: undefined })), (members) => {
        const present = definedMembers(members);
        for (const [key, value] of Object.entries(members)) {
          if (value === undefined) expect(Object.hasOwn(present, key)).toBe(false);
          else expect(present[key]).toBe(value);
        }
      }),
    );
  });

  it("copies a member named __proto__ as data, without touching the result's prototype", () => {
    const members = JSON.parse('{"__proto__": {"polluted": true}, "kept": 1}') as Record<string, unknown>;
    const present = definedMembers(members);
    expect(Object.getPrototypeOf(present)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(present.kept).toBe(1);
  });
});

describe("MemberReader.optional", () => {
  it("reads each member as its kind reads it, leaving out the absent ones", () => {
    const { reader, issues } = readerOf({ title: "T", id: 12345, count: "7", at: "1767225600", flag: true });
    expect(reader.optional("text", "title", "missing")).toStrictEqual({ title: "T" });
    expect(reader.optional("id", "id")).toStrictEqual({ id: "12345" });
    expect(reader.optional("number", "count")).toStrictEqual({ count: 7 });
    expect(reader.optional("seconds", "at")).toStrictEqual({ at: 1767225600 });
    expect(reader.optional("boolean", "flag", "missing")).toStrictEqual({ flag: true });
    expect(issues).toEqual([]);
    expect(reader.failed).toBe(false);
  });

  it("reports a member of the wrong type at its path, leaves it out, and does not fail the object", () => {
    const { reader, issues } = readerOf({ reason: 42, recommendation: "Edit the body", at: "soon" });
    expect(reader.optional("text", "reason", "recommendation")).toStrictEqual({ recommendation: "Edit the body" });
    expect(reader.optional("seconds", "at")).toStrictEqual({});
    expect(issues).toEqual([
      ["entry[0].changes[0].value.reason", "invalid_type", "a string, got number"],
      ["entry[0].changes[0].value.at", "invalid_format", 'Unix seconds, as digits or a number, got "soon"'],
    ]);
    expect(reader.failed).toBe(false);
  });

  it("does not read inherited keys as members", () => {
    const { reader, issues } = readerOf(JSON.parse('{"__proto__": "x"}') as Record<string, unknown>);
    expect(reader.optional("text", "constructor", "toString")).toStrictEqual({});
    // An own `__proto__` is data (JSON.parse makes it one): kept as a member, never as the prototype.
    const own = reader.optional("text", "__proto__");
    expect(Object.getOwnPropertyDescriptor(own, "__proto__")?.value).toBe("x");
    expect(Object.getPrototypeOf(own)).toBe(Object.prototype);
    expect(issues).toEqual([]);
  });

  it("reports in the order the keys are given", () => {
    const { reader, issues } = readerOf({ a: 1, b: 2 });
    reader.optional("text", "b", "a");
    expect(issues.map(([path]) => path)).toEqual(["entry[0].changes[0].value.b", "entry[0].changes[0].value.a"]);
  });
});
