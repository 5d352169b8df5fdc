/** Keys whose values are the user's own names (field names, payload keys), never renamed. */
const verbatim = new Set(["payload", "init-values", "error-messages", "cases", "__example__"]);

/** `helperText` → `helper-text`: the builder takes camelCase options, Flow JSON spells them in kebab-case. */
const kebab = (key: string): string => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Options as Flow JSON spells them; `undefined` entries are dropped (as JSON.stringify would). */
export function toWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWire);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined) continue;
    const name = kebab(key);
    out[name] = verbatim.has(name) ? entry : toWire(entry);
  }
  return out;
}

/** An options object as Flow JSON spells it. */
export function toWireObject(value: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(toWire(value) ?? {})) out[key] = entry;
  return out;
}
