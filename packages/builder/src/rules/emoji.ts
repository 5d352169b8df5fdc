import { kindOf, show } from "./report.js";
import type { CustomRule } from "./rule.js";

// One emoji = one grapheme cluster that is pictographic, a flag (two regional indicators)
// or a keycap. Grapheme segmentation keeps skin tones, ZWJ families, flags and
// variation selectors together, which code-point or regex-only checks get wrong.
const pictographic = /\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|\u20E3|\p{Emoji_Modifier}/u;
let segmenter: Intl.Segmenter | undefined;

/** True when `text` is exactly one emoji. */
export function isSingleEmoji(text: string): boolean {
  if (text.length === 0 || text.length > 64 || !pictographic.test(text)) return false;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const segments = segmenter.segment(text)[Symbol.iterator]();
  const first = segments.next();
  return !first.done && first.value.segment.length === text.length;
}

/** Exactly one emoji (a grapheme: skin tones, flags, ZWJ sequences), or "" to remove a reaction. */
export const singleEmoji: CustomRule = {
  kind: "custom",
  passes: (value) => typeof value === "string" && (value === "" || isSingleEmoji(value)),
  explain(value, report, key) {
    if (typeof value !== "string") report.add(key, "invalid_type", `expected a string, got ${kindOf(value)}`);
    else if (value !== "" && !isSingleEmoji(value))
      report.add(key, "invalid_value", `expected exactly one emoji, got ${show(value)}`, undefined, value);
  },
};
