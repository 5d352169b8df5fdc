import { describe, expect, it } from "@jest/globals";
import { audioTo, documentTo, imageTo, limits, locationTo, markRead, msg, reactionTo, stickerTo, textTo, videoTo } from "../src/index.js";

// The per-kind functions are the fluent chain's builders reached without `msg`: same bodies,
// same checks, same errors.
const to = "+16505551234";
const wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjY1MDM4NEI5Q0YA";
const media = { link: "https://example.com/a.jpg" };

describe("per-kind functions", () => {
  it("build what msg.to(n) builds, with the envelope's steps", () => {
    const pairs = [
      [textTo(to, "Shipped", { previewUrl: true }), msg.to(to).text("Shipped", { previewUrl: true })],
      [imageTo(to, media, { caption: "Receipt" }), msg.to(to).image(media, { caption: "Receipt" })],
      [videoTo(to, media), msg.to(to).video(media)],
      [
        documentTo(to, media, { caption: "Invoice", filename: "a.pdf" }),
        msg.to(to).document(media, { caption: "Invoice", filename: "a.pdf" }),
      ],
      [audioTo(to, { id: "1013859600285441" }, { voice: true }), msg.to(to).audio({ id: "1013859600285441" }, { voice: true })],
      [stickerTo(to, { id: "1" }), msg.to(to).sticker({ id: "1" })],
      [reactionTo(to, wamid, "👍"), msg.to(to).react(wamid, "👍")],
      [
        locationTo(to, { latitude: 37.48, longitude: -122.15, name: "HQ" }),
        msg.to(to).location({ latitude: 37.48, longitude: -122.15, name: "HQ" }),
      ],
    ] as const;
    for (const [alone, fluent] of pairs) {
      expect(alone.build()).toEqual(fluent.build());
      expect(alone.replyTo(wamid).callbackData("x").build()).toEqual(fluent.replyTo(wamid).callbackData("x").build());
    }
    expect(markRead(wamid).typing().build()).toEqual(msg.markRead(wamid).typing().build());
  });

  it("check the same rules at build, naming path, limit and actual value", () => {
    const long: string = "a".repeat(limits.text.body.max + 1);
    expect(textTo(to, long).safeBuild()).toEqual(msg.to(to).text(long).safeBuild());
    expect(textTo(to, long).safeBuild()).toMatchObject({ ok: false, issues: [{ path: "text.body", limit: 4096, actual: 4097 }] });
    const formatted: string = "(650) 555-1234";
    expect(textTo(formatted, "hi").safeBuild()).toMatchObject({ ok: false, issues: [{ path: "to", code: "invalid_format" }] });
    expect(reactionTo(to, wamid, "👍👍").safeBuild()).toMatchObject({ ok: false, issues: [{ path: "reaction.emoji" }] });
    const both = JSON.parse('{ "id": "1", "link": "https://example.com/a.jpg" }'); // a JavaScript caller's
    expect(imageTo(to, both).safeBuild().ok).toBe(false);
    expect(() => markRead("x".repeat(200)).build()).toThrow(/message_id/);
  });

  it("are named after themselves, as the kinds on a recipient are (what stack traces and .name read)", () => {
    const named = { textTo, imageTo, videoTo, documentTo, audioTo, stickerTo, reactionTo, locationTo, markRead };
    for (const [name, fn] of Object.entries(named)) expect({ name, actual: fn.name }).toEqual({ name, actual: name });
    expect([imageTo.length, videoTo.length]).toEqual([3, 3]);
    const recipient = msg.to(to);
    for (const kind of ["text", "image", "video", "document", "audio", "sticker"] as const)
      expect({ kind, actual: recipient[kind].name }).toEqual({ kind, actual: kind });
    let stack = "";
    try {
      imageTo(to, media, JSON.parse('"caption as a string"'));
    } catch (error) {
      stack = String((error as Error).stack);
    }
    expect(stack).toMatch(/\bat (\S+\.)?image \(/);
    expect(stack).toMatch(/\bat imageTo \(/);
  });
});
