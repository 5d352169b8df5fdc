import { templateCreationLimits } from "../limits.js";
import { checkExamples } from "./examples.js";
import { type CheckContext, field, type JsonObject, knownFields, maxLength, show, textField, upper } from "./read.js";
import { checkVariables, placeholdersOf } from "./variables.js";

const creation = templateCreationLimits;
const headerFormats = ["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "GIF", "LOCATION", "PRODUCT"];
const mediaFormats = ["IMAGE", "VIDEO", "DOCUMENT", "GIF"];
/** WhatsApp's Markdown: *bold*, _italic_, ~strike~, ```mono``` — not in headers [TC]. */
const markdown = /[*_~]|```/;

/** HEADER [TC]: its format, a text ≤ 60 with at most one variable, or a media example handle. */
export function checkHeader(context: CheckContext, header: JsonObject, path: string): void {
  const { out, category } = context;
  knownFields(context, header, ["type", "format", "text", "example"], path);
  const format = upper(field(header, "format"));
  if (format === undefined || !headerFormats.includes(format)) {
    out.add("header-format", `${path}.format`, `expected one of ${headerFormats.join(", ")}, got ${show(field(header, "format"))}`);
    return;
  }
  if (format === "TEXT") {
    const text = textField(context, header, "text", path, "header-text-required");
    if (text === undefined) return;
    maxLength(context, "header-text-length", text, creation.headerText.max, `${path}.text`);
    if (markdown.test(text))
      out.add("header-no-markdown", `${path}.text`, `no Markdown characters (* _ ~ \`\`\`) in a header, got ${show(text)}`);
    const names = checkVariables(context, text, `${path}.text`);
    if (names.length > creation.headerText.variables)
      out.add(
        "header-variables-count",
        `${path}.text`,
        `at most ${creation.headerText.variables} variable in a header, got ${names.length}`,
      );
    checkExamples(context, names.slice(0, creation.headerText.variables), header, path, "header");
    return;
  }
  if (field(header, "text") !== undefined) out.add("unknown-field", `${path}.text`, `a ${format} header has no text`);
  if (mediaFormats.includes(format)) {
    const example = field(header, "example");
    const handles =
      example !== null && typeof example === "object" && !Array.isArray(example)
        ? field(example as JsonObject, "header_handle")
        : undefined;
    if (!Array.isArray(handles) || handles.length !== 1 || typeof handles[0] !== "string" || handles[0] === "")
      out.add(
        "header-media-example",
        `${path}.example.header_handle`,
        `a ${format} header needs example.header_handle: ["<upload handle>"] (Resumable Upload API)`,
      );
  }
  if (format === "LOCATION" && category === "AUTHENTICATION")
    out.add("header-location-category", `${path}.format`, "a LOCATION header is for UTILITY or MARKETING templates only");
  if (format === "GIF" && category !== undefined && category !== "MARKETING")
    out.add(
      "header-gif-category",
      `${path}.format`,
      `a GIF header is for MARKETING templates only (Marketing Messages API), got ${category}`,
    );
}

/** BODY [TC]: required text ≤ 1024 (600 with a limited-time offer), variables with examples. */
export function checkBody(context: CheckContext, body: JsonObject, path: string, max?: number): void {
  knownFields(context, body, ["type", "text", "example", "add_security_recommendation"], path);
  if (field(body, "add_security_recommendation") !== undefined && typeof field(body, "add_security_recommendation") !== "boolean")
    context.out.add("field-type", `${path}.add_security_recommendation`, "expected a boolean");
  if (context.category === "AUTHENTICATION") return; // the text is fixed: authentication.ts
  const text = textField(context, body, "text", path, "body-text-required");
  if (text === undefined) return;
  const limit = max ?? (context.offer ? creation.bodyText.maxWithOffer : creation.bodyText.max);
  maxLength(context, max === undefined ? "body-text-length" : "carousel-card-body-length", text, limit, `${path}.text`);
  checkExamples(context, checkVariables(context, text, `${path}.text`), body, path, "body");
}

/** FOOTER [TC]: text ≤ 60 and no variables (templates-management.md §6.4: the strict reading). */
export function checkFooter(context: CheckContext, footer: JsonObject, path: string): void {
  knownFields(context, footer, ["type", "text", "code_expiration_minutes"], path);
  if (context.category === "AUTHENTICATION") return; // code_expiration_minutes: authentication.ts
  if (field(footer, "code_expiration_minutes") !== undefined)
    context.out.add("unknown-field", `${path}.code_expiration_minutes`, "code_expiration_minutes is for AUTHENTICATION templates only");
  const text = textField(context, footer, "text", path, "footer-text-required");
  if (text === undefined) return;
  maxLength(context, "footer-text-length", text, creation.footerText.max, `${path}.text`);
  const { found, malformed } = placeholdersOf(text);
  if (found.length > 0 || malformed.length > 0)
    context.out.add(
      "footer-no-variables",
      `${path}.text`,
      `a footer takes no variables, got ${show(found[0] === undefined ? malformed[0] : `{{${found[0].name}}}`)}`,
    );
}
