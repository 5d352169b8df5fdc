import { describe, expect, it } from "@jest/globals";
import { type MediaSource, msg, validate } from "../src/index.js";
import { issuesOf } from "./helpers.js";

const to = "16505551234";
const link = "https://example.com/receipt.png";

describe("media", () => {
  it("builds image, video, document, audio and sticker bodies", () => {
    expect(msg.to(to).image({ link }, { caption: "Receipt" }).build().image).toEqual({ link, caption: "Receipt" });
    expect(msg.to(to).video({ id: "1234" }).build().video).toEqual({ id: "1234" });
    expect(msg.to(to).document({ link }, { caption: "Invoice", filename: "invoice.pdf" }).build().document).toEqual({
      link,
      caption: "Invoice",
      filename: "invoice.pdf",
    });
    expect(msg.to(to).audio({ id: "55" }).build()).toMatchObject({ type: "audio", audio: { id: "55" } });
    expect(msg.to(to).sticker({ link: "http://example.com/s.webp" }).build().sticker).toEqual({ link: "http://example.com/s.webp" });
  });

  it("rejects both id and link (non-literal input)", () => {
    const both = JSON.parse(`{"id":"1","link":"${link}"}`) as MediaSource;
    expect(issuesOf(msg.to(to).image(both))).toEqual(["image conflict"]);
  });

  it("rejects neither id nor link", () => {
    const neither = JSON.parse("{}") as MediaSource;
    expect(issuesOf(msg.to(to).video(neither))).toEqual(["video required"]);
  });

  it.each(["ftp://example.com/a.png", "example.com/a.png", "https://", "javascript:alert(1)", "https://exa mple.com"])(
    "rejects the link %j",
    (bad) => {
      expect(issuesOf(msg.to(to).image({ link: bad }))).toEqual(["image.link invalid_format"]);
    },
  );

  it("rejects a caption on audio and sticker, and a filename outside documents", () => {
    const base = { messaging_product: "whatsapp", to };
    const at = (body: object) => validate({ ...base, ...body }).map((i) => `${i.path}: ${i.message}`);
    expect(at({ type: "audio", audio: { id: "1", caption: "x" } })).toEqual(["audio.caption: not allowed on audio messages"]);
    expect(at({ type: "sticker", sticker: { id: "1", caption: "x" } })).toEqual(["sticker.caption: not allowed on sticker messages"]);
    expect(at({ type: "image", image: { id: "1", filename: "a.png" } })).toEqual(["image.filename: not allowed on image messages"]);
    expect(at({ type: "image", image: { id: "1", provider: "x" } })).toEqual(["image.provider: not a field of a media object"]);
  });

  it("limits captions to 1024 characters", () => {
    const caption: string = "c".repeat(1025);
    expect(issuesOf(msg.to(to).image({ link }, { caption }))).toEqual(["image.caption too_long"]);
    expect(issuesOf(msg.to(to).document({ link }, { caption: "c".repeat(1024) }))).toEqual([]);
  });
});
