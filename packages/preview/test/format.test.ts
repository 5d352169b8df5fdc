import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { escapeHtml, formatText } from "../src/index.js";

// WhatsApp's formatting, marker by marker: where a marker opens and closes (a word boundary on
// each side, no space just inside the opening one, one line only), and that text is escaped first.

describe("formatText", () => {
  it.each([
    ["*bold*", "<strong>bold</strong>"],
    ["say *bold* now", "say <strong>bold</strong> now"],
    ["(*bold*)", "(<strong>bold</strong>)"],
    [
      "*a*. *b*, *c*! *d*? *e*: *f*;",
      "<strong>a</strong>. <strong>b</strong>, <strong>c</strong>! <strong>d</strong>? <strong>e</strong>: <strong>f</strong>;",
    ],
    ["_it_ and ~gone~", "<em>it</em> and <s>gone</s>"],
    ["say _it_", "say <em>it</em>"],
    ["~gone~ now", "<s>gone</s> now"],
    ["(_it_) (~gone~)", "(<em>it</em>) (<s>gone</s>)"],
    ["_a_. ~b~!", "<em>a</em>. <s>b</s>!"],
    ["```x = *y*```", "<code>x = *y*</code>"], // no formatting inside code
    ["```two\nlines```", "<code>two<br>lines</code>"],
  ])("formats %j", (text, html) => {
    expect(formatText(text)).toBe(html);
  });

  it.each([
    ["a*b*c", "inside a word"],
    ["* spaced*", "a space just inside the opening marker"],
    ["*two\nlines*", "across a line break"],
    ["x_y_z", "inside a word (italic)"],
    ["x~y~z", "inside a word (strike)"],
    ["_ spaced_", "a space after the opening underscore"],
    ["~ spaced~", "a space after the opening tilde"],
    ["_two\nlines_", "italic across a line break"],
    ["~two\nlines~", "strike across a line break"],
    ["*a*b", "a letter right after the closing marker"],
    ["_a_b", "a letter right after the closing underscore"],
    ["~a~b", "a letter right after the closing tilde"],
    ["``` ```x", "three backticks, one space, three backticks: code of a space"],
  ])("leaves %j alone (%s), apart from line breaks", (text) => {
    const html = formatText(text);
    if (text.startsWith("```")) expect(html).toBe("<code> </code>x");
    else expect(html).toBe(text.replace(/\n/g, "<br>"));
  });

  it("escapes every HTML-special character, and reads null and undefined as empty", () => {
    expect(formatText(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
    expect(formatText("a & b < c > d \" e ' f")).toBe("a &amp; b &lt; c &gt; d &quot; e &#39; f");
    expect(formatText(null)).toBe("");
    expect(formatText(undefined)).toBe("");
    expect(formatText(0)).toBe("0");
    expect(formatText("one\ntwo\nthree")).toBe("one<br>two<br>three");
  });

  it.each([
    ["```x *a```b*", "<code>x *a</code>b*"],
    ["*a _b* c_", "<strong>a _b</strong> c_"],
    ["_a ```b_ c```", "_a <code>b_ c</code>"],
    ["~a *b~ c*", "~a <strong>b~ c</strong>"],
    ["*a _b_ c*", "<strong>a <em>b</em> c</strong>"],
  ])("never lets two spans cross: %j", (text, html) => {
    expect(formatText(text)).toBe(html);
  });

  it("draws only whole, properly nested tags, whatever the markers (property)", () => {
    const tags = /<(\/?)(code|strong|em|s|br)>/g;
    fc.assert(
      fc.property(fc.array(fc.constantFrom("*", "_", "~", "```", "`", " ", "(", ".", "a", "b", "\n", "<"), { maxLength: 40 }), (parts) => {
        const html = formatText(parts.join(""));
        const open: string[] = [];
        for (const [, closing, name] of html.matchAll(tags)) {
          if (name === "br") continue;
          if (closing === "") open.push(name as string);
          else expect(open.pop()).toBe(name);
        }
        expect(open).toEqual([]);
        expect(html.replace(tags, "")).not.toMatch(/[<>]/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("bidirectional controls", () => {
  const rlo = "\u202e";
  const pdf = "\u202c";
  const rli = "\u2067";
  const pdi = "\u2069";

  it.each([
    [`a${rlo}b`, `a${rlo}b${pdf}`],
    [`${rlo}${rlo}x`, `${rlo}${rlo}x${pdf}${pdf}`],
    [`${rlo}x${pdf}`, `${rlo}x${pdf}`],
    [`${rli}x`, `${rli}x${pdi}`],
    [`${rli}${rlo}x${pdi}`, `${rli}${rlo}x${pdi}`], // the PDI closes the isolate and the override inside it
    [`${rli}${rlo}x`, `${rli}${rlo}x${pdf}${pdi}`],
    [`${rli}x${pdf}`, `${rli}x${pdf}${pdi}`], // a PDF does not close an isolate
    [`x${pdf}${pdi}`, `x${pdf}${pdi}`], // closers with nothing open are left alone
  ])("each one a field opens is closed at its end: %j", (text, closed) => {
    expect(escapeHtml(text)).toBe(closed);
  });

  it("text without them is unchanged", () => {
    expect(escapeHtml("عربي and English")).toBe("عربي and English");
  });
});
