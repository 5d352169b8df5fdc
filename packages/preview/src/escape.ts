const entities: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const bidiControls = /[\u202a-\u202e\u2066-\u2069]/g;
const hasBidiControl = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * `text` with every bidirectional embedding, override or isolate it opens closed at its end, so one
 * field's U+202E cannot reverse the labels and fields drawn after it on the line ("for 7 days").
 */
function closeBidi(text: string): string {
  const open: string[] = [];
  for (const [control] of text.matchAll(bidiControls)) {
    if (control === "\u202c") {
      if (open.at(-1) === "\u202c") open.pop(); // a PDF closes the last embedding or override, not an isolate
    } else if (control === "\u2069") {
      const isolate = open.lastIndexOf("\u2069"); // a PDI closes the last isolate and what it holds
      if (isolate !== -1) open.length = isolate;
    } else open.push(control >= "\u2066" ? "\u2069" : "\u202c");
  }
  return open.length === 0 ? text : text + open.reverse().join("");
}

/** Escapes text for HTML content and attribute values: message text never becomes markup, nor reorders what follows it. */
export const escapeHtml = (value: unknown): string => {
  const escaped = String(value ?? "").replace(/[&<>"']/g, (c) => entities[c] ?? c);
  return hasBidiControl.test(escaped) ? closeBidi(escaped) : escaped;
};

/** True when every tag `html` opens is closed inside it, in order: a span may hold whole spans, never half of one. */
function balanced(html: string): boolean {
  const open: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)(code|strong|em|s)>/g)) {
    if (closing === "") open.push(name as string);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

/** A marker pair as `tag`, unless it would cross a span already drawn (`*a _b* c_`): then its text is left as it is. */
const span =
  (tag: string) =>
  (marked: string, before: string, inner: string): string =>
    balanced(inner) ? `${before}<${tag}>${inner}</${tag}>` : marked;

/**
 * WhatsApp formatting on escaped text: ```mono```, *bold*, _italic_, ~strike~, and line
 * breaks. The input is escaped first, so only these tags can appear, always properly nested.
 */
export function formatText(value: unknown): string {
  return escapeHtml(value)
    .replace(/```([\s\S]+?)```/g, "<code>$1</code>")
    .replace(/(^|[\s(])\*(?=\S)([^*\n]+?)\*(?=$|[\s).,!?:;])/g, span("strong"))
    .replace(/(^|[\s(])_(?=\S)([^_\n]+?)_(?=$|[\s).,!?:;])/g, span("em"))
    .replace(/(^|[\s(])~(?=\S)([^~\n]+?)~(?=$|[\s).,!?:;])/g, span("s"))
    .replace(/\n/g, "<br>");
}
