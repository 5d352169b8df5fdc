import { describe, expect, it } from "@jest/globals";
import { msg } from "../src/index.js";

describe("immutable builders", () => {
  it("returns a new builder from every step and leaves the old one unchanged", () => {
    const base = msg.to("16505551234").text("Your order shipped");
    const reply = base.replyTo("wamid.1");
    const tracked = reply.callbackData("order-42");
    expect(base.build()).not.toHaveProperty("context");
    expect(reply.build()).not.toHaveProperty("biz_opaque_callback_data");
    expect(tracked.build()).toMatchObject({ context: { message_id: "wamid.1" }, biz_opaque_callback_data: "order-42" });
  });

  it("keeps state private and builds fresh bodies that share nothing with the builder", () => {
    const builder = msg.to("16505551234").contacts((c) => c.contact((p) => p.name({ formattedName: "A", firstName: "A" }).phone("1")));
    expect(Object.keys(builder)).toEqual([]); // state lives in private fields only
    const first = builder.build() as unknown as { contacts: { phones: { phone: string }[] }[] };
    const phones = first.contacts[0]?.phones ?? [];
    phones[0] = { phone: "changed" };
    phones.push({ phone: "added" });
    expect(builder.build().contacts[0]?.phones).toEqual([{ phone: "1" }]);
    expect(builder.build()).not.toBe(builder.build());
  });

  it("is not affected by later changes to the caller's input objects", () => {
    const media = { link: "https://example.com/a.png" };
    const image = msg.to("16505551234").image(media);
    media.link = "https://example.com/changed.png";
    expect(image.build().image).toEqual({ link: "https://example.com/a.png" });
  });

  it("reads a carousel card's URL or Date (a toJSON) at .card(): changing it later does not change the built card", () => {
    const link = new URL("https://example.com/a.jpg");
    const buy = new URL("https://example.com/buy");
    const launch = new Date(Date.UTC(2026, 0, 1));
    const carousel = msg
      .to("16505551234")
      .carousel("Latest")
      .card({ image: { link: link as never } }, { body: launch as never, button: { text: "Buy", url: buy as never } })
      .card({ image: { link: "https://example.com/b.jpg" } }, { body: "B", button: { text: "Buy", url: "https://example.com/b" } });
    const sent = JSON.stringify(carousel.build());
    link.pathname = "/changed.jpg";
    buy.pathname = "/changed";
    launch.setUTCFullYear(2030);
    expect(JSON.stringify(carousel.build())).toBe(sent);
    expect(carousel.build().interactive.action.cards[0]).toMatchObject({
      header: { image: { link: "https://example.com/a.jpg" } },
      body: { text: "2026-01-01T00:00:00.000Z" },
      action: { parameters: { url: "https://example.com/buy" } },
    });
  });

  it("calls a carousel card's toJSON once, at .card(), with the key it is sent under (as JSON.stringify does)", () => {
    const keys: string[] = [];
    const said = (text: string) => ({
      toJSON: (key: string) => {
        keys.push(key);
        return text;
      },
    });
    const title = said("Yes");
    const video = { link: said("https://example.com/a.mp4") };
    const carousel = msg
      .to("16505551234")
      .carousel("Latest")
      .card({ video: video as never }, { body: said("A") as never, quickReplies: [{ id: said("y") as never, title: title as never }] })
      .card({ video: { link: "https://example.com/b.mp4" } }, { body: "B", quickReplies: [{ id: "n", title: "No" }] });
    expect(keys).toEqual(["link", "text", "id", "title"]);
    title.toJSON = () => "Changed";
    video.link = said("https://example.com/changed.mp4");
    expect(carousel.build().interactive.action.cards[0]).toMatchObject({
      header: { video: { link: "https://example.com/a.mp4" } },
      body: { text: "A" },
      action: { buttons: [{ quick_reply: { id: "y", title: "Yes" } }] },
    });
    expect(keys).toEqual(["link", "text", "id", "title"]);
  });

  it("keeps a carousel header's own __proto__ key a field (as { ...media } did), never the copy's prototype", () => {
    const image = JSON.parse('{"link":"https://example.com/a.jpg","__proto__":{"polluted":true}}') as { link: string };
    const carousel = msg
      .to("16505551234")
      .carousel("Latest")
      .card({ image }, { body: "A", button: { text: "Buy", url: "https://example.com/a" } })
      .card({ image: { link: "https://example.com/b.jpg" } }, { body: "B", button: { text: "Buy", url: "https://example.com/b" } });
    const result = carousel.safeBuild();
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((issue) => issue.path);
    expect(paths).toContain("interactive.action.cards[0].header.image.__proto__");
    expect(paths.filter((path) => path.endsWith("polluted"))).toEqual([]);
  });

  it("serialises with JSON.stringify through toJSON()", () => {
    const builder = msg.to("16505551234").text("hi");
    expect(JSON.parse(JSON.stringify(builder))).toEqual(builder.build());
    expect(() => JSON.stringify(msg.to("x").text("hi"))).toThrow("to: expected a phone number");
  });
});
