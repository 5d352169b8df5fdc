import { describe, expect, it } from "@jest/globals";
import { defineTemplates, msg, validate } from "../src/index.js";
import { carousel, documented2026, envelope, image, mediaCard, productCard, quickReplies, urlAction } from "./fixtures/documented-2026.js";
import { generatedSchemaAccepts } from "./fixtures/schema.js";
import { quickTest } from "./quick-tests.js";

// The bodies documented since Graph v23 (fixtures/documented-2026.ts), checked by validate() and the generated schema.

const firstIssue = (result: unknown): string | undefined => {
  const { ok, issues } = result as { ok: boolean; issues?: readonly { path: string; code: string }[] };
  return ok ? undefined : `${issues?.[0]?.path} ${issues?.[0]?.code}`;
};
const errors = (body: unknown) =>
  validate(body)
    .filter((issue) => issue.severity === "error")
    .map((issue) => `${issue.path} ${issue.code}: ${issue.message}`);

describe("bodies documented since v23 (api-2026.md)", () => {
  it.each(Object.entries(documented2026))("validate() and the generated schema accept the %s body", (_, body) => {
    expect(validate(body)).toEqual([]);
    expect(generatedSchemaAccepts(body) ? [] : generatedSchemaAccepts.errors).toEqual([]);
  });

  it("rejects what the API rejects, saying why", () => {
    const group = documented2026["group send"];
    expect(errors({ ...group, type: "interactive", text: undefined, interactive: documented2026.voice_call.interactive })).toEqual([
      'type invalid_value: a group receives only text, image, video, document, audio, sticker, template, pin; got "interactive"',
    ]);
    expect(errors({ ...group, recipient: "US.1" })).toEqual([
      "recipient unknown_field: a group is addressed by its id in to; recipient is for a user's business-scoped id",
    ]);
    expect(errors({ messaging_product: "whatsapp", type: "text", text: { body: "Hi" } })).toEqual([
      "to required: is required (or recipient, a business-scoped user id)",
    ]);
    expect(errors({ messaging_product: "whatsapp", recipient: "13491208655302741918", text: { body: "Hi" } })).toEqual([
      'recipient invalid_format: expected a business-scoped user id such as "US.13491208655302741918" (or "US.ENT.…"), got "13491208655302741918"',
    ]);
    expect(errors({ messaging_product: "whatsapp", recipient: `US.${"1".repeat(129)}`, text: { body: "Hi" } })).toHaveLength(1);
    expect(errors(carousel(Array.from({ length: 11 }, (_, i) => productCard(i))))).toContain(
      "interactive.action.cards too_many: at most 10 cards, got 11",
    );
    expect(errors(carousel([productCard(0)]))).toEqual(["interactive.action.cards too_few: at least 2 cards, got 1"]);
    expect(errors(carousel([productCard(0), productCard(1, "OTHER")]))).toEqual([
      "interactive.action.cards[1] conflict: every card must be like the first (product:CAT1), got product:OTHER",
    ]);
    expect(errors(carousel([mediaCard(0, urlAction), mediaCard(1, quickReplies)]))).toEqual([
      "interactive.action.cards[1] conflict: every card must be like the first (url button), got quick replies:1",
    ]);
    const longCard = { ...mediaCard(1, urlAction), body: { text: "x".repeat(161) } };
    expect(errors(carousel([mediaCard(0, urlAction), longCard]))).toEqual([
      "interactive.action.cards[1].body.text too_long: at most 160 characters, got 161",
    ]);
    const offer = documented2026["limited-time offer template"];
    const inSeconds = structuredClone(offer);
    inSeconds.template.components[0] = {
      type: "limited_time_offer",
      parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: 1698562800 } }],
    };
    expect(errors(inSeconds)).toEqual([
      "template.components[0].parameters[0].limited_time_offer.expiration_time_ms out_of_range: expiration_time_ms is Unix milliseconds; 1698562800 looks like seconds (× 1000: 1698562800000)",
    ]);
    expect(errors({ ...envelope, type: "image", image: { id: "1", voice: true } })).toEqual([
      "image.voice unknown_field: not allowed on image messages",
    ]);
  });

  it("a carousel and a call permission request take no footer (api-2026.md §4), in validate() and the schema", () => {
    const footer = { text: "Reply STOP to opt out" };
    const withFooter = <B extends { readonly interactive: object }>(body: B) => ({ ...body, interactive: { ...body.interactive, footer } });
    const permission = withFooter(documented2026["call permission request without a body"]);
    const media = withFooter(documented2026["media carousel (URL buttons)"]);
    expect(errors(permission)).toEqual(["interactive.footer unknown_field: not allowed on call_permission_request messages"]);
    expect(errors(media)).toEqual(["interactive.footer unknown_field: not allowed on carousel messages"]);
    expect(generatedSchemaAccepts(permission)).toBe(false);
    expect(generatedSchemaAccepts(media)).toBe(false);
    expect(quickTest(permission)).toBe(false);
  });
});

describe("pins, payments, multi-product buttons and a field of another endpoint", () => {
  const d = documented2026;
  it("pins go to groups, for 1 to 30 days; an unpin names the message only", () => {
    const { pin, unpin } = d;
    expect(errors({ ...pin, recipient_type: "individual", to: "16505551234" })).toEqual([
      'recipient_type invalid_value: a message is pinned in a group only: recipient_type "group" and to its id',
    ]);
    expect(errors({ ...pin, pin: { ...pin.pin, expiration_days: 31 } })).toEqual([
      "pin.expiration_days out_of_range: must be between 1 and 30, got 31",
    ]);
    expect(errors({ ...pin, pin: { ...pin.pin, expiration_days: 1.5 } })).toEqual([
      "pin.expiration_days invalid_type: expected an integer (days), got 1.5",
    ]);
    expect(errors({ ...unpin, pin: { ...unpin.pin, expiration_days: 7 } })).toEqual([
      "pin.expiration_days unknown_field: only when type is pin",
    ]);
    expect(firstIssue(msg.toGroup("G1").pin("wamid.1", { days: 0 }).safeBuild())).toBe("pin.expiration_days out_of_range");
  });

  it("payments: review_and_pay and review_order with their parameters, an image header only", () => {
    const order = d.order_details;
    const withAction = (action: object) => ({ ...order, interactive: { ...order.interactive, action } });
    expect(errors(withAction({ name: "review_order", parameters: order.interactive.action.parameters }))).toEqual([
      'interactive.action.name invalid_value: expected one of review_and_pay, got "review_order"',
    ]);
    expect(errors(withAction({ name: "review_and_pay", parameters: {} }))).toEqual([
      "interactive.action.parameters too_few: must not be empty when present (omit it instead)",
    ]);
    expect(errors({ ...order, interactive: { ...order.interactive, header: { type: "text", text: "Order" } } })).toEqual([
      'interactive.header.type invalid_value: order_details headers are image; got "text"',
    ]);
    expect(errors({ ...d.order_status, interactive: { ...d.order_status.interactive, body: undefined } })).toEqual([
      "interactive.body required: is required",
    ]);
  });

  it("an mpm button's sections are a product list's: at most 10, 30 products in all, titled when more than one", () => {
    const mpm = (sections: object[]) =>
      msg
        .to("16505551234")
        .template("new_arrivals")
        .language("en_US")
        .mpmButton(0, { thumbnailProductRetailerId: "sku-1", sections: sections as never })
        .safeBuild();
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `sku-${i}`);
    expect(firstIssue(mpm([{ title: "A", productRetailerIds: ids(31) }]))).toBe(
      "template.components[0].parameters[0].action.sections too_many",
    );
    expect(firstIssue(mpm([{ productRetailerIds: ids(1) }, { productRetailerIds: ids(1) }]))).toBe(
      "template.components[0].parameters[0].action.sections[0].title required",
    );
    expect(mpm([{ productRetailerIds: ids(3) }]).ok).toBe(true);
  });

  it("message_activity_sharing belongs to the Marketing Messages API: a warning here", () => {
    expect(validate({ ...d["identity hash"], message_activity_sharing: true })).toEqual([
      {
        path: "message_activity_sharing",
        code: "unknown_field",
        severity: "warning",
        message:
          "not a field of the messages endpoint: it belongs to the Marketing Messages API (POST /{phone-number-id}/marketing_messages); leave it out",
      },
    ]);
  });
});

describe("the builders produce the documented bodies exactly", () => {
  const d = documented2026;
  const built = {
    "BSUID send": msg.toUser("US.13491208655302741918").text("Hi").build(),
    "phone and BSUID (to wins)": msg.toUser("US.13491208655302741918", { phone: "16505551234" }).text("Hi").build(),
    "group send": msg.toGroup("Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD").text("Hi all").build(),
    "media carousel (URL buttons)": msg
      .to("16505551234")
      .carousel("Latest arrivals")
      .card(
        { image },
        { body: "*Blue Echeveria*\n\nA rosette-shaped succulent.", button: { text: "Buy now", url: "https://shop.luckyshrub.com/p/1" } },
      )
      .card(
        { image },
        { body: "*Blue Echeveria*\n\nA rosette-shaped succulent.", button: { text: "Buy now", url: "https://shop.luckyshrub.com/p/1" } },
      )
      .build(),
    "media carousel (quick replies)": msg
      .to("16505551234")
      .carousel("Latest arrivals")
      .card({ image }, { body: "*Blue Echeveria*\n\nA rosette-shaped succulent.", quickReplies: [{ id: "more-1", title: "Tell me more" }] })
      .card({ image }, { body: "*Blue Echeveria*\n\nA rosette-shaped succulent.", quickReplies: [{ id: "more-1", title: "Tell me more" }] })
      .build(),
    "product carousel": msg
      .to("16505551234")
      .productCarousel("Latest arrivals", { catalogId: "CAT1", products: ["sku-0", "sku-1"] })
      .build(),
    voice_call: msg.to("16505551234").voiceCall("Talk to us", { text: "Call on WhatsApp", ttlMinutes: 100, payload: "x" }).build(),
    request_contact_info: msg.to("16505551234").requestContactInfo("Share your contact?").build(),
    "call permission request without a body": msg.to("16505551234").callPermissionRequest().build(),
    "voice note": msg.to("16505551234").audio({ id: "1013859600285441" }, { voice: true }).build(),
    "identity hash": msg.to("16505551234").text("Your code changed").identityKeyHash("DF2lS5v2W6x=").build(),
    pin: msg
      .toGroup("Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD")
      .pin("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", { days: 7 })
      .build(),
    unpin: msg
      .toGroup("Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD")
      .unpin("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA")
      .build(),
    "mpm template button": msg
      .to("16505551234")
      .template("new_arrivals")
      .language("en_US")
      .mpmButton(0, {
        thumbnailProductRetailerId: "sku-1",
        sections: [
          { title: "Succulents", productRetailerIds: ["sku-1", "sku-2"] },
          { title: "Cacti", productRetailerIds: ["sku-3"] },
        ],
      })
      .build(),
    "tap target template": msg
      .to("16505551234")
      .template("order_update")
      .language("en_US")
      .tapTarget({ url: "https://example.com/orders/42", title: "Your order" })
      .build(),
  };
  it("templates: a limited-time offer, a carousel and a voice_call button", () => {
    const offer = msg
      .to("16505551234")
      .template("holiday_offer")
      .language("en_US")
      .limitedTimeOffer(new Date(1698562800000))
      .copyCode(0, "CARIBE25")
      .urlButton(1, "n3mtql")
      .build();
    const numbered = structuredClone(d["limited-time offer template"]) as unknown as { template: { components: { index?: unknown }[] } };
    for (const component of numbered.template.components) if (component.index !== undefined) component.index = String(component.index); // the builder sends "0"
    expect(offer).toEqual(numbered);
    const carousel = msg
      .to("16505551234")
      .template("summer_carousel")
      .language("en_US")
      .body((p) => p.text("Ana"))
      .carousel((c) =>
        c
          .card((card) =>
            card
              .header((p) => p.image({ id: "24230790383178626" }))
              .quickReply(0, "more-0")
              .urlButton(1, "p/0"),
          )
          .card((card) =>
            card
              .header((p) => p.image({ id: "24230790383178626" }))
              .quickReply(0, "more-1")
              .urlButton(1, "p/1"),
          ),
      )
      .build();
    expect(carousel).toEqual(d["carousel template"]);
    const call = msg.to("16505551234").template("call_us").language("en_US").voiceCallButton({ ttlMinutes: 100, payload: "x" }).build();
    expect(call).toEqual(d["voice_call template button"]);
    for (const body of [offer, carousel, call]) expect(validate(body)).toEqual([]);
    // The quick test agrees, for a voice_call's payload as for its ttl_minutes (it once read only the first parameter).
    for (const body of [
      offer,
      carousel,
      call,
      {
        ...call,
        template: {
          ...call.template,
          components: [{ type: "button", sub_type: "voice_call", parameters: [{ type: "payload", payload: "x" }] }],
        },
      },
    ])
      expect(quickTest(body)).toBe(true);
    // Seconds where milliseconds are due: an error that says so.
    expect(firstIssue(msg.to("16505551234").template("x").language("en").limitedTimeOffer(1698562800).safeBuild())).toBe(
      "template.components[0].parameters[0].limited_time_offer.expiration_time_ms out_of_range",
    );
  });

  it("typed templates: a carousel's cards are values, as many as the template has", () => {
    const templates = defineTemplates({
      summer_carousel: {
        languages: ["en_US"],
        body: ["text"],
        carousel: { cards: 2, header: "image", buttons: { 0: "quick_reply", 1: "url" } },
      },
    });
    const card = (index: number) => ({ header: { id: "24230790383178626" }, buttons: { 0: `more-${index}`, 1: `p/${index}` } });
    const body = msg
      .with(templates)
      .to("16505551234")
      .template("summer_carousel", { body: ["Ana"], cards: [card(0), card(1)] })
      .build();
    expect(body).toEqual(d["carousel template"]);
    const untyped = msg.with(templates).to("16505551234") as unknown as {
      template(name: string, values: unknown): { safeBuild(): unknown };
    };
    expect(firstIssue(untyped.template("summer_carousel", { body: ["Ana"], cards: [card(0)] }).safeBuild())).toBe(
      "template.components.cards invalid_value",
    );
    expect(firstIssue(untyped.template("summer_carousel", { body: ["Ana"], cards: [card(0), { buttons: { 1: "p" } }] }).safeBuild())).toBe(
      "template.components.cards[1].header invalid_value",
    );
  });

  it("typed templates: a limited-time offer's expiry is one of its values", () => {
    const templates = defineTemplates({
      holiday_offer: { languages: ["en_US"], category: "MARKETING", buttons: { 0: "copy_code", 1: "url" }, limitedTimeOffer: true },
    });
    const body = msg
      .with(templates)
      .to("16505551234")
      .template("holiday_offer", { offerExpiresAt: new Date(1698562800000), buttons: { 0: "CARIBE25", 1: "n3mtql" } })
      .build();
    expect(body.template.components?.[0]).toEqual(d["limited-time offer template"].template.components[0]);
    const untyped = msg.with(templates).to("16505551234") as unknown as {
      template(name: string, values: unknown): { safeBuild(): unknown };
    };
    expect(firstIssue(untyped.template("holiday_offer", { buttons: { 0: "CARIBE25", 1: "n3mtql" } }).safeBuild())).toBe(
      "template.components.limited_time_offer invalid_value",
    );
  });

  it.each(Object.entries(built))("%s", (name, body) => {
    const expected: Record<string, unknown> = { ...d[name as keyof typeof d] };
    // The builders always write recipient_type; the documented BSUID send does too.
    expected.recipient_type ??= "individual";
    expect(body).toEqual(expected);
    expect(validate(body)).toEqual([]);
  });

  it("checks the same rules at runtime, for input the types cannot see", () => {
    const group = msg.toGroup("G1") as unknown as { buttons?: unknown; react?: unknown };
    expect(group.buttons).toBeUndefined(); // not offered to groups: a compile error, and not there at runtime either
    const ids = Array.from({ length: 11 }, (_, i) => `sku-${i}`) as string[];
    const eleven = msg.to("16505551234").productCarousel("Picks", { catalogId: "CAT1", products: ids });
    expect(firstIssue(eleven.safeBuild())).toBe("interactive.action.cards too_many");
    let carousel = msg.to("16505551234").carousel("Picks") as unknown as {
      card(h: unknown, o: unknown): typeof carousel;
      safeBuild(): unknown;
    };
    for (let i = 0; i < 11; i++) carousel = carousel.card({ image }, { button: { text: "Buy", url: "https://x.io" } });
    expect(firstIssue(carousel.safeBuild())).toBe("interactive.action.cards too_many");
    const bsuid: string = "13491208655302741918";
    expect(firstIssue(msg.toUser(bsuid).text("Hi").safeBuild())).toBe("recipient invalid_format");
    const templates = defineTemplates({
      login_code: { languages: ["en_US"], category: "AUTHENTICATION", body: ["text"], buttons: { 0: "url" } },
      order_update: { languages: ["en_US"], category: "UTILITY", body: ["text"] },
    });
    const auth = msg.with(templates).toUser("US.1" as string) as unknown as {
      template(name: string, values: unknown): { safeBuild(): unknown };
    };
    expect(firstIssue(auth.template("login_code", { body: ["123456"], buttons: { 0: "123456" } }).safeBuild())).toBe(
      `${"template.name"} ${"invalid_value"}`,
    );
    expect(
      msg
        .with(templates)
        .toUser("US.1", { phone: "16505551234" })
        .template("login_code", { body: ["123456"], buttons: { 0: "123456" } })
        .safeBuild().ok,
    ).toBe(true);
    expect(
      msg
        .with(templates)
        .toUser("US.1")
        .template("order_update", { body: ["Ana"] })
        .safeBuild().ok,
    ).toBe(true);
  });
});
