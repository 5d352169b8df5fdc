import { describe, expect, test } from "@jest/globals";
import { hasErrors } from "@wacompose/builder";
import { validateFlow } from "../src/index.js";
import { booking, bookingJson, helloWorld, helloWorldJson, signUp, signUpJson } from "./examples.js";

describe.each([
  ["Hello World (Flow JSON page)", helloWorld, helloWorldJson],
  ["a Form-based sign-up on Flow JSON 3.1", signUp, signUpJson],
  ["an endpoint-backed booking (data API 4.0, routing model)", booking, bookingJson],
])("%s", (_name, build, json) => {
  test("the builder writes exactly the documented JSON", () => {
    expect(build()).toEqual(json);
    expect(JSON.stringify(build())).toBe(JSON.stringify(JSON.parse(JSON.stringify(build()))));
  });
  test("validateFlow finds no issue", () => {
    expect(validateFlow(json)).toEqual([]);
    expect(hasErrors(validateFlow(JSON.parse(JSON.stringify(json))))).toBe(false);
  });
});
