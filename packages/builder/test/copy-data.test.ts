import { describe, expect, it } from "@jest/globals";
import { copyData } from "../src/builders/copy-data.js";

describe("copyData", () => {
  it("keeps a __proto__ key from JSON as a key, and sets no prototype", () => {
    const data = JSON.parse('{"__proto__":{"polluted":1},"a":1}') as Record<string, unknown>;
    const copy = copyData(data, { path: "data", depth: 1 });
    expect(JSON.stringify(copy)).toBe(JSON.stringify(data));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: number }).polluted).toBeUndefined();
    expect(copy).not.toBe(data);
  });
});
