import { describe, expect, it } from "@jest/globals";
import { limits, msg, PayloadError, validate } from "../src/index.js";

const to = "+16505551234";

describe("text", () => {
  it("builds the documented body", () => {
    expect(msg.to(to).text("Hello", { previewUrl: false }).build()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "text",
      text: { body: "Hello", preview_url: false },
    });
  });

  it("omits preview_url unless asked", () => {
    expect(msg.to(to).text("Hi").build().text).toEqual({ body: "Hi" });
  });

  it("accepts exactly 4096 characters and rejects 4097 with path, limit and actual", () => {
    const body: string = "a".repeat(limits.text.body.max + 1);
    expect(msg.to(to).text("a".repeat(4096)).safeBuild().ok).toBe(true);
    const result = msg.to(to).text(body).safeBuild();
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: "text.body", code: "too_long", severity: "error", message: "at most 4096 characters, got 4097", limit: 4096, actual: 4097 },
      ],
    });
    expect(() => msg.to(to).text(body).build()).toThrow("text.body: at most 4096 characters, got 4097");
  });

  it("counts UTF-16 code units, like String.length", () => {
    const emoji = "😀".repeat(2048); // 4096 code units
    expect(msg.to(to).text(emoji).safeBuild().ok).toBe(true);
    expect(msg.to(to).text(`${emoji}a`).safeBuild().ok).toBe(false);
  });

  it("rejects an empty body and a non-boolean preview_url", () => {
    const issues = validate({ messaging_product: "whatsapp", to, type: "text", text: { body: "", preview_url: "yes" } });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["text.body", "too_short"],
      ["text.preview_url", "invalid_type"],
    ]);
  });

  it("throws a PayloadError that lists every issue", () => {
    try {
      const notANumber: string = "not a number"; // a literal would be a compile error
      msg.to(notANumber).text("").build();
      throw new Error("expected build() to throw");
    } catch (error) {
      expect(error).toBeInstanceOf(PayloadError);
      expect((error as PayloadError).issues.map((i) => i.path)).toEqual(["text.body", "to"]);
      expect((error as PayloadError).message).toContain("2 issues");
    }
  });
});
