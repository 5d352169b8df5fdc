import type { JsonSchema } from "./rule.js";

// Patterns for the generated JSON Schema, shared by the schema writer (json-schema.ts) and the
// refinements that carry their own schema (template.ts).

/** JSON Schema patterns take no flags: `/x/i` becomes `[xX]`, outside character classes. */
export function patternOf(pattern: RegExp): string {
  if (!pattern.flags.includes("i")) return pattern.source;
  let out = "";
  let inClass = false;
  const source = pattern.source;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === "\\") {
      out += char + (source[++i] ?? "");
      continue;
    }
    if (char === "[") inClass = true;
    else if (char === "]") inClass = false;
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    out += !inClass && lower !== upper ? `[${lower}${upper}]` : char;
  }
  return out;
}

export const anyCasePattern = (values: readonly string[]): string =>
  `^(?:${values.map((value) => patternOf(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"))).join("|")})$`;

/** A string equal to `value` in any case: the table's `anyCase` tags (a warning in validate(), accepted). */
export const anyCaseString = (value: string): JsonSchema => ({ type: "string", pattern: anyCasePattern([value]) });
