import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { type Buildable, type ContactBuilder, limits, msg, PayloadError, validate } from "../src/index.js";
import { generatedSchemaAccepts, schemaAccepts } from "./fixtures/schema.js";

// Property tests over every builder chain: inputs within the limits build a body that both
// validate() and the independent JSON Schema accept; exactly one input over its limit makes
// .build() throw a PayloadError whose issue path points at that input.

/** A string of 1..max UTF-16 code units: any code points (emoji, RTL, combining marks), or exactly max. */
const within = (max: number, min = 1): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .string({ minLength: min, maxLength: Math.min(max, 40), unit: "binary" })
        .filter((s) => s.length >= min && s.length <= max),
    },
    { weight: 1, arbitrary: fc.constant("x".repeat(max)) },
  );
/** A string over `max`: from max+1 up to a little more, sometimes made of surrogate pairs. */
const over = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max + 40 }).map((n) => "y".repeat(n)),
    fc.constant(`${"😀".repeat(Math.ceil((max + 1) / 2))}`),
  );
const id = fc.stringMatching(/^[a-z0-9_-]{1,32}$/);
const phone = fc.oneof(fc.stringMatching(/^\+?[1-9]\d{6,14}$/), fc.constant("+1 (650) 555-1234"));
const link = fc.webUrl({ validSchemes: ["https", "http"] }).filter((url) => /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(url));
const media = fc.oneof(
  id.map((value) => ({ id: value })),
  link.map((value) => ({ link: value })),
);
const emoji = fc.constantFrom("👍", "👍🏽", "🇩🇪", "👨‍👩‍👧", "❤️", "❤", "1️⃣", "🏳️‍🌈", "");
const wamid = id.map((value) => `wamid.${value}`);

type Chain = Buildable<unknown> & { replyTo(id: string): Chain; callbackData(data: string): Chain };
const L = limits;

/** One valid builder of each kind, from random inputs within the limits. */
const validChain: fc.Arbitrary<Chain> = fc
  .tuple(
    phone,
    fc.oneof(
      within(L.text.body.max).map((body) => (to: string) => msg.to(to).text(body)),
      fc.tuple(wamid, emoji).map(
        ([w, e]) =>
          (to: string) =>
            msg.to(to).react(w, e),
      ),
      fc.tuple(media, within(L.media.caption.max)).map(
        ([m, caption]) =>
          (to: string) =>
            msg.to(to).image(m, { caption }),
      ),
      fc.tuple(media, within(50)).map(
        ([m, filename]) =>
          (to: string) =>
            msg.to(to).document(m, { filename }),
      ),
      media.map((m) => (to: string) => msg.to(to).sticker(m)),
      fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), within(60)).map(
        ([latitude, longitude, name]) =>
          (to: string) =>
            msg.to(to).location({ latitude, longitude, name }),
      ),
      fc.array(fc.tuple(within(40), within(20)), { minLength: 1, maxLength: 5 }).map(
        (cards) => (to: string) =>
          msg.to(to).contacts((c) => {
            // Loosely typed here: the count of cards is random, so the type-level count cannot follow.
            type Cards = { contact(build: (p: ContactBuilder) => ContactBuilder<true>): Cards };
            let all = c as unknown as Cards;
            for (const [formattedName, firstName] of cards)
              all = all.contact((p) => p.name({ formattedName, firstName }).phone("+16505551234"));
            return all as never;
          }),
      ),
      fc
        .tuple(
          within(L.interactive.body.max),
          within(L.interactive.footer.max),
          fc.uniqueArray(fc.tuple(id, within(L.buttons.title.max)), { minLength: 1, maxLength: 3, selector: ([i]) => i }),
        )
        .filter(([, , buttons]) => new Set(buttons.map(([, t]) => t)).size === buttons.length)
        .map(
          ([body, footer, buttons]) =>
            (to: string) =>
              buttons.reduce(
                (b, [i, t]) => b.reply(i, t),
                msg.to(to).buttons(body).footer(footer) as unknown as { reply(i: string, t: string): never },
              ) as unknown as Chain,
        ),
      fc
        .tuple(
          within(L.interactive.body.max),
          within(L.list.button.max),
          fc.uniqueArray(fc.tuple(id, within(L.list.row.title.max), within(L.list.row.description.max)), {
            minLength: 1,
            maxLength: 10,
            selector: ([i]) => i,
          }),
          within(L.list.sectionTitle.max),
        )
        .map(([body, button, rows, title]) => (to: string) => {
          const half = Math.ceil(rows.length / 2);
          const groups = rows.length > 1 ? [rows.slice(0, half), rows.slice(half)] : [rows];
          let list = msg.to(to).list(body, button) as never as { section(t: string, b: (s: never) => never): never };
          for (const group of groups)
            list = list.section(title, (s: { row(...a: string[]): never }) =>
              group.reduce((acc: never, [i, t, d]) => (acc as { row(...a: string[]): never }).row(i, t, d), s as never),
            ) as never;
          return list as never as Chain;
        }),
      fc
        .tuple(
          within(L.interactive.body.max),
          within(L.flow.cta.max).filter((s) => !/\p{Extended_Pictographic}/u.test(s)),
          id,
        )
        .map(
          ([body, cta, flowId]) =>
            (to: string) =>
              msg.to(to).flow(body, { flowId, cta }),
        ),
      fc.tuple(within(L.interactive.body.max), within(L.ctaUrl.displayText.max), link).map(
        ([body, text, url]) =>
          (to: string) =>
            msg.to(to).ctaUrl(body, { text, url }),
      ),
      fc
        .tuple(
          id,
          fc.stringMatching(/^[a-z]{2}(_[A-Z]{2})?$/),
          within(L.template.headerText.max).filter((s) => !/[\n\t]| {5}/.test(s)),
          fc.array(
            within(100).filter((s) => !/[\n\t]| {5}/.test(s)),
            { minLength: 1, maxLength: 3 },
          ),
          within(L.template.couponCode.max),
        )
        .map(
          ([name, language, header, texts, code]) =>
            (to: string) =>
              msg
                .to(to)
                .template(name)
                .language(language)
                .header((p) => p.text(header))
                .body((p) => texts.reduce((b, t) => b.text(t), p))
                .copyCode(0, code) as never as Chain,
        ),
    ),
    fc.option(wamid, { nil: undefined }),
    fc.option(within(L.callbackData.max), { nil: undefined }),
  )
  .map(([to, make, reply, data]) => {
    let chain = make(to) as Chain;
    if (reply !== undefined) chain = chain.replyTo(reply);
    if (data !== undefined) chain = chain.callbackData(data);
    return chain;
  });

/** A builder with exactly one input over its limit, and the path its issue must name. */
const invalidChain: fc.Arbitrary<[Chain, string]> = fc.oneof(
  over(L.text.body.max).map((body): [Chain, string] => [msg.to("16505551234").text(body), "text.body"]),
  over(L.callbackData.max).map((data): [Chain, string] => [
    msg.to("16505551234").text("hi").callbackData(data),
    "biz_opaque_callback_data",
  ]),
  over(L.wamid.max).map((w): [Chain, string] => [msg.to("16505551234").text("hi").replyTo(w), "context.message_id"]),
  over(L.media.caption.max).map((caption): [Chain, string] => [msg.to("16505551234").video({ id: "1" }, { caption }), "video.caption"]),
  over(L.interactive.body.max).map((body): [Chain, string] => [
    msg.to("16505551234").buttons(body).reply("a", "A") as never,
    "interactive.body.text",
  ]),
  over(L.interactive.header.max).map((header): [Chain, string] => [
    msg.to("16505551234").buttons("b").header(header).reply("a", "A") as never,
    "interactive.header.text",
  ]),
  over(L.interactive.footer.max).map((footer): [Chain, string] => [
    msg.to("16505551234").buttons("b").footer(footer).reply("a", "A") as never,
    "interactive.footer.text",
  ]),
  fc.tuple(over(L.buttons.title.max), fc.integer({ min: 0, max: 2 })).map(([title, at]): [Chain, string] => {
    const titles = ["A", "B", "C"].map((t, i) => (i === at ? title : t));
    return [
      msg
        .to("16505551234")
        .buttons("b")
        .reply("a", titles[0] as string)
        .reply("b", titles[1] as string)
        .reply("c", titles[2] as string) as never,
      `interactive.action.buttons[${at}].reply.title`,
    ];
  }),
  over(L.list.button.max).map((button): [Chain, string] => [
    msg
      .to("16505551234")
      .list("b", button)
      .section((s) => s.row("1", "One")) as never,
    "interactive.action.button",
  ]),
  over(L.list.row.title.max).map((title): [Chain, string] => [
    msg
      .to("16505551234")
      .list("b", "View")
      .section((s) => s.row("1", "One").row("2", title)) as never,
    "interactive.action.sections[0].rows[1].title",
  ]),
  over(L.list.row.description.max).map((d): [Chain, string] => [
    msg
      .to("16505551234")
      .list("b", "View")
      .section((s) => s.row("1", "One", d)) as never,
    "interactive.action.sections[0].rows[0].description",
  ]),
  over(L.flow.cta.max).map((cta): [Chain, string] => [
    msg.to("16505551234").flow("b", { flowId: "1", cta }),
    "interactive.action.parameters.flow_cta",
  ]),
  over(L.ctaUrl.displayText.max).map((text): [Chain, string] => [
    msg.to("16505551234").ctaUrl("b", { text, url: "https://example.com" }),
    "interactive.action.parameters.display_text",
  ]),
  over(L.template.couponCode.max).map((code): [Chain, string] => [
    msg.to("16505551234").template("t").language("en").copyCode(0, code) as never,
    "template.components[0].parameters[0].coupon_code",
  ]),
  over(L.template.headerText.max).map((text): [Chain, string] => [
    msg
      .to("16505551234")
      .template("t")
      .language("en")
      .header((p) => p.text(text)) as never,
    "template.components[0].parameters[0].text",
  ]),
);

const runs = Number(process.env.WACOMPOSE_PROPERTY_RUNS ?? 60_000);
let generated = 0;

describe("builder chains (property-based)", () => {
  it(`build bodies that validate() and the JSON Schema both accept (${runs} chains)`, () => {
    fc.assert(
      fc.property(validChain, (chain) => {
        generated++;
        const body = chain.build();
        expect(validate(body)).toEqual([]);
        if (!schemaAccepts(body))
          throw new Error(`schema rejects ${JSON.stringify(body).slice(0, 300)}: ${JSON.stringify(schemaAccepts.errors?.slice(0, 3))}`);
        if (!generatedSchemaAccepts(body))
          throw new Error(
            `generated schema rejects ${JSON.stringify(body).slice(0, 300)}: ${JSON.stringify(generatedSchemaAccepts.errors?.slice(0, 3))}`,
          );
      }),
      { numRuns: runs },
    );
  }, 120_000);

  it(`throw a PayloadError naming the one input over its limit (${Math.round(runs * 0.7)} chains)`, () => {
    fc.assert(
      fc.property(invalidChain, ([chain, path]) => {
        generated++;
        let caught: unknown;
        try {
          chain.build();
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(PayloadError);
        // Every issue names that input (an emoji CTA over the limit is both too long and has emoji).
        expect([...new Set((caught as PayloadError).issues.map((issue) => issue.path))]).toEqual([path]);
      }),
      { numRuns: Math.round(runs * 0.7) },
    );
    console.log(`property tests: ${generated} generated messages`);
  }, 120_000);
});
