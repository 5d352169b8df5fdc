import { describe, expect, it } from "@jest/globals";
import { msg, validate } from "../src/index.js";
import { documented } from "./fixtures/documented.js";
import { issuesOf } from "./helpers.js";

const to = "16505551234";
const chars = (n: number, c = "x"): string => c.repeat(n);
const interactive = (value: object) => ({ messaging_product: "whatsapp", to, type: "interactive", interactive: value });
const paths = (value: object) => validate(interactive(value)).map((issue) => `${issue.path} ${issue.code}`);
/** n distinct ids, typed as plain strings so only the runtime check applies. */
const ids = (n: number, prefix = "id"): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("reply buttons", () => {
  /** The reference's two reply buttons under `text`. */
  const documentedReplies = (text: string) =>
    msg.to(to).buttons(text).reply("UNIQUE_BUTTON_ID_1", "BUTTON_TITLE_1").reply("UNIQUE_BUTTON_ID_2", "BUTTON_TITLE_2");

  it("builds the documented body, and the same with a text header and a footer", () => {
    expect(documentedReplies("BUTTON_TEXT").build()).toEqual(documented.buttons);
    const framed = documentedReplies("BUTTON_TEXT").header("Tomorrow").footer("Reply below").build();
    expect(framed.interactive.header).toEqual({ type: "text", text: "Tomorrow" });
    expect(framed.interactive.footer).toEqual({ text: "Reply below" });
    expect({ ...framed, interactive: { ...framed.interactive, header: undefined, footer: undefined } }).toEqual(documented.buttons);
  });

  it("allows 3 buttons and rejects 4 (non-literal ids)", () => {
    const [a, b, c, d] = ids(4) as [string, string, string, string];
    const three = msg.to(to).buttons("Pick").reply(a, "A").reply(b, "B").reply(c, "C");
    expect(issuesOf(three)).toEqual([]);
    const buttons = (three.build().interactive.action.buttons as object[]).concat({ type: "reply", reply: { id: d, title: "D" } });
    const issues = validate(interactive({ type: "button", body: { text: "Pick" }, action: { buttons } }));
    expect(issues).toEqual([
      {
        path: "interactive.action.buttons",
        code: "too_many",
        severity: "error",
        message: "at most 3 reply buttons, got 4",
        limit: 3,
        actual: 4,
      },
    ]);
  });

  it("requires at least one button", () => {
    expect(paths({ type: "button", body: { text: "Pick" }, action: { buttons: [] } })).toEqual(["interactive.action.buttons too_few"]);
  });

  it("limits titles to 20 and ids to 256 characters, at the boundary", () => {
    expect(issuesOf(msg.to(to).buttons("Pick").reply(chars(256), chars(20)))).toEqual([]);
    expect(issuesOf(msg.to(to).buttons("Pick").reply(chars(257), chars(21)))).toEqual([
      "interactive.action.buttons[0].reply.id too_long",
      "interactive.action.buttons[0].reply.title too_long",
    ]);
  });

  it("rejects ids with leading or trailing spaces, and duplicate ids or titles", () => {
    const spaced: string = " am";
    expect(issuesOf(msg.to(to).buttons("Pick").reply(spaced, "A"))).toEqual(["interactive.action.buttons[0].reply.id invalid_format"]);
    const same: string = "a";
    expect(issuesOf(msg.to(to).buttons("Pick").reply(same, "A").reply(same, "A"))).toEqual([
      "interactive.action.buttons[1].reply.id duplicate",
      "interactive.action.buttons[1].reply.title duplicate",
    ]);
  });

  it("limits body to 1024, header and footer to 60 characters", () => {
    expect(issuesOf(msg.to(to).buttons(chars(1024)).header(chars(60)).footer(chars(60)).reply("a", "A"))).toEqual([]);
    expect(issuesOf(msg.to(to).buttons(chars(1025)).header(chars(61)).footer(chars(61)).reply("a", "A"))).toEqual([
      "interactive.header.text too_long",
      "interactive.body.text too_long",
      "interactive.footer.text too_long",
    ]);
  });

  it("takes text, image, video and document headers", () => {
    const base = msg.to(to).buttons("Pick").reply("a", "A");
    expect(base.header("T", { subText: "S" }).build().interactive.header).toEqual({ type: "text", text: "T", sub_text: "S" });
    expect(base.header({ image: { link: "https://example.com/a.png" } }).build().interactive.header).toEqual({
      type: "image",
      image: { link: "https://example.com/a.png" },
    });
    expect(base.header({ video: { id: "1" } }).build().interactive.header).toEqual({ type: "video", video: { id: "1" } });
    expect(base.header({ document: { id: "2" } }).build().interactive.header).toEqual({ type: "document", document: { id: "2" } });
    expect(
      paths({
        type: "button",
        header: { type: "image", image: { id: "1", link: "https://x.y/a" } },
        body: { text: "b" },
        action: { buttons: [{ type: "reply", reply: { id: "a", title: "A" } }] },
      }),
    ).toEqual(["interactive.header.image conflict"]);
  });
});

describe("lists", () => {
  const list = (sections: object[], extra: object = {}) => ({
    type: "list",
    body: { text: "Menu" },
    action: { button: "View", sections },
    ...extra,
  });
  const rows = (n: number, prefix: string) => ids(n, prefix).map((id) => ({ id, title: id }));

  it("builds the documented body; a row without a description has none on the wire", () => {
    const body = msg
      .to(to)
      .list("BODY_TEXT", "BUTTON_TEXT")
      .header("HEADER_TEXT")
      .footer("FOOTER_TEXT")
      .section("SECTION_1_TITLE", (s) =>
        s
          .row("SECTION_1_ROW_1_ID", "SECTION_1_ROW_1_TITLE", "SECTION_1_ROW_1_DESCRIPTION")
          .row("SECTION_1_ROW_2_ID", "SECTION_1_ROW_2_TITLE", "SECTION_1_ROW_2_DESCRIPTION"),
      )
      .section("SECTION_2_TITLE", (s) =>
        s
          .row("SECTION_2_ROW_1_ID", "SECTION_2_ROW_1_TITLE", "SECTION_2_ROW_1_DESCRIPTION")
          .row("SECTION_2_ROW_2_ID", "SECTION_2_ROW_2_TITLE", "SECTION_2_ROW_2_DESCRIPTION"),
      )
      .build();
    expect(body).toEqual(documented.list);
    const plain = msg
      .to(to)
      .list("Our menu", "View menu")
      .section("Mains", (s) => s.row("m2", "Salad"))
      .build();
    expect(plain.interactive.action.sections).toEqual([{ title: "Mains", rows: [{ id: "m2", title: "Salad" }] }]);
  });

  it("counts rows across sections: 10 pass, 11 fail", () => {
    expect(
      paths(
        list([
          { title: "A", rows: rows(5, "a") },
          { title: "B", rows: rows(5, "b") },
        ]),
      ),
    ).toEqual([]);
    const issues = validate(
      interactive(
        list([
          { title: "A", rows: rows(5, "a") },
          { title: "B", rows: rows(6, "b") },
        ]),
      ),
    );
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "interactive.action.sections: at most 10 rows across all sections, got 11",
    ]);
  });

  it("allows 10 sections and rejects 11", () => {
    const sections = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `S${i}`, rows: [{ id: `r${i}`, title: "R" }] }));
    expect(paths(list(sections(10)))).toEqual([]);
    expect(paths(list(sections(11)))).toEqual(["interactive.action.sections too_many", "interactive.action.sections too_many"]);
  });

  it("checks button text, section title, row id, title and description at the boundary", () => {
    const ok = list([{ title: chars(24), rows: [{ id: chars(200), title: chars(24), description: chars(72) }] }], {});
    expect(paths({ ...ok, action: { ...ok.action, button: chars(20) } })).toEqual([]);
    const bad = list([{ title: chars(25), rows: [{ id: chars(201), title: chars(25), description: chars(73) }] }]);
    expect(paths({ ...bad, action: { ...bad.action, button: chars(21) } })).toEqual([
      "interactive.action.button too_long",
      "interactive.action.sections[0].title too_long",
      "interactive.action.sections[0].rows[0].id too_long",
      "interactive.action.sections[0].rows[0].title too_long",
      "interactive.action.sections[0].rows[0].description too_long",
    ]);
  });

  it("requires section titles only with more than one section, and unique row ids", () => {
    expect(
      issuesOf(
        msg
          .to(to)
          .list("Menu", "View")
          .section((s) => s.row("1", "One")),
      ),
    ).toEqual([]);
    const id: string = "1";
    expect(
      issuesOf(
        msg
          .to(to)
          .list("Menu", "View")
          .section((s) => s.row(id, "One"))
          .section((s) => s.row(id, "Uno")),
      ),
    ).toEqual([
      "interactive.action.sections[0].title required",
      "interactive.action.sections[1].title required",
      "interactive.action.sections[1].rows[0].id duplicate",
    ]);
  });

  it("rejects an empty section, an empty button text and a media header", () => {
    expect(paths(list([{ title: "A", rows: [] }]))).toEqual(["interactive.action.sections[0].rows too_few"]);
    expect(paths({ ...list([{ rows: rows(1, "a") }]), header: { type: "image", image: { id: "1" } } })).toEqual([
      "interactive.header.type invalid_value",
    ]);
    const empty: string = "";
    expect(
      issuesOf(
        msg
          .to(to)
          .list("Menu", empty)
          .section((s) => s.row("1", "One")),
      ),
    ).toEqual(["interactive.action.button too_short"]);
  });

  it("uses a 1024-character body for lists too", () => {
    expect(paths({ ...list([{ rows: rows(1, "a") }]), body: { text: chars(1024) } })).toEqual([]);
    expect(paths({ ...list([{ rows: rows(1, "a") }]), body: { text: chars(1025) } })).toEqual(["interactive.body.text too_long"]);
  });
});

describe("flows", () => {
  const flow = (parameters: object) => ({
    type: "flow",
    body: { text: "Book" },
    action: { name: "flow", parameters: { flow_message_version: "3", flow_cta: "Book", flow_id: "1", ...parameters } },
  });

  it("builds the documented body", () => {
    const body = msg
      .to(to)
      .flow("Book a table", { flowId: "1", cta: "Book!", token: "AQAA", screen: "START", data: { guests: 2 }, mode: "draft" })
      .header("Hi")
      .build();
    expect(body.interactive).toEqual({
      type: "flow",
      header: { type: "text", text: "Hi" },
      body: { text: "Book a table" },
      action: {
        name: "flow",
        parameters: {
          flow_message_version: "3",
          flow_cta: "Book!",
          flow_token: "AQAA",
          flow_id: "1",
          mode: "draft",
          flow_action_payload: { screen: "START", data: { guests: 2 } },
        },
      },
    });
  });

  it("builds fresh flow data each time: a built body shares nothing with the builder", () => {
    const builder = msg.to(to).flow("Book", { flowId: "1", cta: "Book", data: { guests: { adults: 2 } } });
    const first = builder.build().interactive.action.parameters.flow_action_payload?.data as { guests: { adults: number } };
    first.guests.adults = 99;
    expect(builder.build().interactive.action.parameters.flow_action_payload?.data).toEqual({ guests: { adults: 2 } });
  });

  it("limits the CTA to 20 characters without emoji", () => {
    expect(paths(flow({ flow_cta: chars(20) }))).toEqual([]);
    expect(paths(flow({ flow_cta: chars(21) }))).toEqual(["interactive.action.parameters.flow_cta too_long"]);
    const cta: string = "Book 📅";
    expect(issuesOf(msg.to(to).flow("Book", { flowId: "1", cta }))).toEqual(["interactive.action.parameters.flow_cta invalid_format"]);
  });

  it("needs exactly one of flow_id or flow_name, version 3, and navigate-only payloads", () => {
    expect(paths(flow({ flow_name: "booking" }))).toEqual(["interactive.action.parameters conflict"]);
    expect(paths(flow({ flow_id: undefined }))).toEqual(["interactive.action.parameters required"]);
    expect(paths(flow({ flow_message_version: "2" }))).toEqual(["interactive.action.parameters.flow_message_version invalid_value"]);
    expect(paths(flow({ flow_action: "data_exchange", flow_action_payload: { screen: "A" } }))).toEqual([
      "interactive.action.parameters.flow_action_payload unknown_field",
    ]);
    expect(paths(flow({ flow_action_payload: { data: {} } }))).toEqual(["interactive.action.parameters.flow_action_payload.data too_few"]);
    expect(paths(flow({ mode: "live" }))).toEqual(["interactive.action.parameters.mode invalid_value"]);
  });
});

describe("other interactive kinds", () => {
  it("cta_url: display text ≤ 20 and an http(s) url", () => {
    const build = (text: string, url: string) => msg.to(to).ctaUrl("See", { text, url });
    expect(build(chars(20), "https://example.com").build().interactive.action).toEqual({
      name: "cta_url",
      parameters: { display_text: chars(20), url: "https://example.com" },
    });
    expect(issuesOf(build(chars(21), "ftp://example.com"))).toEqual([
      "interactive.action.parameters.display_text too_long",
      "interactive.action.parameters.url invalid_format",
    ]);
  });

  it("product: body optional, header forbidden", () => {
    expect(msg.to(to).product({ catalogId: "1", productRetailerId: "sku" }).build().interactive).toEqual({
      type: "product",
      action: { catalog_id: "1", product_retailer_id: "sku" },
    });
    expect(paths({ type: "product", header: { type: "text", text: "x" }, action: { catalog_id: "1", product_retailer_id: "s" } })).toEqual([
      "interactive.header unknown_field",
    ]);
  });

  it("product_list: header required, 1 to 30 products, 1 to 10 sections", () => {
    const list = (sections: object[], header: object | null = { type: "text", text: "Picks" }) => ({
      type: "product_list",
      ...(header ? { header } : {}),
      body: { text: "For you" },
      action: { catalog_id: "1", sections },
    });
    const items = (n: number) => ids(n, "sku").map((id) => ({ product_retailer_id: id }));
    // Two titled sections of these many products each: 30 in all pass, 31 fail.
    const twoSections = (first: number, second: number) =>
      list([
        { title: "A", product_items: items(first) },
        { title: "B", product_items: items(second) },
      ]);
    expect(paths(twoSections(15, 15))).toEqual([]);
    expect(paths(twoSections(15, 16))).toEqual(["interactive.action.sections too_many"]);
    expect(paths(list([{ product_items: [] }], null))).toEqual([
      "interactive.header required",
      "interactive.action.sections[0].product_items too_few",
    ]);
    const built = msg.to(to).productList({ header: "Picks", body: "For you", catalogId: "1" }).section("Shoes", ["a"]).build();
    expect(built.interactive.action.sections).toEqual([{ title: "Shoes", product_items: [{ product_retailer_id: "a" }] }]);
  });

  it("catalog and location request", () => {
    expect(msg.to(to).catalog("Browse").build().interactive).toEqual({
      type: "catalog_message",
      body: { text: "Browse" },
      action: { name: "catalog_message" },
    });
    expect(msg.to(to).locationRequest("Where?").build().interactive).toEqual({
      type: "location_request_message",
      body: { text: "Where?" },
      action: { name: "send_location" },
    });
    expect(paths({ type: "location_request_message", body: { text: "Where?" }, action: { name: "send_location", extra: 1 } })).toEqual([
      "interactive.action.extra unknown_field",
    ]);
  });

  it("reports an unknown or missing interactive type", () => {
    expect(paths({ type: "form_message", action: {} })).toEqual(["interactive.type invalid_value"]);
    expect(paths({ body: { text: "x" }, action: {} })).toEqual(["interactive.type required"]);
    expect(paths({ type: "button", body: { text: "x" } })).toEqual(["interactive.action required"]);
  });

  it("address_message needs a country", () => {
    expect(
      paths({ type: "address_message", body: { text: "Address?" }, action: { name: "address_message", parameters: { country: "IN" } } }),
    ).toEqual([]);
    expect(paths({ type: "address_message", body: { text: "Address?" }, action: { name: "address_message", parameters: {} } })).toEqual([
      "interactive.action.parameters.country required",
    ]);
  });
});
