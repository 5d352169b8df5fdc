import { describe, expect, it } from "@jest/globals";
import { msg, validate } from "../src/index.js";
import { documented } from "./fixtures/documented.js";
import { generatedSchemaAccepts, schemaAccepts } from "./fixtures/schema.js";

describe("the JSON Schemas (the shipped one, generated from the rule table, and the hand-written oracle)", () => {
  it.each(Object.entries(documented))("accepts the documented %s body, as validate() does", (_, body) => {
    expect(validate(body)).toEqual([]);
    expect(schemaAccepts(body) ? [] : schemaAccepts.errors).toEqual([]);
    expect(generatedSchemaAccepts(body) ? [] : generatedSchemaAccepts.errors).toEqual([]);
  });

  it("rejects what validate() rejects for basic cases", () => {
    for (const body of [
      null,
      {},
      { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "" } },
      { messaging_product: "whatsapp", to: "16505551234", type: "image", image: { id: "1", link: "https://x.y/a.png" } },
      { messaging_product: "whatsapp", to: "abc", type: "text", text: { body: "hi" } },
      { messaging_product: "whatsapp", to: "16505551234", text: { body: "hi" }, image: { id: "1" } },
    ]) {
      expect(validate(body).length).toBeGreaterThan(0);
      expect(schemaAccepts(body)).toBe(false);
      expect(generatedSchemaAccepts(body)).toBe(false);
    }
    expect(schemaAccepts(msg.to("16505551234").text("hi").build())).toBe(true);
    expect(generatedSchemaAccepts(msg.to("16505551234").text("hi").build())).toBe(true);
  });
});
