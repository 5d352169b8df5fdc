import { validate } from "@wacompose/builder";
import { escapeHtml as e, formatText } from "./escape.js";
import { renderFlowScreen } from "./flow.js";
import { previewStyles } from "./styles.js";

type Json = { readonly [key: string]: unknown };
const isJson = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const obj = (value: unknown): Json => (isJson(value) ? value : {});
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** Template texts by name, so a preview can substitute parameters: "Hi {{1}}" or "Hi {{first_name}}". */
export type TemplateTexts = { readonly [name: string]: { readonly header?: string; readonly body?: string; readonly footer?: string } };

export interface PreviewOptions {
  /** Texts of your templates, to show them filled in rather than as a list of parameters. */
  readonly templates?: TemplateTexts;
  /** Flow JSON by flow id, so a flow message shows the screen it opens on (drawn, not fillable). */
  readonly flows?: { readonly [flowId: string]: unknown };
}

/** The screen a flow message opens on, with its data: the `navigate` payload's screen, else the first. */
function openingScreen(parameters: Json, flows: PreviewOptions["flows"]): string {
  const flowJson = typeof parameters.flow_id === "string" && flows !== undefined ? obj(flows[parameters.flow_id]) : {};
  const screens = list(flowJson.screens);
  const payload = obj(parameters.flow_action_payload);
  const screen = screens.find((s) => obj(s).id === payload.screen) ?? screens[0];
  if (screen === undefined) return "";
  // The API takes `data` as an object or as a JSON string.
  let data: unknown = payload.data;
  if (typeof data === "string" && data.length <= 100_000) {
    try {
      data = JSON.parse(data);
    } catch {
      data = {};
    }
  }
  return renderFlowScreen(screen, { data: obj(data) });
}

const media = (kind: string, source: Json, extra = ""): string =>
  `<div class="wa-media">${kind === "audio" ? "🎵" : kind === "video" ? "🎬" : kind === "sticker" ? "🙂" : "🖼️"} ${e(kind)}<br><small>${e(source.link ?? `media id ${String(source.id ?? "?")}`)}</small>${extra}</div>`;

const buttons = (labels: readonly string[]): string =>
  labels.length === 0 ? "" : `<div class="wa-buttons">${labels.map((label) => `<div class="wa-button">${label}</div>`).join("")}</div>`;

function header(value: unknown): string {
  const h = obj(value);
  if (h.type === "text")
    return `<div class="wa-header">${formatText(h.text)}</div>${h.sub_text ? `<div class="wa-footer">${e(h.sub_text)}</div>` : ""}`;
  if (typeof h.type === "string") return media(h.type, obj(h[h.type]));
  return "";
}

/** One card of a carousel: its media (or product), body and button. */
function card(value: unknown): string {
  const c = obj(value);
  const action = obj(c.action);
  if (c.type === "product")
    return `<div class="wa-card">🛍️ ${e(action.product_retailer_id)}<br><small>catalog ${e(action.catalog_id)}</small></div>`;
  const labels = Array.isArray(action.buttons)
    ? list(action.buttons).map((b) => `↩ ${e(obj(obj(b).quick_reply).title)}`)
    : [`↗ ${e(obj(action.parameters).display_text)}`];
  return `<div class="wa-card">${header(c.header)}${c.body ? `<div>${formatText(obj(c.body).text)}</div>` : ""}${buttons(labels)}</div>`;
}

/** The kinds drawn as their one fixed button (a Map: a type read from the body is never a prototype key). */
const fixedButtons: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ["catalog_message", "View catalog"],
  ["location_request_message", "📍 Send location"],
  ["request_contact_info", "👤 Share contact info"],
  ["order_details", "💳 Review and pay"],
  ["order_status", "🧾 Review order"],
]);

function interactive(i: Json, options: PreviewOptions): string {
  const action = obj(i.action);
  const parameters = obj(action.parameters);
  const parts = [
    header(i.header),
    i.body ? `<div>${formatText(obj(i.body).text)}</div>` : "",
    i.footer ? `<div class="wa-footer">${formatText(obj(i.footer).text)}</div>` : "",
  ];
  switch (i.type) {
    case "button":
      parts.push(buttons(list(action.buttons).map((b) => `↩ ${e(obj(obj(b).reply).title)}`)));
      break;
    case "list": {
      const sections = list(action.sections).map((section) => {
        const s = obj(section);
        const rows = list(s.rows).map(
          (row) =>
            `<div class="wa-row">${e(obj(row).title)}${obj(row).description ? `<small>${e(obj(row).description)}</small>` : ""}</div>`,
        );
        return `${s.title ? `<div class="wa-section">${e(s.title)}</div>` : ""}${rows.join("")}`;
      });
      parts.push(buttons([`☰ ${e(action.button)}`]), `<div class="wa-sheet">${sections.join("")}</div>`);
      break;
    }
    case "cta_url":
      parts.push(buttons([`↗ ${e(parameters.display_text)}`]), `<div class="wa-footer">${e(parameters.url)}</div>`);
      break;
    case "flow":
      parts.push(buttons([`▤ ${e(parameters.flow_cta)}`]), openingScreen(parameters, options.flows));
      break;
    case "product":
      parts.push(`<div class="wa-card">🛍️ ${e(action.product_retailer_id)}<br><small>catalog ${e(action.catalog_id)}</small></div>`);
      break;
    case "product_list":
      parts.push(
        `<div class="wa-sheet">${list(action.sections)
          .map(
            (section) =>
              `<div class="wa-section">${e(obj(section).title ?? "")}</div>${list(obj(section).product_items)
                .map((p) => `<div class="wa-row">🛍️ ${e(obj(p).product_retailer_id)}</div>`)
                .join("")}`,
          )
          .join("")}</div>`,
        buttons(["View items"]),
      );
      break;
    case "carousel":
      parts.push(`<div class="wa-carousel">${list(action.cards).map(card).join("")}</div>`);
      break;
    case "voice_call":
      parts.push(buttons([`📞 ${e(parameters.display_text ?? "Call Now")}`]));
      break;
    default:
      parts.push(buttons([fixedButtons.get(i.type as string) ?? e(action.name ?? i.type)]));
  }
  return parts.join("");
}

/** A parameter as the user would see it: its text, or a currency's or date's fallback value. */
const shown = (parameter: unknown): string => {
  const p = obj(parameter);
  if (p.type === "text") return String(p.text ?? "");
  if (p.type === "currency") return String(obj(p.currency).fallback_value ?? "");
  if (p.type === "date_time") return String(obj(p.date_time).fallback_value ?? "");
  return String(p.type ?? "");
};

function fill(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (placeholder, key: string) => {
    const found = /^\d+$/.test(key) ? parameters[Number(key) - 1] : parameters.find((p) => obj(p).parameter_name === key);
    return found === undefined ? placeholder : shown(found);
  });
}

/** A template send's bubble; `inCard` for a carousel's card, which holds no carousel (so a body nested 20,000 deep draws one level). */
function template(t: Json, texts: TemplateTexts | undefined, inCard = false): string {
  const components = list(t.components).map(obj);
  const of = (type: string) => components.find((c) => c.type === type);
  const known = texts?.[String(t.name)];
  const parts = [`<div class="wa-kind">template ${e(t.name)} · ${e(obj(t.language).code)}</div>`];
  const headerParameter = list(of("header")?.parameters)[0];
  if (headerParameter !== undefined) {
    const p = obj(headerParameter);
    if (p.type === "text") parts.push(`<div class="wa-header">${formatText(known?.header ? fill(known.header, [p]) : p.text)}</div>`);
    else if (p.type === "location") parts.push(`<div class="wa-media">📍 ${e(obj(p.location).name ?? "location")}</div>`);
    else if (typeof p.type === "string") parts.push(media(p.type, obj(p[p.type])));
  } else if (known?.header) parts.push(`<div class="wa-header">${formatText(known.header)}</div>`);
  const bodyParameters = list(of("body")?.parameters);
  if (known?.body) parts.push(`<div>${formatText(fill(known.body, bodyParameters))}</div>`);
  else if (bodyParameters.length > 0)
    parts.push(
      `<div>${bodyParameters.map((p, i) => `<div>{{${e(obj(p).parameter_name ?? i + 1)}}} = ${formatText(shown(p))}</div>`).join("")}</div>`,
    );
  if (known?.footer) parts.push(`<div class="wa-footer">${formatText(known.footer)}</div>`);
  const buttonLabels = components
    .filter((c) => c.type === "button")
    .map((c) => {
      const p = obj(list(c.parameters)[0]);
      const value = p.payload ?? p.text ?? p.coupon_code ?? obj(p.action).flow_token ?? obj(p.action).thumbnail_product_retailer_id ?? "";
      return `${e(c.sub_type)} #${e(c.index)}: ${e(value)}`;
    });
  parts.push(buttons(buttonLabels));
  const offer = obj(obj(list(of("limited_time_offer")?.parameters)[0]).limited_time_offer).expiration_time_ms;
  if (typeof offer === "number" && Math.abs(offer) < 8.64e15)
    parts.push(`<div class="wa-footer">⏳ offer ends ${e(new Date(offer).toISOString().slice(0, 16).replace("T", " "))} UTC</div>`);
  const cards = inCard ? [] : list(of("carousel")?.cards);
  if (cards.length > 0)
    parts.push(
      `<div class="wa-carousel">${cards.map((c) => `<div class="wa-card">${template({ name: `card ${String(obj(c).card_index)}`, language: t.language, components: obj(c).components }, undefined, true)}</div>`).join("")}</div>`,
    );
  return parts.join("");
}

/** The inside of a bubble, by message kind. */
function content(body: Json, options: PreviewOptions): [kind: string, html: string] {
  if (body.status === "read") return ["read", `✓✓ read ${e(body.message_id)}${obj(body.typing_indicator).type ? " · typing…" : ""}`];
  const type = String(body.type ?? "text");
  const value = obj(body[type]);
  switch (type) {
    case "text": {
      const url = value.preview_url === true ? /https?:\/\/\S+/.exec(String(value.body ?? ""))?.[0] : undefined;
      return ["text", `${url ? `<div class="wa-link">🔗 ${e(url)}</div>` : ""}${formatText(value.body)}`];
    }
    case "reaction":
      return [
        "reaction",
        value.emoji
          ? `<span style="font-size:28px">${e(value.emoji)}</span> <small>on ${e(value.message_id)}</small>`
          : `<small>reaction removed from ${e(value.message_id)}</small>`,
      ];
    case "image":
    case "video":
    case "sticker":
    case "audio":
      if (value.voice === true) return ["voice note", media("audio", value, "<br><small>🎤 voice note</small>")];
      return [type, `${media(type, value)}${value.caption ? `<div>${formatText(value.caption)}</div>` : ""}`];
    case "document":
      return [
        "document",
        `<div class="wa-doc">📄 ${e(value.filename ?? value.link ?? value.id ?? "document")}</div>${value.caption ? `<div>${formatText(value.caption)}</div>` : ""}`,
      ];
    case "location":
      return [
        "location",
        `<div class="wa-media">📍 ${e(value.name ?? "")}<br><small>${e(value.address ?? "")} (${e(value.latitude)}, ${e(value.longitude)})</small></div>`,
      ];
    case "contacts":
      return [
        "contacts",
        list(body.contacts)
          .map((c) => {
            const card = obj(c);
            const phones = list(card.phones).map((p) => `<small>☎ ${e(obj(p).phone)}</small>`);
            return `<div class="wa-card">👤 <strong>${e(obj(card.name).formatted_name)}</strong>${phones.join("")}</div>`;
          })
          .join(""),
      ];
    case "interactive":
      return [String(value.type ?? "interactive"), interactive(value, options)];
    case "template":
      return ["template", template(value, options.templates)];
    case "pin":
      return [
        "pin",
        value.type === "unpin"
          ? `<small>📌 unpinned ${e(value.message_id)}</small>`
          : `<small>📌 pinned ${e(value.message_id)}${value.expiration_days === undefined ? "" : ` for ${e(value.expiration_days)} days`}</small>`,
      ];
    default:
      return [type, `<small>${e(type)}</small>`];
  }
}

/**
 * One message as a chat bubble (an HTML fragment; style it with `previewStyles`). All
 * message text is escaped; an invalid body is drawn with its issues.
 */
export function renderBubble(body: unknown, options: PreviewOptions = {}): string {
  const issues = validate(body);
  const message = obj(body);
  const [kind, html] = content(message, options);
  const quote = isJson(message.context) ? `<div class="wa-quote">↩ reply to ${e(message.context.message_id)}</div>` : "";
  const problems =
    issues.length === 0
      ? ""
      : `<ul class="wa-issues">${issues.map((i) => `<li>${e(i.path || "(body)")}: ${e(i.message)}</li>`).join("")}</ul>`;
  return `<div class="wa-bubble${issues.length > 0 ? " wa-invalid" : ""}" data-kind="${e(kind)}">${quote}${html}${problems}</div>`;
}

/**
 * A self-contained HTML page showing one message, or several, as WhatsApp would.
 *
 * @example
 * writeFileSync("preview.html", renderPreview(msg.to(n).buttons("Pick a slot").reply("am", "Morning").build()));
 */
export function renderPreview(body: unknown, options: PreviewOptions = {}): string {
  const bodies = Array.isArray(body) ? body : [body];
  return `<!doctype html><html><head><meta charset="utf-8"><title>WhatsApp message preview</title><style>${previewStyles}</style></head><body><div class="wa-chat">${bodies
    .map((b) => renderBubble(b, options))
    .join("")}</div></body></html>`;
}
