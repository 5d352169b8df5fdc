/** A `${…}` reference as Flow JSON writes it (flows.md §3). */
export type Reference =
  | { readonly kind: "form"; readonly name: string }
  | { readonly kind: "data"; readonly name: string }
  | { readonly kind: "screen"; readonly screen: string; readonly scope: "form" | "data"; readonly name: string }
  | { readonly kind: "unknown"; readonly text: string };

const pattern = /\$\{([^}]{0,512})\}/g;

/** The references in one string, in order; linear in its length. */
export function referencesIn(text: string): Reference[] {
  const found: Reference[] = [];
  for (const match of text.matchAll(pattern)) {
    const body = (match[1] ?? "").trim();
    const parts = body.split(".");
    const root = (part: string | undefined): string => (part ?? "").replace(/\[.*$/, "");
    if ((parts[0] === "form" || parts[0] === "data") && parts.length >= 2) found.push({ kind: parts[0], name: root(parts[1]) });
    else if (parts[0] === "screen" && parts.length >= 4 && (parts[2] === "form" || parts[2] === "data"))
      found.push({ kind: "screen", screen: parts[1] ?? "", scope: parts[2], name: root(parts[3]) });
    else found.push({ kind: "unknown", text: body });
  }
  return found;
}

/** True for a value bound to data: exactly one `${…}`, or a backtick expression (6.0+). */
export const isDynamic = (text: string): boolean =>
  /^\$\{[^}]*\}$/.test(text) || (text.startsWith("`") && text.endsWith("`") && text.length > 1);

/** True when a string mixes static text with a `${…}` outside a backtick expression: Meta rejects it. */
export const mixesStaticAndDynamic = (text: string): boolean => text.includes("${") && !isDynamic(text);
