import { list, object } from "./json.js";
import type { StoredTemplate } from "./templates.js";

type Value = Readonly<Record<string, unknown>>;

/** The template fields every template webhook starts with; `message_template_id` is a JSON number, as Meta sends it [templates-management.md §5]. */
const about = (template: StoredTemplate) => ({
  message_template_id: Number(template.id),
  message_template_name: String(template.node.name),
  message_template_language: String(template.node.language),
});

/**
 * A `message_template_status_update` value [templates-management.md §5, WH-S]: `event`, the
 * template, `reason` (a string, or null for pauses and other lifecycle events), the category, and
 * `other_info` / `rejection_info` / `disable_info` when there are some.
 */
export function statusUpdate(
  template: StoredTemplate,
  event: string,
  reason: string | null,
  extra: {
    readonly other_info?: { readonly title: string; readonly description: string };
    readonly rejection_info?: { readonly reason: string; readonly recommendation: string };
    readonly disable_info?: { readonly disable_date: number };
  } = {},
): Value {
  const { message_template_id, message_template_name, message_template_language } = about(template);
  return {
    event,
    message_template_id,
    message_template_name,
    message_template_language,
    reason,
    message_template_category: String(template.node.category ?? ""),
    ...extra,
  };
}

/** A `message_template_quality_update` value [templates-management.md §5, WH-Q]. */
export function qualityUpdate(template: StoredTemplate, previous: string, next: string): Value {
  return { previous_quality_score: previous, new_quality_score: next, ...about(template) };
}

/**
 * A `message_template_components_update` value [templates-management.md §5, WH-X], sent when a
 * template is edited: its text header, body, footer and buttons.
 */
export function componentsUpdate(template: StoredTemplate): Value {
  const components = list(template.node.components);
  const of = (type: string) => components.find((component) => String(component.type).toUpperCase() === type);
  const header = of("HEADER");
  const title = header !== undefined && String(header.format ?? "TEXT").toUpperCase() === "TEXT" ? header.text : undefined;
  const buttons = list(of("BUTTONS")?.buttons).map((button) => ({
    message_template_button_type: String(button.type ?? "").toUpperCase(),
    message_template_button_text: String(button.text ?? ""),
    ...(typeof button.url === "string" ? { message_template_button_url: button.url } : {}),
    ...(typeof button.phone_number === "string" ? { message_template_button_phone_number: button.phone_number } : {}),
  }));
  const footer = object(of("FOOTER")).text;
  return {
    ...about(template),
    ...(typeof title === "string" ? { message_template_title: title } : {}),
    message_template_element: String(object(of("BODY")).text ?? ""),
    ...(typeof footer === "string" ? { message_template_footer: footer } : {}),
    ...(buttons.length > 0 ? { message_template_buttons: buttons } : {}),
  };
}
