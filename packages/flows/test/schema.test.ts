import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@jest/globals";
import ajv from "ajv";
import { flowJsonSchema } from "../src/index.js";
import { bookingJson, helloWorldJson, signUpJson } from "./examples.js";

// ajv is CommonJS: its class is the default export's `default` when imported as ESM.
const Ajv = ajv.default;
const shipped = JSON.parse(readFileSync(join(__dirname, "../schema/flow.schema.json"), "utf8"));

test("schema/flow.schema.json is what the rule tables generate (pnpm --filter ./packages/flows run schema)", () => {
  expect(shipped).toEqual(flowJsonSchema());
});

test("the example flows pass the schema; broken ones do not", () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(shipped);
  for (const json of [helloWorldJson, signUpJson, bookingJson]) expect(validate(json)).toBe(true);
  const tooLong = JSON.parse(JSON.stringify(helloWorldJson).replace("Hello World", "x".repeat(81)));
  expect(validate(tooLong)).toBe(false);
  expect(validate.errors?.[0]?.instancePath).toBe("/screens/0/layout/children/0/text");
  const reserved = JSON.parse(JSON.stringify(helloWorldJson).replace("WELCOME_SCREEN", "SUCCESS"));
  expect(validate(reserved)).toBe(false);
});
