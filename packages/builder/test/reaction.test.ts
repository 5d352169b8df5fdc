import { describe, expect, it } from "@jest/globals";
import { msg } from "../src/index.js";
import { issuesOf } from "./helpers.js";

const to = "16505551234";
const wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA";

describe("reaction", () => {
  it("builds the documented body", () => {
    expect(msg.to(to).react(wamid, "\uD83D\uDE00").build()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "reaction",
      reaction: { message_id: wamid, emoji: "😀" },
    });
  });

  it.each([
    ["plain", "👍"],
    ["skin tone", "👍🏽"],
    ["flag", "🇩🇪"],
    ["ZWJ family", "👨‍👩‍👧"],
    ["ZWJ profession with tone", "👩🏾‍🚀"],
    ["variation selector", "❤️"],
    ["text-style heart", "❤"],
    ["keycap", "1️⃣"],
    ["rainbow flag", "🏳️‍🌈"],
  ])("accepts one emoji: %s", (_, emoji) => {
    expect(issuesOf(msg.to(to).react(wamid, emoji))).toEqual([]);
  });

  it("accepts an empty string, which removes the reaction", () => {
    expect(issuesOf(msg.to(to).react(wamid, ""))).toEqual([]);
  });

  it.each([
    ["two emoji", "👍👍"],
    ["letter", "a"],
    ["emoji and text", "👍 ok"],
    ["digit", "1"],
    ["space", " "],
  ])("rejects %s", (_, emoji) => {
    expect(issuesOf(msg.to(to).react(wamid, emoji))).toEqual(["reaction.emoji invalid_value"]);
  });

  it("requires a message id", () => {
    expect(issuesOf(msg.to(to).react("", "👍"))).toEqual(["reaction.message_id too_short"]);
  });
});
