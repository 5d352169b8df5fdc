import { describe, expect, it } from "@jest/globals";
import { type ContactBuilder, defineTemplates, msg } from "../src/index.js";

// JavaScript callers (the types rule these calls out): an argument that cannot be read
// fails at the call with a TypeError that names where, never deep inside a builder.

const n = "16505551234";
const bad = null as never;
const card = (step: (p: ContactBuilder<true>) => unknown) => () =>
  msg.to(n).contacts((c) => c.contact((p) => step(p.name({ formattedName: "Ana", firstName: "Ana" })) as ContactBuilder<true>));

const calls: [string, () => unknown][] = [
  ["location: expected an object, got null", () => msg.to(n).location(bad)],
  ["text options: expected an object, got null", () => msg.to(n).text("x", bad)],
  ["image options: expected an object, got null", () => msg.to(n).image({ id: "1" }, bad)],
  ["document options: expected an object, got number", () => msg.to(n).document({ id: "1" }, 5 as never)],
  ["contacts: expected a function that builds it, got undefined", () => msg.to(n).contacts(undefined as never)],
  ["contacts: the callback must return the builder it was given, got number", () => msg.to(n).contacts(() => 5 as never)],
  [
    "contacts[]: the callback must return the builder it was given, got object",
    () => msg.to(n).contacts((c) => c.contact(() => ({}) as never)),
  ],
  ["contacts.name: expected an object, got null", () => msg.to(n).contacts((c) => c.contact((p) => p.name(bad)))],
  ["contacts.emails options: expected an object, got null", card((p) => p.email("a@b.c", bad))],
  ["contacts.phones options: expected an object, got null", card((p) => p.phone("+1650", bad))],
  ["contacts.urls options: expected an object, got null", card((p) => p.url("https://x.io", bad))],
  ["contacts.addresses: expected an object, got null", card((p) => p.address(bad))],
  ["contacts.org: expected an object, got null", card((p) => p.org(bad))],
  ["flow options: expected an object, got null", () => msg.to(n).flow("b", bad)],
  ["cta_url button: expected an object, got null", () => msg.to(n).ctaUrl("b", bad)],
  ["product: expected an object, got null", () => msg.to(n).product(bad)],
  ["productList: expected an object, got null", () => msg.to(n).productList(bad)],
  ["catalog options: expected an object, got null", () => msg.to(n).catalog("b", bad)],
  ["interactive.header options: expected an object, got null", () => msg.to(n).buttons("b").header("h", bad)],
  [
    "interactive.action.sections: expected a function that builds it, got string",
    () =>
      msg
        .to(n)
        .list("b", "x")
        .section("t", "rows" as never),
  ],
  [
    "interactive.action.sections product ids: expected an array, got null",
    () => msg.to(n).productList({ header: "h", body: "b", catalogId: "c" }).section("t", bad),
  ],
  ["template.language options: expected an object, got null", () => msg.to(n).template("t").language("en", bad)],
  [
    "template.header: expected a function that builds it, got number",
    () =>
      msg
        .to(n)
        .template("t")
        .header(5 as never),
  ],
  [
    "template.header: the callback must return the builder it was given, got number",
    () =>
      msg
        .to(n)
        .template("t")
        .header(() => 5 as never),
  ],
  [
    "template.header location: expected an object, got null",
    () =>
      msg
        .to(n)
        .template("t")
        .header((p) => p.location(bad)),
  ],
  [
    "template.header text options: expected an object, got null",
    () =>
      msg
        .to(n)
        .template("t")
        .header((p) => p.text("x", bad)),
  ],
  ["template.body: expected a function that builds it, got null", () => msg.to(n).template("t").body(bad)],
  [
    "template.body currency: expected an object, got null",
    () =>
      msg
        .to(n)
        .template("t")
        .body((p) => p.currency(bad)),
  ],
  [
    "template.body date_time: expected an object, got null",
    () =>
      msg
        .to(n)
        .template("t")
        .body((p) => p.dateTime(bad)),
  ],
  [
    "template.body text options: expected an object, got null",
    () =>
      msg
        .to(n)
        .template("t")
        .body((p) => p.text("x", bad)),
  ],
  ["template flow button: expected an object, got null", () => msg.to(n).template("t").flowButton(0, bad)],
  ["template catalog button: expected an object, got null", () => msg.to(n).template("t").catalogButton(0, bad)],
  ["msg.with(templates): expected an object, got null", () => msg.with(bad)],
  [
    'template "order_update" values: expected an object, got null',
    () =>
      msg
        .with(defineTemplates({ order_update: { languages: ["en_US"], body: ["text"] } }))
        .to(n)
        .template("order_update", bad),
  ],
];

describe("arguments that cannot be read", () => {
  it.each(calls)("%s", (message, call) => {
    expect(call).toThrow(new TypeError(message));
  });

  it("values that can be read are left to .build(), which names the path", () => {
    expect(msg.to(n).image(bad).safeBuild()).toMatchObject({ ok: false, issues: [{ path: "image", code: "required" }] });
  });
});
