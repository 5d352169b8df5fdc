import { describe, expect, it } from "@jest/globals";
import { type Issue, msg, validate } from "../src/index.js";
import { templateAround } from "./support/parameter-classes.js";

// A template builder holds its parameters and copies them into every body it builds: the ones its
// own methods made as object literals of their known shape, the ones a JavaScript caller constructed
// around its own object (the classes are reachable through `.constructor`) as given, every key kept.
const to = "16505551234";

type Json = Record<string, unknown>;

const named = () =>
  msg
    .to(to)
    .template("order_update")
    .language("en_US", { policy: "deterministic" })
    .header((p) => p.text("Ana", { name: "first_name" }))
    .body((p) =>
      p
        .text("Ana", { name: "first_name" })
        .currency({ fallback: "$10.99", code: "USD", amount1000: 10990 }, { name: "total" })
        .dateTime({ fallback: "November 26" }, { name: "day" }),
    );

const positional = () =>
  msg
    .to(to)
    .template("order_update")
    .language("en_US")
    .header((p) => p.document({ link: "https://example.com/receipt.pdf", filename: "receipt.pdf" }))
    .body((p) => p.text("Ana").currency({ fallback: "$10.99", code: "USD", amount1000: 10990 }).dateTime({ fallback: "November 26" }));

/** Changes every object and array of `value` in place: a key added, each string field overwritten, each array grown. */
function scribble(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) scribble(item);
    value.push({ added: true });
  } else if (typeof value === "object" && value !== null) {
    const record = value as Json;
    for (const key of Object.keys(record)) {
      scribble(record[key]);
      if (typeof record[key] === "string") record[key] = "changed";
    }
    record.added = true;
  }
}

describe("template parameters in a built body", () => {
  it("are written in the API's key order, names last, byte for byte", () => {
    expect(JSON.stringify(named().build().template)).toBe(
      JSON.stringify({
        name: "order_update",
        language: { code: "en_US", policy: "deterministic" },
        components: [
          { type: "header", parameters: [{ type: "text", text: "Ana", parameter_name: "first_name" }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Ana", parameter_name: "first_name" },
              { type: "currency", currency: { fallback_value: "$10.99", code: "USD", amount_1000: 10990 }, parameter_name: "total" },
              { type: "date_time", date_time: { fallback_value: "November 26" }, parameter_name: "day" },
            ],
          },
        ],
      }),
    );
  });

  it("share no object with the builder: changing every part of one body leaves the next as it was", () => {
    for (const builder of [named(), positional()]) {
      const first = builder.build();
      const expected = JSON.stringify(first);
      scribble(first);
      expect(JSON.stringify(first)).not.toBe(expected);
      expect(JSON.stringify(builder.build())).toBe(expected);
    }
  });

  it("do not follow later changes to the caller's objects", () => {
    const media = { link: "https://example.com/receipt.png" };
    const currency = { fallback: "$10.99", code: "USD", amount1000: 10990 };
    const dateTime = { fallback: "November 26" };
    const options = { name: "first_name" };
    const builder = msg
      .to(to)
      .template("order_update")
      .language("en_US")
      .header((p) => p.image(media))
      .body((p) => p.text("Ana", options).currency(currency, options).dateTime(dateTime, options));
    const expected = JSON.stringify(builder.build());
    media.link = "https://example.com/changed.png";
    currency.amount1000 = 1;
    dateTime.fallback = "changed";
    options.name = "changed";
    expect(JSON.stringify(builder.build())).toBe(expected);
  });
});

/** The issues of a template built around a caller's own header and body parameter objects. */
function issuesWith(header: Json, body: Json): { readonly built: Json | undefined; readonly issues: readonly Issue[] } {
  const result = templateAround(to, header, body).safeBuild();
  // Whether the builder's own check refuses it or the full reading does, the key must reach a check.
  return result.ok
    ? { built: result.value as unknown as Json, issues: validate(result.value) }
    : { built: undefined, issues: result.issues };
}

describe("template parameters a caller constructs around its own object", () => {
  it("are copied as given, a key no method writes included, and reported", () => {
    const { built, issues } = issuesWith(
      { type: "text", text: "x", stray: 1 },
      { type: "currency", currency: { fallback_value: "$1", code: "USD", amount_1000: 1000, stray: 2 }, stray: 3 },
    );
    const paths = issues.filter((issue) => issue.severity === "error").map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "template.components[0].parameters[0].stray",
        "template.components[1].parameters[0].stray",
        "template.components[1].parameters[0].currency.stray",
      ]),
    );
    if (built !== undefined) {
      const components = (built.template as Json).components as { parameters: Json[] }[];
      expect(components[0]?.parameters[0]).toEqual({ type: "text", text: "x", stray: 1 });
      expect(components[1]?.parameters[0]).toEqual({
        type: "currency",
        currency: { fallback_value: "$1", code: "USD", amount_1000: 1000, stray: 2 },
        stray: 3,
      });
    }
  });

  it("are copied, not shared: the caller's object is not the one in the body", () => {
    const header: Json = { type: "image", image: { link: "https://example.com/a.png" } };
    const body: Json = { type: "date_time", date_time: { fallback_value: "Nov 26" } };
    const builder = templateAround(to, header, body);
    const built = builder.build() as unknown as { template: { components: { parameters: Json[] }[] } };
    const [headerCopy] = built.template.components[0]?.parameters ?? [];
    const [bodyCopy] = built.template.components[1]?.parameters ?? [];
    expect(headerCopy).toEqual(header);
    expect(headerCopy).not.toBe(header);
    expect(headerCopy?.image).not.toBe(header.image);
    expect(bodyCopy).toEqual(body);
    expect(bodyCopy?.date_time).not.toBe(body.date_time);
  });
});

describe("a header text parameter whose value is not a string (a JavaScript caller)", () => {
  // Only the types that nest an object (image, currency, …) are copied a level deeper: a text's value is kept as given.
  type Loose = { text(value: unknown): never };
  const template = () => msg.to(to).template("order_update").language("en_US");

  it("is kept as given: a getter on it never runs at build, and safeBuild() does not throw", () => {
    const hostile = {
      get boom(): never {
        throw new Error("getter ran at build");
      },
    };
    const result = template()
      .header((p) => (p as unknown as Loose).text(hostile))
      .safeBuild();
    expect(result.ok).toBe(false);
  });

  it("is reported for what it is, as a body text parameter is", () => {
    const header = template()
      .header((p) => (p as unknown as Loose).text(["Ana"]))
      .safeBuild();
    expect(header.ok ? [] : header.issues.map((issue) => issue.message)).toEqual(["expected a string, got array"]);
    const fromString = template()
      .header((p) => (p as unknown as Loose).text(new String("Ana")))
      .safeBuild();
    const bodyFromString = template()
      .body((p) => (p as unknown as Loose).text(new String("Ana")))
      .safeBuild();
    expect(fromString.ok).toBe(bodyFromString.ok);
  });
});
