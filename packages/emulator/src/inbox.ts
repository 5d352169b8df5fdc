import { recipientKey } from "@wacompose/builder";
import { escapeHtml, previewStyles, renderBubble } from "@wacompose/preview";
import type { InboundEntry, SentStatus } from "./conversation.js";
import type { ReceivedRequest } from "./emulator.js";
import { flowForm, flowFormScript } from "./flow-form.js";
import type { FlowView } from "./flows.js";
import { type Json, list, object } from "./json.js";
import type { EmulatedTemplate } from "./templates.js";
import type { Delivery } from "./webhooks.js";

/** What the inbox shows besides what was received, when the emulator plays the user's side. */
export interface InboxView {
  /** What users sent. */
  readonly inbound: readonly InboundEntry[];
  /** The status webhooks' word on a sent message. */
  statusOf(wamid: string): SentStatus | undefined;
  /** The webhook deliveries, oldest first. */
  readonly deliveries: readonly Delivery[];
  /** What to show beside a user's number: who holds the conversation, a marketing opt-out (account-events.ts). */
  badgesOf?(user: string): readonly string[];
  /** A sent flow message's form, when the emulator knows its flow. */
  flowOf?(wamid: string, body: unknown): FlowView | undefined;
}

/** What a delivered payload was about, in a few words. */
function deliverySummary(payload: unknown): string {
  const value = object(list(object(list(object(payload).entry)[0]).changes)[0]?.value);
  const status = list(value.statuses)[0];
  if (status !== undefined) return `status ${String(status.status)}${status.errors ? ` (${String(list(status.errors)[0]?.code)})` : ""}`;
  const message = list(value.messages)[0];
  const field = String(list(object(list(object(payload).entry)[0]).changes)[0]?.field ?? "");
  if (message === undefined) return field === "messages" || field === "" ? "update" : field;
  return `${field === "messages" ? "message" : `${field} message`} ${String(message.type)} from +${String(message.from)}`;
}

/** The newest webhook deliveries, each with its attempts and, once it has ended, a button to send it again. */
function deliveriesFragment(deliveries: readonly Delivery[]): string {
  if (deliveries.length === 0) return "";
  const rows = deliveries
    .slice(-20)
    .reverse()
    .map((delivery) => {
      const attempts = delivery.attempts.map((attempt) => (attempt.status === undefined ? "✗" : String(attempt.status))).join(" → ");
      return `<li class="wa-delivery wa-delivery-${delivery.state}" data-delivery="${delivery.id}">#${delivery.id} ${escapeHtml(deliverySummary(delivery.payload))} · ${escapeHtml(delivery.state)} · ${escapeHtml(attempts || "…")}${delivery.state === "pending" ? "" : ` <button class="wa-redeliver" data-delivery="${delivery.id}">redeliver</button>`}</li>`;
    });
  return `<section class="wa-deliveries"><div class="wa-recipient">webhook deliveries (newest ${rows.length} of ${deliveries.length})</div><ul>${rows.join("")}</ul></section>`;
}

const ticks: Readonly<Record<string, string>> = { sent: "✓", delivered: "✓✓", read: "✓✓", played: "✓✓ ▶", failed: "✗" };

/** The status of a sent message as WhatsApp shows it: ticks (blue when read), or failed with its code. */
function statusMark(status: SentStatus | undefined): string {
  if (status === undefined) return "";
  const title = status.code === undefined ? status.status : `${status.status} (${status.code})`;
  return `<span class="wa-ticks wa-status-${status.status}" data-status="${escapeHtml(status.status)}" title="${escapeHtml(title)}">${ticks[status.status] ?? ""} ${escapeHtml(title)}</span>`;
}

/** Buttons that act as the user on a sent message: its reply buttons, list rows, template quick replies. */
function tapsFor(entry: ReceivedRequest, to: string): string {
  const body = object(entry.body);
  const interactive = object(body.interactive);
  const action = object(interactive.action);
  const choices: { action: "taps" | "picks"; id: unknown; label: unknown }[] = [
    ...list(action.buttons).map((button) => ({ action: "taps" as const, id: object(button.reply).id, label: object(button.reply).title })),
    ...list(action.sections).flatMap((section) =>
      list(section.rows).map((row) => ({ action: "picks" as const, id: row.id, label: row.title })),
    ),
    ...list(object(body.template).components)
      .filter((component) => component.sub_type === "quick_reply")
      .flatMap((component) => list(component.parameters).map((p) => ({ action: "taps" as const, id: p.payload, label: p.payload }))),
  ].filter((choice) => typeof choice.id === "string");
  if (choices.length === 0 || entry.wamid === undefined) return "";
  const buttons = choices.map(
    (choice) =>
      `<button class="wa-tap" data-action="${choice.action}" data-to="${escapeHtml(to)}" data-wamid="${escapeHtml(entry.wamid ?? "")}" data-id="${escapeHtml(String(choice.id))}">${escapeHtml(String(choice.label ?? choice.id))}</button>`,
  );
  return `<div class="wa-taps"><small>tap as the user:</small>${buttons.join("")}</div>`;
}

/** What a user sent, in a few words. */
function inboundText(message: Json): string {
  const type = String(message.type ?? "");
  const interactive = object(message.interactive);
  if (type === "text") return String(object(message.text).body ?? "");
  if (type === "interactive") {
    const reply = object(interactive.button_reply ?? interactive.list_reply);
    return interactive.type === "nfm_reply" ? "✅ completed the flow" : `↩ ${String(reply.title ?? reply.id ?? "")}`;
  }
  if (type === "button") return `↩ ${String(object(message.button).text ?? "")}`;
  if (type === "reaction") return String(object(message.reaction).emoji ?? "(reaction removed)");
  if (type === "location") return `📍 ${String(object(message.location).name ?? "location")}`;
  return `[${type}]`;
}

/** The conversation an entry belongs to: one per recipient however the number was written ("+1 650…" = "1650…"). */
const conversationOf = (entry: ReceivedRequest): { readonly key: string; readonly label: string } => {
  const body = entry.body as
    | { readonly to?: unknown; readonly recipient?: unknown; readonly recipient_type?: unknown; readonly status?: unknown }
    | undefined;
  if (body?.status === "read") return { key: "read receipts", label: "read receipts" };
  if (typeof body?.to !== "string" && typeof body?.recipient !== "string") return { key: "(no recipient)", label: "(no recipient)" };
  const key = recipientKey(body);
  const label = /^\d+$/.test(key) ? `+${key}` : key;
  return { key, label: body.recipient_type === "group" ? `group ${label}` : label };
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

/** The account's templates with where each stands: status (and until when, while in review or paused), quality, rejection reason. */
function templatesFragment(templates: readonly EmulatedTemplate[]): string {
  if (templates.length === 0) return "";
  const rows = templates.map((template) => {
    const until = template.reviewEndsAt ?? template.pausedUntil;
    const status = `${template.status}${until === undefined ? "" : ` until ${until.slice(0, 19).replace("T", " ")}`}${template.rejectedReason !== "NONE" && template.status === "REJECTED" ? ` (${template.rejectedReason})` : ""}`;
    return `<tr class="wa-template wa-template-${escapeHtml(template.status.toLowerCase())}" data-template="${escapeHtml(template.id)}"><td>${escapeHtml(template.name)}</td><td>${escapeHtml(template.language)}</td><td>${escapeHtml(template.category)}</td><td data-status="${escapeHtml(template.status)}">${escapeHtml(status)}</td><td>${escapeHtml(template.quality)}</td></tr>`;
  });
  return `<section class="wa-templates"><div class="wa-recipient">templates (${templates.length})</div><table><tr><th>name</th><th>language</th><th>category</th><th>status</th><th>quality</th></tr>${rows.join("")}</table></section>`;
}

/** What the emulator received, per recipient, newest last; each message drawn as a bubble; then the templates and webhook deliveries. */
export function inboxFragment(received: readonly ReceivedRequest[], view?: InboxView, templates: readonly EmulatedTemplate[] = []): string {
  if (received.length === 0 && (view?.inbound.length ?? 0) === 0)
    return `<p class="wa-empty">Nothing received yet. Send a message to POST /{version}/{phone-number-id}/messages.</p>${templatesFragment(templates)}`;
  type Item = { readonly at: string; readonly sent?: ReceivedRequest; readonly inbound?: InboundEntry };
  const groups = new Map<string, { readonly label: string; readonly items: Item[] }>();
  const add = (key: string, label: string, item: Item) => {
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { label, items: [item] });
    else group.items.push(item);
  };
  for (const entry of received) {
    const { key, label } = conversationOf(entry);
    add(key, label, { at: entry.at, sent: entry });
  }
  for (const inbound of view?.inbound ?? []) add(recipientKey({ to: inbound.from }), `+${inbound.from}`, { at: inbound.at, inbound });
  const conversations = [...groups.values()]
    .map(({ label, items }) => {
      // Both lists are in time order; a stable sort interleaves them.
      if (view !== undefined) items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      const bubbles = items.map(({ sent: entry, inbound }) => {
        if (entry === undefined) {
          const message = inbound?.message ?? {};
          return `<div class="wa-entry wa-inbound" data-type="${escapeHtml(String(message.type ?? ""))}"><div class="wa-bubble wa-user">${escapeHtml(inboundText(message))}</div><div class="wa-meta">${escapeHtml(inbound?.name ?? "")} · ${escapeHtml(inbound?.at.slice(11, 19) ?? "")}</div></div>`;
        }
        const failed = entry.outcome !== "accepted";
        const meta = [
          failed ? `✗ ${escapeHtml(entry.outcome)}` : "✓ accepted",
          `HTTP ${entry.status || "—"}`,
          ...(entry.error ? [escapeHtml(entry.error)] : []),
          ...(entry.warnings ?? []).map((warning) => `<span class="wa-warning">⚠ ${escapeHtml(warning)}</span>`),
          ...(entry.wamid ? [`${escapeHtml(entry.wamid.slice(0, 24))}…`] : []),
          escapeHtml(entry.at.slice(11, 19)),
        ].join(" · ");
        const status = view === undefined || entry.wamid === undefined ? "" : statusMark(view.statusOf(entry.wamid));
        const flow = view === undefined || failed || entry.wamid === undefined ? undefined : view.flowOf?.(entry.wamid, entry.body);
        const taps =
          (view === undefined || failed ? "" : tapsFor(entry, label.replace(/^\+/, ""))) +
          (flow === undefined ? "" : flowForm(entry.wamid ?? "", flow));
        return `<div class="wa-entry${failed ? " wa-failed" : ""}" data-outcome="${escapeHtml(entry.outcome)}"${entry.wamid === undefined ? "" : ` data-wamid="${escapeHtml(entry.wamid)}"`}>${bubbleOf(entry.body)}<div class="wa-meta">${meta}${status === "" ? "" : ` ${status}`}</div>${taps}</div>`;
      });
      const badges = (view?.badgesOf?.(label.replace(/^\+/, "")) ?? []).map(
        (badge) => ` <span class="wa-badge">${escapeHtml(badge)}</span>`,
      );
      return `<section class="wa-conversation"><div class="wa-recipient">${escapeHtml(label)}${badges.join("")}</div><div class="wa-chat">${bubbles.join("")}</div></section>`;
    })
    .join("");
  return conversations + templatesFragment(templates) + deliveriesFragment(view?.deliveries ?? []);
}

/** The inbox page: the fragment, refreshed every second while the page is open. */
export function inboxPage(received: readonly ReceivedRequest[], view?: InboxView, templates: readonly EmulatedTemplate[] = []): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>wacompose emulator inbox</title>
<style>${previewStyles}body{margin:0;background:#f0f2f5;font-family:system-ui,sans-serif}header{background:#008069;color:#fff;padding:12px 16px;font-weight:600}main{max-width:760px;margin:0 auto;padding:8px}.wa-entry{align-self:flex-end;display:flex;flex-direction:column}.wa-failed .wa-bubble{background:#fde2e1;border:1px solid #e06c6c}.wa-failed .wa-meta{color:#b3261e}.wa-warning{color:#8a6d00}.wa-inbound{align-self:flex-start}.wa-user{background:#fff}.wa-ticks{color:#667781}.wa-status-read{color:#53bdeb}.wa-status-failed{color:#b3261e}.wa-taps{display:flex;flex-wrap:wrap;gap:4px;justify-content:flex-end;margin:2px 0 6px}.wa-deliveries ul{font-size:12px;color:#3b4a54;margin:4px 0;padding-left:18px}.wa-delivery-failed{color:#b3261e}.wa-redeliver{font-size:11px;margin-left:6px}.wa-badge{font-size:11px;background:#fff3c4;color:#5c4400;border-radius:8px;padding:1px 6px;margin-left:6px}.wa-tap{border:1px solid #008069;background:#fff;color:#008069;border-radius:14px;padding:3px 10px;cursor:pointer}#say{display:flex;gap:6px;padding:8px 16px;background:#e9edef}#say input[name=text]{flex:1}.wa-flow-form{align-self:flex-end;width:360px;margin:2px 0 6px}.wa-flow-error{color:#b3261e;font-size:12px}.wa-flow-state{font-size:12px;color:#3b4a54;text-align:right;margin:2px 0 6px}.wa-flow-failed{color:#b3261e}.wa-templates table{font-size:12px;border-collapse:collapse;margin:4px 0 8px}.wa-templates td,.wa-templates th{padding:2px 8px;text-align:left}.wa-template-rejected,.wa-template-disabled{color:#b3261e}.wa-template-paused,.wa-template-pending{color:#8a6d00}</style>
</head><body><header>wacompose emulator · inbox (${received.length} received)</header>${
    view === undefined
      ? ""
      : `<form id="say"><input name="to" value="+16505551234" size="14" aria-label="user's number"><input name="text" placeholder="Type as the user…" aria-label="message"><button>Send as the user</button></form>`
  }<main id="inbox">${inboxFragment(received, view, templates)}</main>
<script>
setInterval(async () => {
  if (document.querySelector(".wa-flow-form[data-dirty]")) return; // a flow form being filled stays as typed
  const response = await fetch("/__inbox");
  const html = await response.text();
  const inbox = document.getElementById("inbox");
  if (inbox.innerHTML !== html) inbox.innerHTML = html;
}, 1000);
// Acting as the user: the emulator posts the webhook the API would send.
const act = (body) => fetch("/__user", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
document.addEventListener("click", (event) => {
  const tap = event.target.closest && event.target.closest(".wa-tap");
  if (tap) act({ action: tap.dataset.action, to: tap.dataset.to, wamid: tap.dataset.wamid, id: tap.dataset.id });
  const again = event.target.closest && event.target.closest(".wa-redeliver");
  if (again) act({ action: "redeliver", delivery: Number(again.dataset.delivery) });
});
document.getElementById("say")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.target;
  act({ action: "says", to: form.to.value, text: form.text.value });
  form.text.value = "";
});
${flowFormScript}</script></body></html>`;
}
