import { describe, expect, it } from "@jest/globals";
import { unmatchedStatusNote } from "../src/status-note.js";

describe("unmatchedStatusNote", () => {
  it("names each status given that no template has, and the statuses read; nothing when every one matched", () => {
    const read = [{ status: "APPROVED" }, { status: "paused" }, { status: 7 }, null, "x", {}];
    expect(unmatchedStatusNote("templates", ["APPROVED", "PAUSED", "ANY"], read)).toBeUndefined();
    expect(unmatchedStatusNote("templates", ["APROVED", "PAUSED", "REJECTED"], read)).toBe(
      "templates: no template has status APROVED, REJECTED (the 6 read have: APPROVED, PAUSED); --status any keeps every one",
    );
    expect(unmatchedStatusNote("templates pull", ["APPROVED"], [])).toBe(
      "templates pull: no template has status APPROVED (the 0 read have: none); --status any keeps every one",
    );
  });

  it("prints control characters from the arguments or the file as escapes", () => {
    expect(unmatchedStatusNote("templates", ["\u001b]0;X\u0007"], [{ status: "A\u001b[2J" }])).toBe(
      "templates: no template has status \\u001b]0;X\\u0007 (the 1 read have: A\\u001b[2J); --status any keeps every one",
    );
  });
});
