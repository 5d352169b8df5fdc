import { describe, expect, it } from "@jest/globals";
import { documented } from "../../builder/test/fixtures/documented.js";
import { renderPreview, type TemplateTexts } from "../src/index.js";

// Every string (and number) a body carries is user-controlled: a caption, a file name, a
// button's title, a contact's name. Each one, in turn, becomes a hostile marker, and the page
// must never carry the marker as markup. A field the renderer forgets to escape fails here.

const marker = `<x-hostile a="1" b='2'>&amp;</x-hostile>`;
const markupOpen = "<x-hostile";

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type Path = readonly (string | number)[];

/** The path of every string or number leaf in `value`. */
function* leafPaths(value: Json, path: Path = []): Generator<Path> {
  if (typeof value === "string" || typeof value === "number") yield path;
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* leafPaths(item, [...path, index]);
  else if (value !== null && typeof value === "object")
    for (const [key, member] of Object.entries(value)) yield* leafPaths(member, [...path, key]);
}

/** `value` with the leaf at `path` replaced by `replacement` (a copy). */
function replaced(value: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaced(item, rest, replacement) : item));
  if (value === null || typeof value !== "object") return value;
  return { ...value, [String(head)]: replaced((value as { readonly [key: string]: Json })[String(head)] ?? null, rest, replacement) };
}

const envelope = { messaging_product: "whatsapp", recipient_type: "individual", to: "16505551234" };
const link = "https://example.com/a.pdf";
/** Kinds and fields the documented bodies do not show: media with captions and file names, templates, carousels, pins. */
/** A template send of `name` in language `code`. */
const templateBody = (name: string, code: string, components: readonly Json[]): Json => ({
  ...envelope,
  type: "template",
  template: { name, language: { code }, components },
});

const more: { readonly [name: string]: Json } = {
  document: { ...envelope, type: "document", document: { link, filename: "invoice.pdf", caption: "Your invoice" } },
  documentById: { ...envelope, type: "document", document: { id: "1479537139650973" } },
  video: { ...envelope, type: "video", video: { link, caption: "A clip" } },
  audio: { ...envelope, type: "audio", audio: { id: "1479537139650973" } },
  sticker: { ...envelope, type: "sticker", sticker: { link } },
  imageCaption: { ...envelope, type: "image", image: { link, caption: "A photo" }, context: { message_id: "wamid.X" } },
  template: templateBody("order_update", "en_US", [
    { type: "header", parameters: [{ type: "location", location: { latitude: 1, longitude: 2, name: "Shop", address: "1 Main St" } }] },
    {
      type: "body",
      parameters: [
        { type: "text", text: "Ana" },
        { type: "text", parameter_name: "order", text: "42" },
        { type: "currency", currency: { fallback_value: "$10.99", code: "USD", amount_1000: 10990 } },
      ],
    },
    { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "track/42" }] },
    { type: "button", sub_type: "quick_reply", index: "1", parameters: [{ type: "payload", payload: "STOP" }] },
  ]),
  templateTextHeader: templateBody("hello", "en", [{ type: "header", parameters: [{ type: "text", text: "Hi" }] }]),
  carousel: {
    ...envelope,
    type: "interactive",
    interactive: {
      type: "carousel",
      body: { text: "Latest arrivals" },
      action: {
        cards: [
          {
            card_index: 0,
            type: "cta_url",
            header: { type: "image", image: { link } },
            body: { text: "A succulent" },
            action: { name: "cta_url", parameters: { display_text: "Buy now", url: "https://shop.example/p/1" } },
          },
          {
            card_index: 1,
            type: "cta_url",
            header: { type: "video", video: { link } },
            body: { text: "Another" },
            action: { buttons: [{ type: "quick_reply", quick_reply: { id: "more-1", title: "Tell me more" } }] },
          },
          { card_index: 2, type: "product", action: { product_retailer_id: "sku-1", catalog_id: "CAT1" } },
        ],
      },
    },
  },
  textHeaderWithSubText: {
    ...envelope,
    type: "interactive",
    interactive: {
      type: "button",
      header: { type: "text", text: "Head", sub_text: "Sub" },
      body: { text: "Pick" },
      footer: { text: "Foot" },
      action: { buttons: [{ type: "reply", reply: { id: "a", title: "A" } }] },
    },
  },
  voiceCall: {
    ...envelope,
    type: "interactive",
    interactive: { type: "voice_call", body: { text: "Call us" }, action: { name: "voice_call", parameters: { display_text: "Call" } } },
  },
  pin: { ...envelope, type: "pin", pin: { type: "pin", message_id: "wamid.X", expiration_days: 7 } },
  unpin: { ...envelope, type: "pin", pin: { type: "unpin", message_id: "wamid.X" } },
  textWithUrl: { ...envelope, type: "text", text: { preview_url: true, body: "see https://example.com" } },
};

const bodies: { readonly [name: string]: Json } = { ...(documented as unknown as { readonly [name: string]: Json }), ...more };
interface Case {
  readonly name: string;
  readonly path: string;
  readonly body: Json;
}
const cases: readonly Case[] = Object.entries(bodies).flatMap(([name, body]) =>
  [...leafPaths(body)].map((path) => ({ name, path: path.join("."), body: replaced(body, path, marker) })),
);

const expectEscaped = (html: string) => {
  expect(html).not.toContain(markupOpen);
  expect(html).not.toContain(marker);
};

describe("every user-controlled string in a preview is escaped", () => {
  it("walks many fields, and the marker does reach the page (escaped) for the rendered ones", () => {
    expect(cases.length).toBeGreaterThan(150);
    const shown = cases.filter((c) => renderPreview(c.body).includes("&lt;x-hostile a=&quot;1&quot; b=&#39;2&#39;&gt;"));
    expect(shown.length).toBeGreaterThan(60);
    expect(shown.map((c) => `${c.name}: ${c.path}`)).toEqual(
      expect.arrayContaining([
        "document: document.filename",
        "document: document.caption",
        "contacts: contacts.0.name.formatted_name",
        "location: location.name",
        "location: location.address",
        "buttons: interactive.action.buttons.0.reply.title",
        "textHeaderWithSubText: interactive.header.text",
        "ctaUrl: interactive.action.parameters.url",
        "template: template.components.0.parameters.0.location.name",
      ]),
    );
  });

  it.each(cases.map((c): [string, string, Case] => [c.name, c.path, c]))("%s with a hostile %s", (_name, _path, c) => {
    expectEscaped(renderPreview(c.body));
  });

  it("a hostile key is escaped where the issues name it", () => {
    for (const [name, body] of Object.entries(bodies)) {
      const html = renderPreview({ ...(body as object), [marker]: marker });
      expect({ name, markup: html.includes(markupOpen) }).toEqual({ name, markup: false });
    }
  });

  it("a template's own texts (header, body, footer) and its parameters are escaped when filled in", () => {
    const templates: TemplateTexts = { hello: { header: `Hi ${marker} {{1}}`, body: `Body {{1}} ${marker}`, footer: marker } };
    const body = {
      ...envelope,
      type: "template",
      template: {
        name: "hello",
        language: { code: "en" },
        components: [
          { type: "header", parameters: [{ type: "text", text: marker }] },
          { type: "body", parameters: [{ type: "text", text: marker }] },
        ],
      },
    };
    const html = renderPreview(body, { templates });
    expectEscaped(html);
    expect(html).toContain("&lt;x-hostile");
  });
});

describe("a bidirectional override in a field ends with it", () => {
  const opened = "\u202eEND";
  /** The overrides and embeddings a run of text leaves open at its end (the marker opens an override). */
  const leftOpen = (text: string): number => {
    let open = 0;
    for (const [control] of text.matchAll(/[\u202a-\u202e]/g)) open = control === "\u202c" ? Math.max(0, open - 1) : open + 1;
    return open;
  };
  it.each(cases.map((c): [string, string, Case] => [c.name, c.path, c]))("%s with U+202E in %s", (_name, _path, c) => {
    const html = renderPreview(
      replaced(
        bodies[c.name] as Json,
        c.path.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
        opened,
      ),
    );
    // Each run of text between two tags closes what it opens: nothing drawn after the field is reversed.
    expect(html.split(/<[^>]*>/).filter((run) => leftOpen(run) > 0)).toEqual([]);
  });

  it("a template's name cannot reverse its language and the rest of the line", () => {
    const html = renderPreview(templateBody("order\u202e_update", "en_US", []));
    expect(html).toContain("template order\u202e_update\u202c · en_US");
  });
});

describe("deep and huge input", () => {
  it("a template carousel nested 20,000 deep is drawn one level deep, not a stack overflow", () => {
    let components: Json[] = [{ type: "body", parameters: [{ type: "text", text: "innermost" }] }];
    for (let depth = 0; depth < 20_000; depth++) components = [{ type: "carousel", cards: [{ card_index: depth, components }] }];
    const html = renderPreview(templateBody("deep", "en", components));
    expect(html.match(/class="wa-card"/g)).toHaveLength(1);
    expect(html).not.toContain("innermost");
  });

  it("a 5 MB text and 10,000 list rows are drawn whole, escaped", () => {
    const long = "<b>".repeat(1_700_000);
    expect(renderPreview({ ...envelope, type: "text", text: { body: long } })).toContain("&lt;b&gt;".repeat(1000));
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, title: `<i>${i}` }));
    const list = renderPreview({
      ...envelope,
      type: "interactive",
      interactive: { type: "list", body: { text: "b" }, action: { button: "Open", sections: [{ title: "s", rows }] } },
    });
    expect(list.match(/class="wa-row"/g)).toHaveLength(10_000);
    expect(list).not.toContain("<i>");
  });
});
