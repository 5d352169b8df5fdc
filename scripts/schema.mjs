// packages/builder/schema/messages.schema.json, from the rule table (packages/builder/src/rules/json-schema.ts).
// Read from src through tsx; written by `pnpm gen` (scripts/gen.mjs).
import { join } from "node:path";
import { root } from "./lib.mjs";

export const schemaPath = join(root, "packages/builder/schema/messages.schema.json");
const { messagesSchema } = await import(join(root, "packages/builder/src/rules/json-schema.ts"));
export const schemaText = () => `${JSON.stringify(messagesSchema(), null, 2)}\n`;
