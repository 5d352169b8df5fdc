import { describe } from "./shape.js";

/** Characters of a string quoted in an issue's message. */
const quoted = 64;

/**
 * What came, for an issue's message: a string quoted by at most its first 64 characters (and its
 * length), a number, boolean or null as written, anything else by its JSON type. Never a walk
 * through the value: a member 100,000 arrays deep or 3 MB long must not throw nor fill the message.
 */
export function quote(value: unknown): string {
  if (typeof value === "string")
    return value.length > quoted ? `${JSON.stringify(value.slice(0, quoted))}… (${value.length} characters)` : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return value === undefined ? "nothing" : describe(value);
}
