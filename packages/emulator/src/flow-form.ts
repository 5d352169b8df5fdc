import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml, renderFlowScreen } from "@wacompose/preview";
import type { Conversation } from "./conversation.js";
import type { FlowAnswers, FlowPlayer, FlowView } from "./flows.js";
import { json, parseJson, readBody, refuse } from "./http.js";
import { object } from "./json.js";
import { flowReply } from "./user.js";

/** A flow form's submit is a few kilobytes (a TextArea holds 600 characters). */
const maxFormBytes = 64 * 1024;

/** A sent flow in the inbox: its current screen as a form a person can fill, or where the flow stands. */
export function flowForm(wamid: string, view: FlowView): string {
  const attributes = `data-wamid="${escapeHtml(wamid)}"`;
  switch (view.state) {
    case "opening":
      return `<div class="wa-flow-state" ${attributes}>opening the flow…</div>`;
    case "completed":
      return `<div class="wa-flow-state wa-flow-completed" ${attributes}>✅ flow completed</div>`;
    case "failed":
      return `<div class="wa-flow-state wa-flow-failed" ${attributes}>✗ ${escapeHtml(view.error)}</div>`;
    default:
      return `<form class="wa-flow-form" ${attributes} data-screen="${escapeHtml(view.screen.id)}">${renderFlowScreen(view.screen, { data: view.data, fillable: true })}<div class="wa-flow-error" role="alert"></div></form>`;
  }
}

/** The inbox page's script for flow forms: the answers as JSON to `/__flow`; a form being filled is not refreshed away. */
export const flowFormScript = `
const flowAnswers = (form) => {
  const answers = {};
  for (const field of form.elements) {
    if (!field.name) continue;
    if (field.closest(".wa-flow-optin")) answers[field.name] = field.checked;
    else if (field.type === "checkbox") (answers[field.name] ??= []).push(...(field.checked ? [field.value] : []));
    else if (field.type === "radio") { if (field.checked) answers[field.name] = field.value; }
    else answers[field.name] = field.value;
  }
  return answers;
};
document.addEventListener("input", (event) => {
  const form = event.target.closest && event.target.closest(".wa-flow-form");
  if (form) form.dataset.dirty = "1";
});
document.addEventListener("submit", async (event) => {
  const form = event.target.closest && event.target.closest(".wa-flow-form");
  if (!form) return;
  event.preventDefault();
  form.dataset.dirty = "1";
  const body = { wamid: form.dataset.wamid, screen: form.dataset.screen, answers: flowAnswers(form) };
  const response = await fetch("/__flow", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const answer = await response.json();
  if (response.ok) delete form.dataset.dirty;
  else form.querySelector(".wa-flow-error").textContent = answer.error;
});
`;

/**
 * `POST /__flow` from the inbox: `{ wamid, screen, answers }` for the screen shown. The flow moves to
 * its next screen (the endpoint called as Meta would), or completes and its `nfm_reply` goes to the
 * webhook. JSON only, so a page on another site cannot post here without a CORS preflight.
 */
export async function submitFlowForm(
  request: IncomingMessage,
  response: ServerResponse,
  conversation: Conversation | undefined,
  flows: FlowPlayer,
): Promise<void> {
  if (conversation === undefined) return json(response, 404, { error: "start the emulator with a webhook to fill flows" });
  // Refused unread, so the connection closes: kept open, a client writing a large body would be stuck on it.
  if (!/^application\/json\s*(;|$)/i.test(request.headers["content-type"] ?? "")) return refuse(response, 415, { error: "JSON only" });
  const bytes = await readBody(request, maxFormBytes);
  if (bytes === undefined) return refuse(response, 413, { error: `request body over ${maxFormBytes} bytes` });
  const { wamid, screen, answers } = object(parseJson(bytes.toString("utf8")));
  if (typeof wamid !== "string" || typeof screen !== "string" || typeof answers !== "object" || answers === null || Array.isArray(answers))
    return json(response, 400, { error: "the body is { wamid, screen, answers: { name: value } }" });
  const sent = conversation.sentMessage(wamid);
  if (sent === undefined || flows.flowOf(sent.body) === undefined)
    return json(response, 404, { error: `no flow message ${JSON.stringify(wamid).slice(0, 80)} with a flow the emulator knows` });
  try {
    const completed = await flows.step(wamid, sent.body, screen, answers as FlowAnswers);
    if (completed === undefined) return json(response, 200, { state: "open" });
    const user = String(object(sent.body).to ?? "").replace(/\D/g, "");
    const inbound = conversation.inbound(
      sent.phoneNumberId,
      user,
      "Inbox user",
      flowReply({ from: sent.phoneNumberId, id: wamid }, completed),
    );
    return json(response, 200, { state: "completed", id: inbound.id });
  } catch (error) {
    return json(response, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
