import { recipientKey } from "@wacompose/builder";
import { escapeHtml, previewStyles, renderBubble } from "@wacompose/preview";
import type { ReceivedRequest } from "./emulator.js";

/** The conversation an entry belongs to: one per recipient however the number was written ("+1 650…" = "1650…"). */
const conversationOf = (entry: ReceivedRequest): { readonly key: string; readonly label: string } => {
  const body = entry.body as { readonly to?: unknown; readonly status?: unknown } | undefined;
  if (body?.status === "read") return { key: "read receipts", label: "read receipts" };
  if (typeof body?.to !== "string") return { key: "(no recipient)", label: "(no recipient)" };
  const key = recipientKey(body);
  return { key, label: /^\d+$/.test(key) ? `+${key}` : key };
};

/** One entry's bubble; a body the preview cannot draw shows as an error bubble and never breaks the page. */
function bubbleOf(body: unknown): string {
  try {
    return renderBubble(body);
  } catch (error) {
    const why = error instanceof Error ? error.message : "unknown error";
    return `<div class="wa-bubble wa-invalid">could not draw this body: ${escapeHtml(why)}</div>`;
  }
}

/** What the emulator received, per recipient, newest last; each message drawn as a bubble. */
export function inboxFragment(received: readonly ReceivedRequest[]): string {
  if (received.length === 0)
    return `<p class="wa-empty">Nothing received yet. Send a message to POST /{version}/{phone-number-id}/messages.</p>`;
  const groups = new Map<string, { readonly label: string; readonly entries: ReceivedRequest[] }>();
  for (const entry of received) {
    const { key, label } = conversationOf(entry);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { label, entries: [entry] });
    else group.entries.push(entry);
  }
  return [...groups.values()]
    .map(({ label, entries }) => {
      const bubbles = entries.map((entry) => {
        const failed = entry.outcome !== "accepted";
        const meta = [
          failed ? `✗ ${escapeHtml(entry.outcome)}` : "✓ accepted",
          `HTTP ${entry.status || "—"}`,
          ...(entry.error ? [escapeHtml(entry.error)] : []),
          ...(entry.wamid ? [`${escapeHtml(entry.wamid.slice(0, 24))}…`] : []),
          escapeHtml(entry.at.slice(11, 19)),
        ].join(" · ");
        return `<div class="wa-entry${failed ? " wa-failed" : ""}" data-outcome="${escapeHtml(entry.outcome)}">${bubbleOf(entry.body)}<div class="wa-meta">${meta}</div></div>`;
      });
      return `<section class="wa-conversation"><div class="wa-recipient">${escapeHtml(label)}</div><div class="wa-chat">${bubbles.join("")}</div></section>`;
    })
    .join("");
}

/** The inbox page: the fragment, refreshed every second while the page is open. */
export function inboxPage(received: readonly ReceivedRequest[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>wacompose emulator inbox</title>
<style>${previewStyles}body{margin:0;background:#f0f2f5;font-family:system-ui,sans-serif}header{background:#008069;color:#fff;padding:12px 16px;font-weight:600}main{max-width:760px;margin:0 auto;padding:8px}.wa-entry{align-self:flex-end;display:flex;flex-direction:column}.wa-failed .wa-bubble{background:#fde2e1;border:1px solid #e06c6c}.wa-failed .wa-meta{color:#b3261e}</style>
</head><body><header>wacompose emulator · inbox (${received.length} received)</header><main id="inbox">${inboxFragment(received)}</main>
<script>
setInterval(async () => {
  const response = await fetch("/__inbox");
  const html = await response.text();
  const inbox = document.getElementById("inbox");
  if (inbox.innerHTML !== html) inbox.innerHTML = html;
}, 1000);
</script></body></html>`;
}
