// Writes schema/flow.schema.json from the rule tables (`pnpm --filter ./packages/flows run schema`);
// test/schema.test.ts fails when the shipped file is out of date.
import { writeFileSync } from "node:fs";
import { flowJsonSchema } from "../src/json-schema.js";

writeFileSync(new URL("../schema/flow.schema.json", import.meta.url), `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
console.log("wrote packages/flows/schema/flow.schema.json");
