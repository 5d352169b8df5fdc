import { describe, expect, it } from "@jest/globals";
import { validate } from "../src/index.js";
import { documented } from "./fixtures/documented.js";

describe("documented request bodies", () => {
  it.each(Object.entries(documented))("%s validates cleanly", (_, body) => {
    expect(validate(body)).toEqual([]);
  });
});
