import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { type Buildable, type ContactBuilder, defineTemplates, hasErrors, msg, validate } from "../src/index.js";

// Builders decide with the rule table's compiled quick test (rules/is.ts) and explain only
// when it says no. Its verdict must be validate()'s on the very body the builder assembled:
// here every field gets valid values, near misses and wrong JS types; a body with warnings
// alone builds, one with an error fails with validate()'s issues.

/** The body a builder assembles, before any check (a protected method, reached for the test). */
const assembled = (builder: Buildable<unknown>): unknown => (builder as unknown as { assemble(): unknown }).assemble();
/** The builder's own yes/no check (rules/quick/) on `body`: what build() asks before it explains anything. */
const checked = (builder: Buildable<unknown>, body: unknown): boolean =>
  (builder as unknown as { passes(body: unknown): boolean }).passes(body);
/** `body` as JSON.stringify sends it, or undefined when it cannot be sent (a BigInt, a cycle, a getter that throws). */
const sentForm = (body: unknown): unknown => {
  try {
    return JSON.parse(JSON.stringify(body)) as unknown;
  } catch {
    return undefined;
  }
};

/** Any value a JavaScript caller might pass where a string is expected, valid ones most often. */
const value = (...valid: string[]): fc.Arbitrary<never> =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(...valid) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "",
        " ",
        "x".repeat(4097),
        "x".repeat(513),
        "😀",
        "+1 (650) 555-1234",
        "1990-02-30",
        "a@b",
        "OTHER",
        "usa",
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), fc.object()) },
    // A valid value the check cannot read as given, but JSON.stringify sends as the string: the body as sent is valid.
    { weight: 1, arbitrary: fc.constantFrom(...valid).chain((v) => fc.constantFrom<unknown>(new String(v), { toJSON: () => v })) },
  ) as fc.Arbitrary<never>;

const to = value("16505551234", "+4915123456789", "447700900123");
const wamid = value("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA");

const text = fc
  .tuple(to, value("Hello", "x".repeat(4096)), fc.constantFrom(undefined, true, false, "yes" as never))
  .map(([n, body, previewUrl]) => msg.to(n).text(body, previewUrl === undefined ? {} : { previewUrl }));
const reaction = fc
  .tuple(to, wamid, value("👍", "👍🏽", "🇩🇪", "👨‍👩‍👧", "❤️", "ab", "👍👍"))
  .map(([n, id, emoji]) => msg.to(n).react(id, emoji));
/** Mostly `{ id }` or `{ link }`; sometimes both, neither, a bad link or a key the kind does not take. */
const source = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.oneof(
      value("1234567890").map((id) => ({ id })),
      value("https://example.com/a.png", "http://x.io").map((link) => ({ link })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<object>(
      {},
      { id: "1", link: "https://x.io" },
      { link: "ftp://x.io" },
      { id: "1", caption: "c" },
      { id: "1", filename: "f" },
      { id: "1", filename: "" },
      { id: "1", extra: 1 },
    ),
  },
) as fc.Arbitrary<never>;
const media = fc
  .tuple(
    to,
    fc.constantFrom("image", "video", "document", "audio", "sticker"),
    source,
    value("A caption", "x".repeat(1024)),
    value("a.pdf"),
  )
  .map(([n, kind, from, caption, filename]) => {
    const recipient = msg.to(n);
    if (kind === "document") return recipient.document(from, { caption, filename });
    if (kind === "image" || kind === "video") return recipient[kind](from, { caption });
    return recipient[kind](from);
  });
const coordinate = (max: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: -max, max, noNaN: true }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: value("1") },
  );
const location = fc
  .tuple(to, coordinate(90), coordinate(180), value("Shop"), value("1 Main St"))
  .map(([n, latitude, longitude, name, address]) => msg.to(n).location({ latitude, longitude, name, address }));

const card = fc.record({
  name: fc.option(
    fc.record(
      { formattedName: value("Ana Diaz"), firstName: value("Ana"), lastName: value("Diaz") },
      { requiredKeys: ["formattedName", "firstName"] },
    ),
    { freq: 20 },
  ),
  birthday: fc.option(value("1990-01-31", "2000-12-01")),
  email: fc.option(fc.tuple(value("ana@example.com"), value("HOME", "WORK"))),
  phone: fc.option(fc.tuple(value("+16505550000"), value("CELL", "WORK"), value("16505550000"))),
  url: fc.option(fc.tuple(value("https://example.com"), value("HOME", "WORK"))),
  org: fc.option(fc.record({ company: value("Lucky Shrub"), title: value("Manager") }, { requiredKeys: [] })),
  address: fc.option(fc.record({ city: value("Menlo Park"), countryCode: value("US"), type: value("HOME") }, { requiredKeys: [] })),
});
type Card = typeof card extends fc.Arbitrary<infer C> ? C : never;
const cardOf = (c: Card) => (p: ContactBuilder) => {
  let step = c.name === null ? p : p.name(c.name as never);
  if (c.birthday !== null) step = step.birthday(c.birthday);
  if (c.email !== null) step = step.email(c.email[0], { type: c.email[1] });
  if (c.phone !== null) step = step.phone(c.phone[0], { type: c.phone[1], waId: c.phone[2] });
  if (c.url !== null) step = step.url(c.url[0], { type: c.url[1] });
  if (c.org !== null) step = step.org(c.org);
  if (c.address !== null) step = step.address(c.address);
  return step as ContactBuilder<true>;
};
const contacts = fc
  .tuple(
    to,
    fc.oneof(
      { weight: 9, arbitrary: fc.array(card, { minLength: 1, maxLength: 2 }) },
      { weight: 1, arbitrary: fc.array(card, { maxLength: 6 }) },
    ),
  )
  .map(([n, cards]) =>
    msg.to(n).contacts((c) => {
      type Cards = { contact(build: (p: ContactBuilder) => ContactBuilder<true>): Cards };
      let all = c as unknown as Cards;
      for (const each of cards) all = all.contact(cardOf(each));
      return all as never;
    }),
  );

const header = fc.option(
  fc.oneof(
    value("Delivery", "x".repeat(60)).map((text) => [text] as const),
    fc.tuple(value("Delivery"), value("Tomorrow")).map(([text, subText]) => [text, { subText }] as const),
    source.map((from) => [{ image: from }] as const),
    source.map((from) => [{ document: from }] as const),
  ),
  { freq: 2 },
);
const footer = fc.option(value("Reply below", "x".repeat(60)), { freq: 2 });
const replies = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.array(fc.tuple(value("am", "pm", "ev", " am"), value("Morning", "Noon", "Evening")), { minLength: 1, maxLength: 3 }),
  },
  { weight: 1, arbitrary: fc.array(fc.tuple(value("a"), value("A")), { maxLength: 5 }) },
);
const buttons = fc.tuple(to, value("When should we deliver?", "x".repeat(1024)), header, footer, replies).map(([n, body, h, f, rs]) => {
  type Loose = { header(...a: unknown[]): Loose; footer(t: unknown): Loose; reply(id: unknown, title: unknown): Loose };
  let builder = msg.to(n).buttons(body) as unknown as Loose;
  if (h !== null) builder = builder.header(...h);
  if (f !== null) builder = builder.footer(f);
  for (const [id, title] of rs) builder = builder.reply(id, title);
  return builder as unknown as Chain;
});
const row = fc.tuple(
  value("r1", "r2", "r3", "a1", "x".repeat(200)),
  value("Slot", "x".repeat(24)),
  fc.option(value("At 8:00", "x".repeat(72))),
);
const sections = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.array(fc.tuple(fc.option(value("Morning", "x".repeat(24)), { freq: 9 }), fc.array(row, { minLength: 1, maxLength: 4 })), {
      minLength: 1,
      maxLength: 3,
    }),
  },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.option(value("S")), fc.array(row, { maxLength: 6 })), { maxLength: 11 }) },
);
const list = fc
  .tuple(to, value("Pick a slot"), value("View slots", "x".repeat(20)), header, footer, sections)
  .map(([n, body, button, h, f, ss]) => {
    type Section = { row(...a: unknown[]): Section };
    type Loose = { header(...a: unknown[]): Loose; footer(t: unknown): Loose; section(...a: unknown[]): Loose };
    let builder = msg.to(n).list(body, button) as unknown as Loose;
    if (h !== null) builder = builder.header(...h);
    if (f !== null) builder = builder.footer(f);
    for (const [title, rows] of ss) {
      const fill = (section: Section) => rows.reduce((s, [id, t, d]) => (d === null ? s.row(id, t) : s.row(id, t, d)), section);
      builder = title === null ? builder.section(fill) : builder.section(title, fill);
    }
    return builder as unknown as Chain;
  });

type Chain = Buildable<unknown> & { replyTo(id: string): never; callbackData(data: string): never; identityKeyHash(hash: string): never };
/** Interactive builders called loosely: the generated values include wrong JavaScript types. */
type LooseInteractive = {
  header(...a: unknown[]): LooseInteractive;
  footer(t: unknown): LooseInteractive;
  section(...a: unknown[]): LooseInteractive;
};
const withParts = (builder: unknown, h: readonly unknown[] | null, f: unknown): Chain => {
  let loose = builder as LooseInteractive;
  if (h !== null) loose = loose.header(...h);
  if (f !== null) loose = loose.footer(f);
  return loose as unknown as Chain;
};
const ctaUrl = fc
  .tuple(
    to,
    value("Your order is on its way."),
    header,
    footer,
    value("Track order", "x".repeat(20)),
    value("https://example.com/t/42", "ftp://x"),
  )
  .map(([n, body, h, f, text, url]) => withParts(msg.to(n).ctaUrl(body, { text, url }), h, f));
const locationRequest = fc
  .tuple(to, value("Where should we deliver?"))
  .map(([n, body]) => msg.to(n).locationRequest(body) as unknown as Chain);
const product = fc
  .tuple(to, value("1234567890"), value("sku-1"), fc.option(value("Back in stock!"), { freq: 2 }), footer)
  .map(([n, catalogId, productRetailerId, body, f]) =>
    withParts(
      body === null ? msg.to(n).product({ catalogId, productRetailerId }) : msg.to(n).product({ catalogId, productRetailerId }, body),
      null,
      f,
    ),
  );
const catalog = fc
  .tuple(to, value("Browse our new season."), fc.option(value("sku-1"), { freq: 2 }), footer)
  .map(([n, body, thumbnail, f]) =>
    withParts(msg.to(n).catalog(body, thumbnail === null ? {} : { thumbnailProductRetailerId: thumbnail }), null, f),
  );
const productSections = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.array(
      fc.tuple(fc.option(value("Shoes"), { freq: 9 }), fc.array(value("sku-1", "sku-2"), { minLength: 1, maxLength: 3 })),
      { minLength: 1, maxLength: 3 },
    ),
  },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.option(value("S")), fc.array(value("sku"), { maxLength: 31 })), { maxLength: 11 }) },
);
const productList = fc
  .tuple(to, value("Our picks", "x".repeat(60)), value("Hand-picked"), value("1234567890"), footer, productSections)
  .map(([n, h, body, catalogId, f, sections]) => {
    let builder = withParts(msg.to(n).productList({ header: h, body, catalogId }), null, f) as unknown as LooseInteractive;
    for (const [title, ids] of sections) builder = builder.section(title === null ? undefined : title, ids);
    return builder as unknown as Chain;
  });
const flow = fc
  .tuple(
    to,
    value("Book a table"),
    fc.option(value("Dinner", "x".repeat(60)), { freq: 2 }),
    value("Book now", "x".repeat(20), "Book 📅"),
    fc.constantFrom<object>({ flowId: "1234" }, { flowName: "booking" }, { flowId: "1", flowName: "b" }, {}, { flowId: "" }),
    fc.record(
      { token: value("t-1"), mode: value("draft", "published"), action: value("navigate", "data_exchange"), screen: value("START") },
      { requiredKeys: [] },
    ),
    fc.option(fc.constantFrom<unknown>({ guests: 2 }, {}, 5), { freq: 2 }),
  )
  .map(([n, body, h, cta, target, options, data]) => {
    const flowOptions = { cta, ...target, ...options, ...(data === null ? {} : { data }) } as never;
    return withParts(msg.to(n).flow(body, flowOptions), h === null ? null : [h], null);
  });

const markRead = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: wamid },
      { weight: 1, arbitrary: fc.constantFrom<unknown>("", "x".repeat(129), 5) as fc.Arbitrary<never> },
    ),
    fc.boolean(),
  )
  .map(([id, typing]) => (typing ? msg.markRead(id).typing() : msg.markRead(id)) as unknown as Chain);

/** Template builders called loosely: the generated values include wrong JavaScript types. */
type Method = "text" | "image" | "document" | "location" | "language" | "header" | "body" | "currency" | "dateTime";
type Loose = Record<Method | "quickReply" | "urlButton" | "copyCode" | "flowButton" | "catalogButton", (...args: unknown[]) => Loose>;
const templateHeader = fc.option(
  fc.oneof(
    fc.tuple(value("Ana", "x".repeat(60), "a\tb"), fc.option(value("first_name", "First2"), { freq: 3 })).map(
      ([text, name]) =>
        (p: Loose) =>
          name === null ? p.text(text) : p.text(text, { name }),
    ),
    source.map((from) => (p: Loose) => p.image(from)),
    source.map((from) => (p: Loose) => p.document(from)),
    fc.constant((p: Loose) => p.location({ latitude: 1, longitude: 2 })),
  ),
  { freq: 2 },
);
const bodyParameter = fc.oneof(
  fc
    .tuple(value("Ana", "x".repeat(1024), "a\nb", "a     b"), fc.option(value("first_name"), { freq: 3 }))
    .map(([text, name]) => ["text", text, name] as const),
  fc
    .tuple(
      value("$10.99"),
      value("USD", "usd"),
      fc.oneof({ weight: 8, arbitrary: fc.constant(10990) }, { weight: 1, arbitrary: fc.constantFrom(1.5, "1") }),
    )
    .map(([fallback, code, amount1000]) => ["currency", { fallback, code, amount1000 }, null] as const),
  value("Nov 26").map((fallback) => ["dateTime", { fallback }, null] as const),
);
const templateButton = fc.tuple(
  fc.constantFrom("quickReply", "urlButton", "copyCode", "copyCode", "flowButton", "catalogButton"),
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(0, 1, 2, "3", 9) }, { weight: 1, arbitrary: fc.constantFrom(10, -1, 1.5, "01", "x") }),
  value("STOP", "track/42", "CODE15CHARSXXXX", "x".repeat(16)),
);
const template = fc
  .tuple(
    to,
    value("order_update", "x".repeat(512)),
    fc.option(fc.tuple(value("en_US", "en", "EN"), fc.constantFrom(undefined, "deterministic", "other")), { freq: 20 }),
    templateHeader,
    fc.option(fc.array(bodyParameter, { maxLength: 3 }), { freq: 2 }),
    fc.oneof(
      { weight: 4, arbitrary: fc.array(templateButton, { maxLength: 1 }) },
      { weight: 1, arbitrary: fc.array(templateButton, { maxLength: 4 }) },
    ),
  )
  .map(([n, name, language, header, body, buttons]) => {
    let builder = msg.to(n).template(name) as unknown as Loose;
    if (language !== null) builder = builder.language(language[0], language[1] === undefined ? {} : { policy: language[1] });
    if (header !== null) builder = builder.header(header);
    if (body !== null)
      builder = builder.body((p: Loose) =>
        body.reduce((b, [kind, input, name]) => (name === null ? b[kind](input) : b[kind](input, { name })), p),
      );
    for (const [kind, index, input] of buttons) {
      const argument = kind === "flowButton" ? { token: input } : kind === "catalogButton" ? { thumbnailProductRetailerId: input } : input;
      builder = builder[kind](index, argument);
    }
    return builder as unknown as Chain;
  });

/** Carousel builders called loosely: the generated values include wrong JavaScript types. */
type LooseCarousel = { card(header: unknown, options: unknown): LooseCarousel };
/** A card's action: a URL button, or `replies` quick replies (every card of a carousel has as many). */
const cardAction = (replies: number) =>
  fc.oneof(
    fc
      .tuple(value("Buy now", "Open"), value("https://example.com/a", "http://example.com/b"))
      .map(([text, url]) => ({ button: { text, url } })),
    fc
      .tuple(...Array.from({ length: replies }, (_, index) => fc.tuple(value(`r${index}`), value("Yes", "No"))))
      .map((made) => ({ quickReplies: made.map(([id, title]) => ({ id, title })) })),
  );
/** A carousel's cards share one header kind and one action kind (sometimes not: a card of the other kind). */
const carouselCard = (header: "image" | "video", action: "button" | "quickReplies", replies: number) =>
  fc.tuple(
    fc.oneof({ weight: 19, arbitrary: fc.constant(header) }, { weight: 1, arbitrary: fc.constantFrom("image", "video") }),
    source,
    fc.option(value("Blue Echeveria", "x".repeat(160)), { freq: 2 }),
    fc.oneof(
      { weight: 19, arbitrary: cardAction(replies).filter((made) => action in made) },
      { weight: 1, arbitrary: cardAction(replies) },
    ),
  );
const carousel = fc
  .tuple(
    to,
    value("Our picks", "x".repeat(1024)),
    fc.constantFrom("image", "video"),
    fc.constantFrom("button", "quickReplies"),
    fc.integer({ min: 1, max: 2 }),
    fc.nat(9),
  )
  .chain(([n, body, header, action, replies, few]) =>
    fc
      .array(carouselCard(header as "image", action as "button", replies), few === 0 ? { maxLength: 11 } : { minLength: 2, maxLength: 2 })
      .map((cards) => {
        let builder = msg.to(n).carousel(body) as unknown as LooseCarousel;
        for (const [kind, from, cardBody, made] of cards)
          builder = builder.card({ [kind]: from }, cardBody === null ? made : { body: cardBody, ...made });
        return builder as unknown as Chain;
      }),
  );
const productCarousel = fc
  .tuple(
    to,
    value("Our picks"),
    value("1234567890"),
    fc.oneof(
      { weight: 9, arbitrary: fc.array(value("sku-1", "sku-2", "sku-3"), { minLength: 2, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(value("sku"), { maxLength: 11 }) },
    ),
  )
  .map(([n, body, catalogId, products]) => msg.to(n).productCarousel(body, { catalogId, products }) as unknown as Chain);
const voiceCall = fc
  .tuple(
    to,
    value("Questions? Call us"),
    fc.record(
      {
        text: value("Call on WhatsApp", "x".repeat(20), "x".repeat(21)),
        ttlMinutes: fc.oneof(fc.constantFrom(1, 100, 43_200, 43_201, 0, 1.5), value("5")),
        payload: value("order-42", "x".repeat(512)),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([n, body, options]) => msg.to(n).voiceCall(body, options as never) as unknown as Chain);
const callPermissionRequest = fc
  .tuple(to, fc.option(value("May we call you about your order?", "x".repeat(1024)), { freq: 3 }))
  .map(([n, body]) => (body === null ? msg.to(n).callPermissionRequest() : msg.to(n).callPermissionRequest(body)) as unknown as Chain);
const requestContactInfo = fc
  .tuple(to, value("May we have your number for delivery updates?", "x".repeat(1024)))
  .map(([n, body]) => msg.to(n).requestContactInfo(body) as unknown as Chain);

const bsuid = value("US.13491208655302741918", "US.ENT.13491208655302741918", "us.1");
const groupId = value("120363000000000000@g.us", "Y2FwaV9ncm91cDox");
/** A business-scoped user (with or without a phone number too): text, media, interactive and templates. */
const toUser = fc
  .tuple(bsuid, fc.option(to, { freq: 3 }), fc.constantFrom("text", "image", "buttons", "template"), value("Hello"))
  .map(([id, phone, kind, words]) => {
    const recipient = phone === null ? msg.toUser(id) : msg.toUser(id, { phone });
    if (kind === "text") return recipient.text(words) as unknown as Chain;
    if (kind === "image") return recipient.image({ link: "https://example.com/a.png" }, { caption: words }) as unknown as Chain;
    if (kind === "buttons") return recipient.buttons(words).reply("a", "A") as unknown as Chain;
    return recipient.template("order_update").language("en_US") as unknown as Chain;
  });
/** A group: text, media, templates, and pins of its messages. */
const toGroup = fc
  .tuple(
    groupId,
    fc.constantFrom("text", "document", "template", "pin", "unpin"),
    value("Hi all"),
    wamid,
    fc.option(fc.constantFrom(1, 7, 30, 0, 31, 1.5), { freq: 2 }),
  )
  .map(([id, kind, words, messageId, days]) => {
    const group = msg.toGroup(id);
    if (kind === "text") return group.text(words) as unknown as Chain;
    if (kind === "document") return group.document({ id: "1234567890" }, { caption: words, filename: "a.pdf" }) as unknown as Chain;
    if (kind === "template") return group.template("order_update").language("en_US") as unknown as Chain;
    if (kind === "unpin") return group.unpin(messageId) as unknown as Chain;
    return (days === null ? group.pin(messageId) : group.pin(messageId, { days })) as unknown as Chain;
  });

const envelope = <
  B extends Buildable<unknown> & { replyTo(id: string): B; callbackData(data: string): B; identityKeyHash(hash: string): B },
>(
  builder: fc.Arbitrary<B>,
) =>
  fc
    .tuple(builder, fc.option(wamid), fc.option(value("order-42", "x".repeat(512))), fc.option(value("b0dc0ffee1d2"), { freq: 5 }))
    .map(([b, replyTo, data, hash]) => {
      let withEnvelope = replyTo === null ? b : b.replyTo(replyTo);
      if (data !== null) withEnvelope = withEnvelope.callbackData(data);
      if (hash !== null) withEnvelope = withEnvelope.identityKeyHash(hash);
      return withEnvelope;
    });

const definitions = defineTemplates({
  order_update: { languages: ["en_US", "es"], header: "image", body: ["text", "currency"], buttons: { 0: "quick_reply" } },
  welcome: { languages: ["en"], body: { first_name: "text" } },
});
const typedTemplate = fc
  .tuple(
    to,
    fc.nat(9), // which language: one the definition lists, or (1 in 10) "fr", which it does not
    source,
    bodyParameter.map(([, input]) => input),
    fc.tuple(value("$10.99"), value("USD", "usd")).map(([fallback, code]) => ({ fallback, code, amount1000: 10990 })),
    value("STOP"),
    fc.boolean(),
  )
  .map(([n, pick, header, text, currency, payload, welcome]) => {
    const send = msg.with(definitions).to(n);
    const defined: readonly string[] = definitions[welcome ? "welcome" : "order_update"].languages;
    const language = pick === 9 ? "fr" : (defined[pick % defined.length] as string);
    const chain = welcome
      ? send.template("welcome", { language, body: { first_name: text } } as never)
      : send.template("order_update", { language, header, body: [text, currency], buttons: { 0: payload } } as never);
    return { chain, definedLanguage: defined.includes(language) };
  });

describe("a builder's verdict agrees with validate()", () => {
  it("typed templates: build only bodies validate() accepts and that match their definition", () => {
    let accepted = 0;
    fc.assert(
      fc.property(typedTemplate, ({ chain, definedLanguage }) => {
        const result = chain.safeBuild();
        if (!definedLanguage) expect(result.ok).toBe(false); // a mismatch with the definition, whatever validate() says
        if (result.ok) {
          accepted++;
          expect(hasErrors(validate(assembled(chain)))).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  /** Per kind: chains run, bodies the check passed as assembled, and those it refused as assembled but passed as sent. */
  const counts: Record<string, { chains: number; checkPassed: number; valid: number; passedOnlyAsSent: number }> = {};
  const kinds = {
    text,
    reaction,
    media,
    location,
    contacts,
    buttons,
    list,
    ctaUrl,
    locationRequest,
    product,
    catalog,
    productList,
    flow,
    carousel,
    productCarousel,
    voiceCall,
    callPermissionRequest,
    requestContactInfo,
    template,
    toUser,
    toGroup,
    markRead,
  };
  for (const [kind, builder] of Object.entries(kinds)) {
    it(`${kind}: the check passes only what validate() accepts, refuses nothing it accepts as sent, and builds exactly those`, () => {
      const count = { chains: 0, checkPassed: 0, valid: 0, passedOnlyAsSent: 0 };
      counts[kind] = count;
      let rejected = 0;
      fc.assert(
        fc.property(kind === "markRead" ? builder : envelope(builder as fc.Arbitrary<never>), (chain: Buildable<unknown>) => {
          count.chains++;
          const body = assembled(chain);
          const issues = validate(body);
          const valid = !hasErrors(issues);
          // The check is build()'s whole verdict when it says yes: never yes to a body validate() refuses.
          const passed = checked(chain, body);
          if (passed) {
            count.checkPassed++;
            expect(issues.filter((issue) => issue.severity === "error")).toEqual([]);
          }
          if (valid) {
            count.valid++;
            // A valid body the check refuses as assembled (a String object where a string goes) it passes as sent, so
            // build() never reaches the fallback issue (rules/built-issues.ts) on it.
            if (!passed) {
              expect(checked(chain, sentForm(body))).toBe(true);
              count.passedOnlyAsSent++;
            }
          }
          const result = chain.safeBuild();
          if (valid) expect(result.ok).toBe(true);
          else {
            rejected++;
            expect(result).toEqual({ ok: false, issues }); // validate()'s issues, so never the fallback's
          }
        }),
        { numRuns: kind === "template" ? 10_000 : 3000 }, // templates have the most rules to reach
      );
      // Both verdicts are common, so the comparison means something either way.
      expect(count.valid).toBeGreaterThan(100);
      expect(rejected).toBeGreaterThan(100);
    });
  }

  it("together: every kind was run, over 20,000 chains (SHOW_COUNTS=1 prints them per kind)", () => {
    if (process.env.SHOW_COUNTS) console.log(JSON.stringify(counts, null, 1));
    expect(Object.keys(counts).sort()).toEqual(Object.keys(kinds).sort());
    expect(Object.values(counts).reduce((sum, count) => sum + count.chains, 0)).toBeGreaterThan(20_000);
  });
});

describe("a caller's object passed on whole", () => {
  // A builder's quick test counts the keys only of objects it passes on from the caller as they
  // are (media sources); every other object it wrote itself. A stray key in one still fails the build.
  const stray = { link: "https://example.com/a.jpg", caption: "not here" } as never;
  const n = msg.to("16505551234");
  it.each([
    ["a sticker", n.sticker(stray), "sticker.caption"],
    ["an interactive header", n.buttons("Pick").header({ image: stray }).reply("a", "A"), "interactive.header.image.caption"],
    [
      "a template header",
      n
        .template("x")
        .language("en")
        .header((p) => p.image(stray)),
      "template.components[0].parameters[0].image.caption",
    ],
    [
      "a carousel card",
      n
        .carousel("Pick")
        .card({ image: stray }, { button: { text: "Buy", url: "https://example.com/a" } })
        .card({ image: { link: "https://example.com/b.jpg" } }, { button: { text: "Buy", url: "https://example.com/b" } }),
      "interactive.action.cards[0].header.image.caption",
    ],
  ])("%s: the stray key is an error at build", (_, builder, path) => {
    const result = (builder as Buildable<unknown>).safeBuild();
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.code}`)).toContain(`${path} unknown_field`);
  });
});
