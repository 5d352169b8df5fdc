import { describe, expect, it } from "@jest/globals";
import { limits, mediaLimits, throughputLimits } from "../src/index.js";
import { listLimits, phoneLimits, productListLimits, templateLimits } from "../src/limits.js";

// A group a runtime imports by name (so that its bundle carries the group, not the whole table) is the table's row
// itself, not a copy: each number is written once, and `limits`, the docs page and the runtimes read the same one.
describe("limits' named groups", () => {
  it.each([
    ["throughput", throughputLimits],
    ["media", mediaLimits],
    ["phone", phoneLimits],
    ["list", listLimits],
    ["productList", productListLimits],
    ["template", templateLimits],
  ] as const)("limits.%s is its named group", (key, group) => {
    expect(limits[key]).toBe(group);
  });
});
