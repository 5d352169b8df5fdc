/** Texts up to this length are keys as they are (keys stored before the bound still match). */
const longest = 200;
/** How much of a long text its key keeps, so a log line still says what the event was. */
const shown = 48;

// Four lanes, each a murmur3-style 32-bit mix with its own seed and multiplier: 128 bits in all.
const seeds: readonly [number, number, number, number] = [0x811c9dc5, 0x9747b28c, 0x2545f491, 0x6c078965];
const multipliers: readonly [number, number, number, number] = [0x01000193, 0xcc9e2d51, 0x1b873593, 0x85ebca6b];

/** murmur3's finaliser: every input bit reaches every output bit. */
function avalanche(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A 128-bit digest of a text's UTF-16 code units, as 32 hex digits. Synchronous and without
 * node:crypto (eventKey is synchronous and runs on every runtime). NOT cryptographic: someone who
 * can choose bodies could build a collision, but a body counts only with Meta's signature, made
 * with the app secret, so only Meta (or a holder of the secret) could.
 */
function digest128(text: string): string {
  let a = seeds[0];
  let b = seeds[1];
  let c = seeds[2];
  let d = seeds[3];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, multipliers[0]);
    b = Math.imul(((b ^ unit) << 15) | ((b ^ unit) >>> 17), multipliers[1]);
    c = Math.imul(c ^ Math.imul(unit, 0x9e3779b1), multipliers[2]);
    d = (Math.imul(((d << 13) | (d >>> 19)) ^ unit, multipliers[3]) + i) | 0;
  }
  const length = text.length;
  return [a ^ seeds[0], b ^ seeds[1], c ^ seeds[2], d ^ seeds[3]]
    .map((lane) =>
      avalanche(lane ^ length)
        .toString(16)
        .padStart(8, "0"),
    )
    .join("");
}

/**
 * The part of a dedupe key that stands for a content text: the text itself when it is short, else
 * `#<length>:<128-bit digest>:<first characters>`, so a history chunk of 20,000 messages (millions of
 * characters) gives a key of under 100 that a store keeps for days. A JSON text never starts with
 * `#`, so a long text's form never equals a short text.
 */
export function boundedKey(text: string): string {
  if (text.length <= longest) return text;
  return `#${text.length}:${digest128(text)}:${text.slice(0, shown)}`;
}
