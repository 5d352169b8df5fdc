import { describe, expect, it } from "@jest/globals";
import { msg, validate } from "../src/index.js";
import { documented } from "./fixtures/documented.js";
import { generatedSchemaAccepts, schemaAccepts } from "./fixtures/schema.js";

// Mutation tests: take a valid body of each kind, break one documented rule, and check that
// validate() rejects it with an issue at the right path — and that the independent JSON
// Schema rejects it too, except for rules JSON Schema cannot express (marked schema: false).

type Body = Record<string, unknown>;
interface Mutation {
  readonly name: string;
  readonly base: Body;
  /** Where validate() must report it. */
  readonly path: string;
  readonly mutate: (body: Body) => void;
  /** False when the rule is beyond JSON Schema (counted across arrays, one emoji, uniqueness). */
  readonly schema?: boolean;
}

const clone = (body: unknown): Body => structuredClone(body) as Body;
const x = (n: number): string => "x".repeat(n);
const keys = (path: string): (string | number)[] =>
  path.split(/\.|(?=\[)/).map((key) => (key.startsWith("[") ? Number(key.slice(1, -1)) : key));

/** The container of `path` in `body`, and the last key: `["text", "body"]` gives body.text and "body". */
function parentOf(body: Body, path: string): [Record<string | number, unknown>, string | number] {
  const all = keys(path);
  const last = all.pop() as string | number;
  const parent = all.reduce((node: Record<string | number, unknown>, key) => node[key] as Record<string | number, unknown>, body);
  return [parent, last];
}
/** Sets the value at `path` (e.g. "interactive.action.buttons[0].reply.title"). */
const set = (path: string, value: unknown) => (body: Body) => {
  const [parent, key] = parentOf(body, path);
  parent[key] = value;
};
/** Deletes the value at `path`. */
const remove = (path: string) => (body: Body) => {
  const [parent, key] = parentOf(body, path);
  delete parent[key];
};

const base = {
  text: clone(documented.text),
  reaction: clone(documented.reaction),
  image: clone(msg.to("16505551234").image({ link: "https://example.com/a.png" }, { caption: "c" }).build()),
  audio: clone(msg.to("16505551234").audio({ id: "1" }).build()),
  document: clone(msg.to("16505551234").document({ id: "1" }, { filename: "a.pdf" }).build()),
  location: clone(documented.location),
  contacts: clone(documented.contacts),
  buttons: clone(documented.buttons),
  list: clone(documented.list),
  product: clone(documented.product),
  productList: clone(documented.productList),
  flow: clone(documented.flow),
  ctaUrl: clone(documented.ctaUrl),
  catalog: clone(documented.catalog),
  locationRequest: clone(documented.locationRequest),
  markRead: clone(documented.typing),
  template: clone(
    msg
      .to("16505551234")
      .template("order_update")
      .language("en_US")
      .header((p) => p.image({ link: "https://example.com/a.png" }))
      .body((p) => p.text("Ana").currency({ fallback: "$1", code: "USD", amount1000: 1000 }))
      .quickReply(0, "STOP")
      .copyCode(1, "SAVE10")
      .build(),
  ),
};

const REMOVE = Symbol("remove");
/** A mutation that sets (or, with REMOVE, deletes) the value at the path validate() must report. */
const at = (name: string, kind: keyof typeof base, path: string, value: unknown, schema = true): Mutation => ({
  name,
  base: base[kind],
  path,
  mutate: value === REMOVE ? remove(path) : set(path, value),
  schema,
});

const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: "Row" }));
const items = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ product_retailer_id: `${prefix}${i}` }));
const button = (id: string) => ({ type: "reply", reply: { id, title: id } });

const mutations: Mutation[] = [
  // Envelope
  at("messaging_product not whatsapp", "text", "messaging_product", "sms"),
  at("missing to", "text", "to", REMOVE),
  at("to not a phone number", "text", "to", "call me"),
  at("to with 16 digits", "text", "to", "1234567890123456"),
  at("recipient_type unknown", "text", "recipient_type", "broadcast"),
  at("unknown type", "text", "type", "fax"),
  at("type without its object", "image", "image", REMOVE),
  at("another kind's object", "text", "image", { id: "1" }),
  at("unknown top-level field", "text", "hsm", {}),
  at("callback data 513", "text", "biz_opaque_callback_data", x(513)),
  { name: "context wamid 129", base: base.text, path: "context.message_id", mutate: set("context", { message_id: x(129) }) },
  { name: "context without message_id", base: base.text, path: "context.message_id", mutate: set("context", {}) },
  // Text and reaction
  at("empty text body", "text", "text.body", ""),
  at("text body 4097", "text", "text.body", x(4097)),
  at("preview_url not boolean", "text", "text.preview_url", "yes"),
  at("text body wrong type", "text", "text.body", 42),
  at("two emoji", "reaction", "reaction.emoji", "👍👍", false),
  at("reaction without emoji", "reaction", "reaction.emoji", REMOVE),
  at("reaction to an empty id", "reaction", "reaction.message_id", ""),
  // Media
  { name: "both id and link", base: base.image, path: "image", mutate: set("image.id", "1") },
  { name: "neither id nor link", base: base.image, path: "image", mutate: remove("image.link") },
  at("ftp link", "image", "image.link", "ftp://example.com/a.png"),
  at("caption 1025", "image", "image.caption", x(1025)),
  at("filename on an image", "image", "image.filename", "a.png"),
  at("caption on audio", "audio", "audio.caption", "c"),
  at("document id empty", "document", "document.id", ""),
  // Location
  at("latitude 91", "location", "location.latitude", 91),
  at("longitude as words", "location", "location.longitude", "east"),
  at("missing latitude", "location", "location.latitude", REMOVE),
  // Contacts
  at("no contacts", "contacts", "contacts", []),
  {
    name: "six contacts",
    base: base.contacts,
    path: "contacts",
    mutate: (b) => set("contacts", Array(6).fill((b.contacts as unknown[])[0]))(b),
  },
  at("missing formatted_name", "contacts", "contacts[0].name.formatted_name", REMOVE),
  {
    name: "only formatted_name",
    base: base.contacts,
    path: "contacts[0].name",
    mutate: set("contacts[0]", { name: { formatted_name: "Ana" } }),
  },
  at("birthday not YYYY-MM-DD", "contacts", "contacts[0].birthday", "31/01/1990"),
  at("phone type FAX", "contacts", "contacts[0].phones[1].type", "FAX"),
  at("wa_id with +", "contacts", "contacts[0].phones[1].wa_id", "+1650"),
  at("email without @", "contacts", "contacts[0].emails[0].email", "ana"),
  at("three-letter country code", "contacts", "contacts[0].addresses[0].country_code", "USA"),
  // Reply buttons
  {
    name: "4 buttons",
    base: base.buttons,
    path: "interactive.action.buttons",
    mutate: (b) =>
      set("interactive.action.buttons", [...((b.interactive as Body).action as { buttons: unknown[] }).buttons, button("c"), button("d")])(
        b,
      ),
  },
  at("button title 21", "buttons", "interactive.action.buttons[0].reply.title", x(21)),
  at("button id 257", "buttons", "interactive.action.buttons[1].reply.id", x(257)),
  at("button id with a trailing space", "buttons", "interactive.action.buttons[0].reply.id", "a "),
  at("duplicate button ids", "buttons", "interactive.action.buttons[1].reply.id", "UNIQUE_BUTTON_ID_1", false),
  at("button type not reply", "buttons", "interactive.action.buttons[0].type", "url"),
  {
    name: "location header on buttons",
    base: base.buttons,
    path: "interactive.header.type",
    mutate: set("interactive.header", { type: "location" }),
  },
  at("interactive body 1025", "buttons", "interactive.body.text", x(1025)),
  at("footer 61", "list", "interactive.footer.text", x(61)),
  at("header 61", "list", "interactive.header.text", x(61)),
  at("unknown interactive type", "buttons", "interactive.type", "form_message"),
  // Lists
  at("list button 21", "list", "interactive.action.button", x(21)),
  {
    name: "11 rows across sections",
    base: base.list,
    path: "interactive.action.sections",
    mutate: set("interactive.action.sections[0].rows", rows(9, "r")),
    schema: false,
  },
  {
    name: "11 sections",
    base: base.list,
    path: "interactive.action.sections",
    mutate: set(
      "interactive.action.sections",
      Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}-`) })),
    ),
  },
  at("row title 25", "list", "interactive.action.sections[1].rows[0].title", x(25)),
  at("row id 201", "list", "interactive.action.sections[0].rows[1].id", x(201)),
  at("row description 73", "list", "interactive.action.sections[0].rows[0].description", x(73)),
  at("untitled section among two", "list", "interactive.action.sections[1].title", REMOVE),
  at("section without rows", "list", "interactive.action.sections[0].rows", []),
  at("duplicate row ids", "list", "interactive.action.sections[1].rows[0].id", "SECTION_1_ROW_1_ID", false),
  // Products, catalog, location request
  at("header on a product", "product", "interactive.header", { type: "text", text: "x" }),
  at("product without catalog_id", "product", "interactive.action.catalog_id", REMOVE),
  at("product list without header", "productList", "interactive.header", REMOVE),
  {
    name: "31 products in a section",
    base: base.productList,
    path: "interactive.action.sections",
    mutate: set("interactive.action.sections[0].product_items", items(31, "a")),
  },
  {
    name: "31 products across sections",
    base: base.productList,
    path: "interactive.action.sections",
    schema: false,
    mutate: (b) => {
      set("interactive.action.sections[0].product_items", items(20, "a"))(b);
      set("interactive.action.sections[1].product_items", items(11, "b"))(b);
    },
  },
  at("catalog action name", "catalog", "interactive.action.name", "catalog"),
  at("location request with a parameter", "locationRequest", "interactive.action.parameters", {}),
  // Flow and CTA URL
  at("flow version 2", "flow", "interactive.action.parameters.flow_message_version", "2"),
  {
    name: "flow id and name",
    base: base.flow,
    path: "interactive.action.parameters",
    mutate: set("interactive.action.parameters.flow_name", "booking"),
  },
  at("flow CTA 21", "flow", "interactive.action.parameters.flow_cta", x(21)),
  at("flow CTA with emoji", "flow", "interactive.action.parameters.flow_cta", "Book 📅"),
  {
    name: "payload with data_exchange",
    base: base.flow,
    path: "interactive.action.parameters.flow_action_payload",
    mutate: set("interactive.action.parameters.flow_action", "data_exchange"),
  },
  at("empty flow data", "flow", "interactive.action.parameters.flow_action_payload.data", {}),
  at("CTA URL ftp", "ctaUrl", "interactive.action.parameters.url", "ftp://example.com"),
  at("CTA display text 21", "ctaUrl", "interactive.action.parameters.display_text", x(21)),
  // Templates
  at("template without language", "template", "template.language", REMOVE),
  at("language code", "template", "template.language.code", "english"),
  at("button index 10", "template", "template.components[2].index", "10"),
  at("duplicate button index", "template", "template.components[3].index", "0", false),
  at("coupon code 16", "template", "template.components[3].parameters[0].coupon_code", x(16)),
  at("body text 1025 with other components", "template", "template.components[1].parameters[0].text", x(1025)),
  at("newline in a parameter", "template", "template.components[1].parameters[0].text", "a\nb"),
  at("lowercase currency code", "template", "template.components[1].parameters[1].currency.code", "usd"),
  at("fractional amount_1000", "template", "template.components[1].parameters[1].currency.amount_1000", 1.5),
  {
    name: "named and positional mixed",
    base: base.template,
    path: "template.components[1].parameters",
    mutate: set("template.components[1].parameters[0].parameter_name", "first_name"),
  },
  {
    name: "footer component",
    base: base.template,
    path: "template.components[4].type",
    mutate: set("template.components[4]", { type: "footer", parameters: [] }),
  },
  {
    name: "two copy-code buttons",
    base: base.template,
    path: "template.components[4].sub_type",
    mutate: set("template.components[4]", {
      type: "button",
      sub_type: "copy_code",
      index: "5",
      parameters: [{ type: "coupon_code", coupon_code: "B" }],
    }),
  },
  at("caption on a template image", "template", "template.components[0].parameters[0].image.caption", "no"),
  {
    name: "url button with a payload",
    base: base.template,
    path: "template.components[2].parameters[0].type",
    mutate: set("template.components[2].sub_type", "url"),
  },
  // Mark as read
  at("status delivered", "markRead", "status", "delivered"),
  at("typing type audio", "markRead", "typing_indicator.type", "audio"),
  at("recipient_type on mark-as-read", "markRead", "recipient_type", "individual"),
];

describe("mutation tests: one broken rule each", () => {
  it("start from valid bodies", () => {
    for (const [kind, body] of Object.entries(base)) {
      expect([kind, validate(body)]).toEqual([kind, []]);
      expect([kind, schemaAccepts(body)]).toEqual([kind, true]);
      expect([kind, generatedSchemaAccepts(body)]).toEqual([kind, true]);
    }
  });

  it.each(mutations.map((m) => [m.name, m] as const))("%s", (_, mutation) => {
    const body = clone(mutation.base);
    mutation.mutate(body);
    const paths = validate(body).map((issue) => issue.path);
    expect(paths).toContain(mutation.path);
    // validate() and the schema must agree, except where the rule is beyond JSON Schema.
    expect(schemaAccepts(body)).toBe(mutation.schema === false);
  });

  it(`covers ${mutations.length} mutations`, () => {
    expect(mutations.length).toBeGreaterThanOrEqual(80);
  });
});

describe("unicode", () => {
  const text = (body: string) => ({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body } });

  it("accepts emoji, combining marks, RTL text and lone surrogates, counting UTF-16 code units", () => {
    for (const body of ["😀👨‍👩‍👧🇩🇪", "e\u0301\u0302", "مرحبا بالعالم", "שלום", "\uD83D", "a\uDC00b"]) {
      expect(validate(text(body))).toEqual([]);
      expect(schemaAccepts(text(body))).toBe(true);
    }
    expect(validate(text("😀".repeat(2048)))).toEqual([]); // 4096 code units
    expect(validate(text(`${"😀".repeat(2048)}a`)).map((i) => i.actual)).toEqual([4097]);
  });

  it("documents where JSON Schema counts differently: code points, so emoji over the limit pass the schema", () => {
    const body = text("😀".repeat(2049)); // 4098 code units, 2049 code points
    expect(validate(body)).toHaveLength(1);
    expect(schemaAccepts(body)).toBe(true);
  });
});
