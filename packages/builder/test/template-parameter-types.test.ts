import { describe, expect, it } from "@jest/globals";
import { templateAround } from "./support/parameter-classes.js";

// The parameter classes are not exported as values, but every header and body parameter a caller
// gets holds its class in `.constructor`: a JavaScript caller can construct one around any
// parameter. The builder copies each parameter by its `type`; a type named like one of Object's
// members must not reach them (before: "constructor" found Object and handed back the caller's
// own object, "toString" built a string, "__proto__" and an unknown type threw "copy is not a function").
const to = "16505551234";
const ownerNames = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "__defineGetter__"];

describe("template parameters of a type no builder method makes", () => {
  it("are copied as given and reported at build, never handed to Object's members", () => {
    for (const type of [...ownerNames, "unknown_type"]) {
      const built = templateAround(to, { type, text: "x" }, { type, text: "x" }).safeBuild();
      expect({ type, ok: built.ok }).toEqual({ type, ok: false });
      const issues = built.ok ? [] : built.issues;
      expect(issues.some((issue) => issue.path.endsWith("parameters[0].type"))).toBe(true);
    }
  });
});
