import { templateCreationLimits } from "../limits.js";
import { type CheckContext, field, isObject, type JsonObject, kindOf, knownFields, maxLength, show, textField, upper } from "./read.js";
import { placeholdersOf } from "./variables.js";

const creation = templateCreationLimits;

/** The fields each button type takes [TC, AUTH, FLOW, CALL, BSUID]. */
const buttonFields: { readonly [type: string]: readonly string[] } = {
  QUICK_REPLY: ["type", "text"],
  URL: ["type", "text", "url", "example"],
  PHONE_NUMBER: ["type", "text", "phone_number"],
  COPY_CODE: ["type", "example"],
  // package_name and signature_hash sat on the button itself up to Graph API v20 [AUTH].
  OTP: ["type", "otp_type", "text", "autofill_text", "supported_apps", "zero_tap_terms_accepted", "package_name", "signature_hash"],
  FLOW: ["type", "text", "flow_id", "flow_name", "flow_json", "flow_action", "navigate_screen", "icon"],
  VOICE_CALL: ["type", "text", "ttl_minutes"],
  CATALOG: ["type", "text"],
  MPM: ["type", "text"],
  SPM: ["type", "text"],
  REQUEST_CONTACT_INFO: ["type"],
};
/** Types with a label the template sets (COPY_CODE's is fixed; OTP's is optional). */
const labelled = ["QUICK_REPLY", "URL", "PHONE_NUMBER", "FLOW", "VOICE_CALL", "CATALOG", "MPM", "SPM"];
/** At most this many of a type per template [TC; VOICE_CALL pywa; CATALOG, MPM, SPM kapso]. */
const perType: { readonly [type: string]: number } = {
  QUICK_REPLY: creation.buttons.quickReplies,
  URL: creation.buttons.urls,
  PHONE_NUMBER: creation.buttons.phoneNumbers,
  COPY_CODE: creation.buttons.copyCodes,
  VOICE_CALL: creation.buttons.voiceCalls,
  CATALOG: creation.buttons.catalogs,
  MPM: creation.buttons.mpms,
  SPM: creation.buttons.spms,
};

/**
 * A BUTTONS component [templates-management.md §2.4]: each button's fields and limits, the
 * counts, and quick replies in one contiguous group. Returns the upper-case types, in order.
 */
export function checkButtons(context: CheckContext, component: JsonObject, path: string): (string | undefined)[] {
  const { out } = context;
  knownFields(context, component, ["type", "buttons"], path);
  const buttons = field(component, "buttons");
  if (!Array.isArray(buttons) || buttons.length === 0) {
    out.add(
      "buttons-empty",
      `${path}.buttons`,
      `expected 1 to ${creation.buttons.max} buttons, got ${Array.isArray(buttons) ? 0 : kindOf(buttons)}`,
    );
    return [];
  }
  if (buttons.length > creation.buttons.max)
    out.add("buttons-total", `${path}.buttons`, `at most ${creation.buttons.max} buttons in total, got ${buttons.length}`);
  // Past the limit a few more are checked so their problems show; a hostile array is not walked whole.
  const types = buttons
    .slice(0, creation.buttons.max + 5)
    .map((button, index) => checkButton(context, button, `${path}.buttons[${index}]`));

  const counts = new Map<string, number>();
  for (const type of types) if (type !== undefined) counts.set(type, (counts.get(type) ?? 0) + 1);
  for (const [type, count] of counts) {
    const max = perType[type];
    if (max !== undefined && count > max) out.add("button-type-count", `${path}.buttons`, `at most ${max} ${type} button(s), got ${count}`);
  }
  // QR,QR,URL,PHONE and URL,PHONE,QR,QR are fine; QR,URL,QR is an "invalid combination" [TC].
  const first = types.indexOf("QUICK_REPLY");
  const last = types.lastIndexOf("QUICK_REPLY");
  const between = types.slice(first, last + 1).findIndex((type) => type !== "QUICK_REPLY");
  if (first !== -1 && between !== -1)
    out.add(
      "quick-replies-contiguous",
      `${path}.buttons[${first + between}]`,
      `quick replies must form one group; got ${types.join(", ")}`,
    );
  return types;
}

/** One button's fields; returns its upper-case type when known. */
function checkButton(context: CheckContext, button: unknown, path: string): string | undefined {
  const { out, category } = context;
  if (!isObject(button)) {
    out.add("field-type", path, `expected a button object, got ${kindOf(button)}`);
    return undefined;
  }
  const type = upper(field(button, "type"));
  const fields = type === undefined ? undefined : buttonFields[type];
  if (type === undefined || fields === undefined) {
    out.add("button-type", `${path}.type`, `expected one of ${Object.keys(buttonFields).join(", ")}, got ${show(field(button, "type"))}`);
    return undefined;
  }
  knownFields(context, button, fields, path);
  if (labelled.includes(type)) {
    const text = textField(context, button, "text", path, "button-text-required");
    maxLength(context, "button-text-length", text, creation.buttonText.max, `${path}.text`);
  }
  switch (type) {
    case "URL":
      checkUrl(context, button, path);
      break;
    case "PHONE_NUMBER": {
      const phone = textField(context, button, "phone_number", path, "phone-number-required");
      maxLength(context, "phone-number-length", phone, creation.phoneNumber.max, `${path}.phone_number`);
      break;
    }
    case "COPY_CODE": {
      const example = textField(context, button, "example", path, "copy-code-example");
      // ≤ 20 [TC, CPN] or ≤ 15 [LTO, pywa, kapso]: the strict reading, which is also the send-time limit (templates-management.md §6.3).
      maxLength(context, "copy-code-example", example, creation.copyCodeExample.max, `${path}.example`);
      break;
    }
    case "OTP":
      if (category !== undefined && category !== "AUTHENTICATION")
        out.add("otp-authentication-only", `${path}.type`, `an OTP button is for AUTHENTICATION templates only, got ${category}`);
      break;
    case "FLOW":
      checkFlow(context, button, path);
      break;
    case "VOICE_CALL": {
      const ttl = field(button, "ttl_minutes");
      const { min, max } = creation.voiceCallTtlMinutes;
      if (ttl !== undefined && !(Number.isInteger(ttl) && (ttl as number) >= min && (ttl as number) <= max))
        out.add("voice-call-ttl", `${path}.ttl_minutes`, `expected a whole number from ${min} to ${max}, got ${show(ttl)}`);
      break;
    }
    case "REQUEST_CONTACT_INFO":
      if (category === "AUTHENTICATION")
        out.add(
          "request-contact-info-category",
          `${path}.type`,
          "a REQUEST_CONTACT_INFO button is for UTILITY or MARKETING templates only",
        );
      break;
  }
  return type;
}

/** URL [TC]: ≤ 2000 characters, at most one variable and only at the very end, with an example. */
function checkUrl(context: CheckContext, button: JsonObject, path: string): void {
  const { out } = context;
  const url = textField(context, button, "url", path, "url-required");
  if (url === undefined) return;
  maxLength(context, "url-length", url, creation.url.max, `${path}.url`);
  const { found, malformed } = placeholdersOf(url);
  if (malformed.length > 0) out.add("variable-malformed", `${path}.url`, `${show(malformed[0])} is not a placeholder: use {{1}}`);
  if (found.length > 1 || (found.length === 1 && (found[0] as { end: number }).end !== url.length))
    out.add("url-variable-at-end", `${path}.url`, `a URL takes at most one variable, at its very end; got ${found.length} in ${show(url)}`);
  if (found.length === 0) return;
  const example = field(button, "example");
  // A suffix (TC, CAR) or a whole URL (LTO, pywa) are both read as an example here (templates-management.md §6.5).
  if (!Array.isArray(example) || example.length !== 1 || typeof example[0] !== "string" || example[0] === "")
    out.add("url-example", `${path}.example`, `a URL with a variable needs example: ["…"] (one string), got ${kindOf(example)}`);
}

/** FLOW [FLOW]: exactly one of flow_id, flow_name, flow_json; flow_action navigate or data_exchange. */
function checkFlow(context: CheckContext, button: JsonObject, path: string): void {
  const { out } = context;
  const targets = ["flow_id", "flow_name", "flow_json"].filter((key) => field(button, key) !== undefined);
  if (targets.length !== 1)
    out.add(
      "flow-target",
      path,
      `exactly one of flow_id, flow_name or flow_json, got ${targets.length === 0 ? "none" : targets.join(" and ")}`,
    );
  for (const key of targets) textField(context, button, key, path);
  const json = field(button, "flow_json");
  if (typeof json === "string") {
    try {
      JSON.parse(json);
    } catch {
      out.add("flow-target", `${path}.flow_json`, "flow_json must be the Flow's JSON as a string, and this does not parse");
    }
  }
  const action = field(button, "flow_action");
  if (action !== undefined && upper(action) !== "NAVIGATE" && upper(action) !== "DATA_EXCHANGE")
    out.add("flow-action", `${path}.flow_action`, `expected navigate or data_exchange, got ${show(action)}`);
}
