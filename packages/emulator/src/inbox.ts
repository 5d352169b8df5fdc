import { escapeHtml, previewStyles, renderBubble } from "@wacompose/preview";
import type { ReceivedRequest } from "./emulator.js";

const recipientOf = (entry: ReceivedRequest): string => {
  const body = entry.body as { readonly to?: unknown; readonly status?: unknown } | undefined;
  if (body?.status === "read") return "read receipts";
  return typeof body?.to === "string" ? body.to : "(no recipient)";
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
  const groups = new Map<string, ReceivedRequest[]>();
  for (const entry of received) {
    const key = recipientOf(entry);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [entry]);
    else group.push(entry);
  }
  return [...groups.entries()]
    .map(([recipient, entries]) => {
      const bubbles = entries.map((entry) => {
        const meta = `${escapeHtml(entry.outcome)} · HTTP ${entry.status || "—"}${entry.wamid ? ` · ${escapeHtml(entry.wamid.slice(0, 24))}…` : ""} · ${escapeHtml(entry.at.slice(11, 19))}`;
        return `<div class="wa-entry" data-outcome="${escapeHtml(entry.outcome)}">${bubbleOf(entry.body)}<div class="wa-meta">${meta}</div></div>`;
      });
      return `<section class="wa-conversation"><div class="wa-recipient">${escapeHtml(recipient)}</div><div class="wa-chat">${bubbles.join("")}</div></section>`;
    })
    .join("");
}

/** The inbox page: the fragment, refreshed every second while the page is open. */
export function inboxPage(received: readonly ReceivedRequest[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>wacompose emulator inbox</title>
<style>${previewStyles}body{margin:0;background:#f0f2f5;font-family:system-ui,sans-serif}header{background:#008069;color:#fff;padding:12px 16px;font-weight:600}main{max-width:760px;margin:0 auto;padding:8px}.wa-entry{align-self:flex-end;display:flex;flex-direction:column}</style>
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
