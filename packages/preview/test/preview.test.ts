import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import { formatText, renderBubble, renderPreview } from "../src/index.js";

/** What every hand-written body below starts with: the product and the recipient. */
const envelope = { messaging_product: "whatsapp", to: "16505551234" };

describe("renderPreview", () => {
  it("draws a self-contained page with WhatsApp formatting", () => {
    const html = renderPreview(
      msg.to("16505551234").text("*Hi* _there_ ~old~ ```code``` https://example.com", { previewUrl: true }).build(),
    );
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html).toContain("<strong>Hi</strong> <em>there</em> <s>old</s> <code>code</code>");
    expect(html).toContain('<div class="wa-link">🔗 https://example.com</div>');
  });

  it("escapes every piece of message text (no HTML or script injection)", () => {
    const evil = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;
    // Raw bodies: some of these texts are over the API's limits, and previews draw invalid bodies too.
    const bodies = [
      { ...envelope, type: "text", text: { body: evil } },
      {
        ...envelope,
        type: "interactive",
        interactive: {
          type: "button",
          header: { type: "text", text: evil },
          body: { text: evil },
          action: { buttons: [{ type: "reply", reply: { id: "a", title: evil } }] },
        },
      },
      {
        ...envelope,
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: "b" },
          action: { button: "View", sections: [{ title: evil, rows: [{ id: "1", title: evil, description: evil }] }] },
        },
      },
      { ...envelope, type: "contacts", contacts: [{ name: { formatted_name: evil, first_name: "x" }, phones: [{ phone: evil }] }] },
    ];
    for (const body of bodies) {
      const html = renderBubble(body);
      expect(html).not.toMatch(/<script|<img/);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    }
    expect(formatText("*<b>*")).toBe("<strong>&lt;b&gt;</strong>");
  });

  it("draws reply buttons, list sheets, reply context and templates filled from their text", () => {
    expect(renderBubble(msg.to("1650555123").buttons("Pick").reply("am", "Morning").replyTo("wamid.1").build())).toMatch(
      /data-kind="button"><div class="wa-quote">↩ reply to wamid\.1<\/div>.*↩ Morning/,
    );
    const list = renderBubble(
      msg
        .to("1650555123")
        .list("Menu", "View")
        .section("Mains", (s) => s.row("1", "Burger", "With fries"))
        .build(),
    );
    expect(list).toContain('<div class="wa-section">Mains</div><div class="wa-row">Burger<small>With fries</small></div>');
    const template = msg
      .to("1650555123")
      .template("order_update")
      .language("en")
      .body((p) => p.text("Ana").currency({ fallback: "$5", code: "USD", amount1000: 5000 }))
      .build();
    expect(renderBubble(template, { templates: { order_update: { body: "Hi {{1}}, you owe {{2}}." } } })).toContain("Hi Ana, you owe $5.");
    expect(renderBubble(template)).toContain("{{1}} = Ana");
  });

  it("shows the issues of an invalid body", () => {
    const html = renderBubble({ ...envelope, type: "text", text: { body: "" } });
    expect(html).toContain('class="wa-bubble wa-invalid"');
    expect(html).toContain("<li>text.body: must not be empty</li>");
  });
});

describe("kinds added since v23", () => {
  const image = { link: "https://example.com/a.jpg" };
  it("draws a carousel as a row of cards, a voice note, a call button and a contact-info request", () => {
    const carousel = msg
      .to("16505551234")
      .carousel("Latest arrivals")
      .card({ image }, { body: "Blue Echeveria", button: { text: "Buy now", url: "https://example.com/a" } })
      .card({ image }, { body: "Zebra Haworthia", button: { text: "Buy now", url: "https://example.com/b" } })
      .build();
    const html = renderBubble(carousel);
    expect(html).toContain('data-kind="carousel"');
    expect(html.match(/class="wa-card"/g)).toHaveLength(2);
    expect(html).toContain("↗ Buy now");
    const replies = { quickReplies: [{ id: "z", title: "Tell me more" }] };
    const quick = msg.to("16505551234").carousel("More").card({ image }, replies).card({ image }, replies).build();
    expect(renderBubble(quick)).toContain("↩ Tell me more");
    expect(renderBubble(msg.to("16505551234").audio({ id: "1" }, { voice: true }).build())).toContain("🎤 voice note");
    expect(renderBubble(msg.to("16505551234").voiceCall("Call us", { text: "Call on WhatsApp" }).build())).toContain("📞 Call on WhatsApp");
    expect(renderBubble(msg.to("16505551234").requestContactInfo("Your number?").build())).toContain("Share contact info");
  });

  it("draws a group's pin and a payment's order, valid as they are", () => {
    const pin = renderBubble(msg.toGroup("G1").pin("wamid.1", { days: 7 }).build());
    expect(pin).toContain('data-kind="pin"');
    expect(pin).toContain("📌 pinned wamid.1 for 7 days");
    expect(renderBubble(msg.toGroup("G1").unpin("wamid.1").build())).toContain("📌 unpinned wamid.1");
    const order = renderBubble({
      ...envelope,
      type: "interactive",
      interactive: {
        type: "order_details",
        body: { text: "Your cake" },
        action: { name: "review_and_pay", parameters: { reference_id: "r1" } },
      },
    });
    expect(order).toContain('data-kind="order_details"');
    expect(order).toContain("💳 Review and pay");
    expect(order).not.toContain("wa-invalid");
  });

  it("draws a template's limited-time offer and its carousel cards", () => {
    const body = msg
      .to("16505551234")
      .template("offer")
      .language("en_US")
      .limitedTimeOffer(1698562800000)
      .carousel((cards) =>
        cards.card((card) => card.header((p) => p.image({ id: "img-0" }))).card((card) => card.header((p) => p.image({ id: "img-1" }))),
      )
      .build();
    const html = renderBubble(body);
    expect(html).toContain("⏳ offer ends 2023-10-29 07:00 UTC");
    expect(html).toContain("media id img-1");
    expect(html.match(/class="wa-card"/g)).toHaveLength(2);
  });
});
