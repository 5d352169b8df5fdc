/**
 * C0 and C1 controls (newline, carriage return, ESC for terminal codes), the two Unicode line separators, and the
 * bidirectional marks, embeddings, overrides and isolates: a right-to-left override in a value would show the rest of
 * the line reversed, so that "detpecca 002" sent in a rejected body reads "200 accepted".
 */
const breaksALine = (code: number): boolean =>
  code < 0x20 ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x061c ||
  code === 0x200e ||
  code === 0x200f ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

/**
 * Text from a request made fit for one log line: control, line-separator and bidirectional characters escaped
 * (`\u000A`), so a value sent in a body cannot start a forged line of its own, reorder this one, or drive the
 * terminal; and at most `max` characters, the rest counted, so a huge bad body cannot make a huge line.
 */
export function logText(text: string, max: number): string {
  let end = Math.min(text.length, max);
  const high = text.charCodeAt(end - 1);
  if (end < text.length && high >= 0xd800 && high <= 0xdbff) end--; // never half of a surrogate pair
  let shown = "";
  for (let at = 0; at < end; at++) {
    const code = text.charCodeAt(at);
    shown += breaksALine(code) ? `\\u${code.toString(16).toUpperCase().padStart(4, "0")}` : text[at];
  }
  return end === text.length ? shown : `${shown}… (${text.length - end} more characters)`;
}
