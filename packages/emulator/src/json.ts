/** Reading request bodies the emulator did not write: any JSON, read without throwing. */
export type Json = Readonly<Record<string, unknown>>;

/** `value` when it is an object, else an empty one. */
export const object = (value: unknown): Json => (typeof value === "object" && value !== null ? (value as Json) : {});

/** `value` when it is an array, else an empty one. */
export const list = (value: unknown): readonly Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/**
 * How deep a JSON text nests (`{}` and `[]`), read in one pass without parsing: brackets inside
 * strings do not count. A text that is not JSON gets some number; parsing it fails anyway.
 */
export function nestingOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
