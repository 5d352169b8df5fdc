import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { validate } from "../src/index.js";
import { describePart, kinds } from "../src/rules/describe.js";
import { messagesSchema } from "../src/rules/json-schema.js";
import { docOf } from "../src/rules/refinement-docs.js";
import { refinementSchemas } from "../src/rules/refinement-schemas.js";
import type { Refinement } from "../src/rules/rule.js";
import { productsAcross, titledSections } from "../src/rules/section-refinements.js";
import { uniqueAcross, uniqueIn } from "../src/rules/unique.js";

// The rules across the fields of a body, on both sides of each limit: titled sections, entries
// counted across sections, unique ids (and the cap on how many duplicates are reported), and
// validate()'s entry: what is not an object, and which rule a body gets. `pnpm mutate`'s builder
// group is judged by this file with interactive.test.ts.

const to = "16505551234";
const show = (value: unknown) => validate(value).map((issue) => `${issue.path} ${issue.code}: ${issue.message}`);
const list = (sections: unknown) => ({
  messaging_product: "whatsapp",
  to,
  type: "interactive",
  interactive: { type: "list", body: { text: "Menu" }, action: { button: "View", sections } },
});
const productList = (sections: unknown) => ({
  messaging_product: "whatsapp",
  to,
  type: "interactive",
  interactive: {
    type: "product_list",
    header: { type: "text", text: "Shop" },
    body: { text: "Pick" },
    action: { catalog_id: "c1", sections },
  },
});
const rows = (n: number, id = (i: number) => `r${i}`) => Array.from({ length: n }, (_, i) => ({ id: id(i), title: "Row" }));
/** Two rows that share `id`: each gets its own error, none the duplicate one. */
const twoRowsWithId = (id: unknown) => [
  { id, title: "t" },
  { id, title: "t" },
];
const products = (n: number) => Array.from({ length: n }, (_, i) => ({ product_retailer_id: `p${i}` }));

describe("the shipped JSON Schema", () => {
  it("is the one the rule table generates (pnpm gen), the cross-field keywords included", () => {
    const shipped = JSON.parse(readFileSync(join(__dirname, "../schema/messages.schema.json"), "utf8"));
    expect(messagesSchema()).toStrictEqual(shipped);
    expect(refinementSchemas.get(titledSections as Refinement<never>)).toStrictEqual({
      if: { minItems: 2 },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
      then: { items: { required: ["title"], properties: { title: { type: "string" } } } },
    });
  });
});

describe("titled sections", () => {
  it("one section needs no title; with two, each needs one", () => {
    expect(titledSections.passes([])).toBe(true);
    expect(titledSections.passes([{}])).toBe(true);
    expect(titledSections.passes([{ title: "A" }, { title: "B" }])).toBe(true);
    expect(titledSections.passes([{ title: "A" }, {}])).toBe(false);
    expect(titledSections.passes([{}, { title: "B" }])).toBe(false);
    expect(show(list([{ rows: rows(1) }]))).toEqual([]);
    expect(show(list([{ title: "A", rows: rows(1) }, { rows: rows(1, (i) => `s${i}`) }]))).toEqual([
      "interactive.action.sections[1].title required: is required",
    ]);
  });

  it("says which section lacks a title (null counts as absent), and leaves what is not a section to its own error", () => {
    expect(
      show(
        list([
          { title: null, rows: rows(1) },
          { title: "B", rows: rows(1, (i) => `s${i}`) },
        ]),
      ),
    ).toEqual([
      "interactive.action.sections[0].title invalid_type: null is read as absent; leave the field out (the API accepts it)",
      "interactive.action.sections[0].title required: is required",
    ]);
    expect(show(list([{ title: "A", rows: rows(1) }, null, [1], "x", 7]))).toEqual([
      "interactive.action.sections[1] invalid_type: expected an object, got null",
      "interactive.action.sections[2] invalid_type: expected an object, got array",
      "interactive.action.sections[3] invalid_type: expected an object, got string",
      "interactive.action.sections[4] invalid_type: expected an object, got number",
    ]);
  });
});

describe("entries across sections", () => {
  it("counts rows in every section: 10 pass, 11 fail; a section whose rows are not a list counts none", () => {
    expect(
      show(
        list([
          { title: "A", rows: rows(4) },
          { title: "B", rows: rows(6, (i) => `s${i}`) },
        ]),
      ),
    ).toEqual([]);
    expect(
      show(
        list([
          { title: "A", rows: rows(5) },
          { title: "B", rows: rows(6, (i) => `s${i}`) },
        ]),
      ),
    ).toEqual(["interactive.action.sections too_many: at most 10 rows across all sections, got 11"]);
    expect(
      show(
        list([
          { title: "A", rows: "x" },
          { title: "B", rows: rows(10) },
        ]),
      ),
    ).toEqual(["interactive.action.sections[0].rows invalid_type: expected an array, got string"]);
  });

  it("explains a total only past the limit: 10 rows with another error say nothing of the total", () => {
    const ten = list([
      { title: "A", rows: rows(5) },
      { title: "B", rows: rows(5, (i) => `s${i}`) },
    ]);
    expect(show({ ...ten, interactive: { ...ten.interactive, action: { ...ten.interactive.action, button: "" } } })).toEqual([
      "interactive.action.button too_short: must not be empty",
    ]);
  });

  it("counts products: 30 pass, 31 fail, across sections too", () => {
    expect(productsAcross.passes([{ product_items: products(30) }])).toBe(true);
    expect(productsAcross.passes([{ product_items: products(31) }])).toBe(false);
    expect(productsAcross.passes([{ product_items: products(15) }, { product_items: products(16) }])).toBe(false);
    expect(productsAcross.passes([null, undefined, "x", { product_items: "x" }, { product_items: products(30) }])).toBe(true);
    expect(show(productList([{ title: "S", product_items: products(30) }]))).toEqual([]);
    expect(show(productList([{ title: "S", product_items: products(31) }]))).toEqual([
      "interactive.action.sections too_many: at most 30 products across all sections, got 31",
    ]);
  });
});

describe("unique ids", () => {
  it("reports each repeat of a row id, across sections, at most 20 times", () => {
    expect(show(list([{ title: "A", rows: rows(2, () => "same") }]))).toEqual([
      'interactive.action.sections[0].rows[1].id duplicate: row ids must be unique; "same" is used twice',
    ]);
    expect(
      show(
        list([
          { title: "A", rows: rows(1) },
          { title: "B", rows: rows(1) },
        ]),
      ),
    ).toEqual(['interactive.action.sections[1].rows[0].id duplicate: row ids must be unique; "r0" is used twice']);
    const many = show(list([{ rows: rows(25, () => "r") }]));
    expect(many[0]).toBe("interactive.action.sections too_many: at most 10 rows across all sections, got 25");
    expect(many.slice(1)).toEqual(
      Array.from(
        { length: 20 },
        (_, i) => `interactive.action.sections[0].rows[${i + 1}].id duplicate: row ids must be unique; "r" is used twice`,
      ),
    );
    // The cap holds across sections as well.
    const spread = show(
      list([
        { title: "A", rows: rows(15, () => "r") },
        { title: "B", rows: rows(15, () => "r") },
      ]),
    );
    expect(spread.filter((issue) => issue.includes(" duplicate: "))).toHaveLength(20);
    expect(spread.at(-1)).toBe('interactive.action.sections[1].rows[5].id duplicate: row ids must be unique; "r" is used twice');
  });

  it("leaves ids that are not strings, empty, or in no object to their own errors", () => {
    expect(show(list([{ title: "A", rows: twoRowsWithId(5) }]))).toEqual([
      "interactive.action.sections[0].rows[0].id invalid_type: expected a string, got number",
      "interactive.action.sections[0].rows[1].id invalid_type: expected a string, got number",
    ]);
    expect(show(list([{ title: "A", rows: twoRowsWithId("") }]))).toEqual([
      "interactive.action.sections[0].rows[0].id too_short: must not be empty",
      "interactive.action.sections[0].rows[1].id too_short: must not be empty",
    ]);
    expect(
      show(
        list([
          { title: "A", rows: [null, null] },
          { title: "B", rows: "x" },
        ]),
      ),
    ).toEqual([
      "interactive.action.sections[0].rows[0] invalid_type: expected an object, got null",
      "interactive.action.sections[0].rows[1] invalid_type: expected an object, got null",
      "interactive.action.sections[1].rows invalid_type: expected an array, got string",
    ]);
  });

  it("checks row ids only: products are not rows (an id among product items is an unknown field, not a duplicate)", () => {
    expect(
      show(
        productList([
          {
            title: "S",
            product_items: [
              { product_retailer_id: "p1", id: "x" },
              { product_retailer_id: "p2", id: "x" },
            ],
          },
        ]),
      ),
    ).toEqual([
      "interactive.action.sections[0].product_items[0].id unknown_field: not a field of this object",
      "interactive.action.sections[0].product_items[1].id unknown_field: not a field of this object",
    ]);
  });

  it("has the docs' sentence of every rule across fields and every custom rule apart from the table, and refuses one without", () => {
    for (const part of ["envelope", "mark-read", ...kinds] as const)
      for (const [, sentence] of describePart(part).refinements) expect(sentence).toMatch(/^\S.{10,}/);
    const unlisted: Refinement = { passes: () => true, explain: () => undefined };
    expect(() => docOf(unlisted as Refinement<never>)).toThrow("refinement-docs.ts: a rule across fields or a custom rule has no sentence");
  });

  it("says what the compiled checks and explanations read: what, the path, and the nested list for rows of every section", () => {
    const rowIds = uniqueAcross("row ids", ["id"], "rows");
    expect([docOf(rowIds), rowIds.unique]).toStrictEqual([
      "row ids are unique across all sections",
      { what: "row ids", path: ["id"], nested: "rows" },
    ]);
    const replyIds = uniqueIn("reply button ids", ["reply", "id"]);
    expect([docOf(replyIds), replyIds.unique]).toStrictEqual([
      "reply button ids are unique",
      { what: "reply button ids", path: ["reply", "id"] },
    ]);
  });

  it("reads a reply button's id two keys deep", () => {
    const buttons = (...list: unknown[]) => ({
      messaging_product: "whatsapp",
      to,
      type: "interactive",
      interactive: { type: "button", body: { text: "Pick" }, action: { buttons: list } },
    });
    expect(
      show(
        buttons(
          { type: "reply", reply: null },
          { type: "reply", reply: { id: "a", title: "A" } },
          { type: "reply", reply: { id: "a", title: "B" } },
        ),
      ),
    ).toEqual([
      "interactive.action.buttons[0].reply invalid_type: expected an object, got null",
      'interactive.action.buttons[2].reply.id duplicate: reply button ids must be unique; "a" is used twice',
    ]);
    expect(show(buttons({ type: "reply", reply: { id: "a", title: "A" } }, { type: "reply", reply: { id: "b", title: "B" } }))).toEqual([]);
    // A button without its reply object: only that is said (the id is not looked for inside nothing).
    expect(show(buttons({ type: "reply" }, { type: "reply", reply: { id: "a", title: "A" } }))).toEqual([
      "interactive.action.buttons[0].reply required: is required",
    ]);
  });
});

describe("validate()'s entry", () => {
  it("a value that is not a JSON object is one error at the root", () => {
    for (const [value, kind] of [
      [undefined, "undefined"],
      [null, "null"],
      [[], "array"],
      ["x", "string"],
      [() => 1, "undefined"],
    ] as const)
      expect(validate(value)).toStrictEqual([
        { path: "", code: "invalid_type", severity: "error", message: `expected a JSON object, got ${kind}` },
      ]);
  });

  it("a value JSON cannot carry is its own error, not also a non-object", () => {
    expect(show(10n)).toEqual([" invalid_type: a BigInt cannot be sent as JSON; use a number or a string"]);
    expect(
      show({
        toJSON() {
          throw new Error("no");
        },
      }),
    ).toEqual([" invalid_value: could not be read: Error: no"]);
  });

  it("a body with a status and neither type nor to is a mark-as-read; otherwise a message", () => {
    const read = { messaging_product: "whatsapp", status: "read", message_id: "wamid.1" };
    expect(validate(read)).toEqual([]);
    expect(show({ ...read, to })).toEqual([
      "status unknown_field: not a field of a message body",
      "message_id unknown_field: not a field of a message body",
      'text required: is required when type is "text"',
    ]);
    expect(show({ ...read, type: "text" })[0]).toBe("status unknown_field: not a field of a message body");
    // No status: a message without its fields, not a mark-as-read without a status.
    expect(show({ messaging_product: "whatsapp", message_id: "wamid.1" })).toEqual([
      "message_id unknown_field: not a field of a message body",
      'text required: is required when type is "text"',
      "to required: is required (or recipient, a business-scoped user id)",
    ]);
  });
});
