const entities: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attribute values: message text never becomes markup. */
export const escapeHtml = (value: unknown): string => String(value ?? "").replace(/[&<>"']/g, (c) => entities[c] ?? c);

/**
 * WhatsApp formatting on escaped text: ```mono```, *bold*, _italic_, ~strike~, and line
 * breaks. The input is escaped first, so only these tags can appear.
 */
export function formatText(value: unknown): string {
  return escapeHtml(value)
    .replace(/```([\s\S]+?)```/g, "<code>$1</code>")
    .replace(/(^|[\s(])\*(?=\S)([^*\n]+?)\*(?=$|[\s).,!?:;])/g, "$1<strong>$2</strong>")
    .replace(/(^|[\s(])_(?=\S)([^_\n]+?)_(?=$|[\s).,!?:;])/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])~(?=\S)([^~\n]+?)~(?=$|[\s).,!?:;])/g, "$1<s>$2</s>")
    .replace(/\n/g, "<br>");
}
