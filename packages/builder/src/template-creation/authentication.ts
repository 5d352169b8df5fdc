import { templateCreationLimits } from "../limits.js";
import { type CheckContext, field, isObject, type JsonObject, kindOf, maxLength, show, textField, upper } from "./read.js";

const creation = templateCreationLimits;
const otpTypes = ["COPY_CODE", "ONE_TAP", "ZERO_TAP"];
/** ≥ 2 dot-separated segments, each starting with a letter; `[A-Za-z0-9_]` otherwise [AUTH]. */
const packageName = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;
const signatureHash = /^[A-Za-z0-9+/=]+$/;

/**
 * AUTHENTICATION templates [templates-management.md §2.5]: no custom text and no header, a footer
 * only for `code_expiration_minutes` (1–90), and exactly one OTP button with nothing beside it.
 */
export function checkAuthentication(
  context: CheckContext,
  components: readonly (readonly [JsonObject, string, string | undefined])[],
): void {
  const { out } = context;
  let otp: readonly [JsonObject, string] | undefined;
  let buttonsSeen = false;
  for (const [component, path, type] of components) {
    if (type === "HEADER") out.add("authentication-no-header", path, "an AUTHENTICATION template has no header (no URLs, media or emoji)");
    if ((type === "BODY" || type === "FOOTER") && field(component, "text") !== undefined)
      out.add(
        "authentication-no-text",
        `${path}.text`,
        `an AUTHENTICATION template's ${type.toLowerCase()} text is fixed by Meta; leave text out`,
      );
    if (type === "FOOTER") {
      const minutes = field(component, "code_expiration_minutes");
      const { min, max } = creation.codeExpirationMinutes;
      if (minutes !== undefined && !(Number.isInteger(minutes) && (minutes as number) >= min && (minutes as number) <= max))
        out.add(
          "code-expiration-minutes",
          `${path}.code_expiration_minutes`,
          `expected a whole number from ${min} to ${max}, got ${show(minutes)}`,
        );
    }
    if (type !== "BUTTONS") continue;
    buttonsSeen = true;
    const buttons = field(component, "buttons");
    if (!Array.isArray(buttons)) continue; // reported by buttons.ts
    const otps = buttons.filter((button) => isObject(button) && upper(field(button, "type")) === "OTP");
    if (otps.length !== 1 || buttons.length !== 1)
      out.add(
        "authentication-otp-button",
        `${path}.buttons`,
        `exactly one OTP button and no other buttons, got ${otps.length} OTP of ${buttons.length} button(s)`,
      );
    const index = buttons.findIndex((button) => isObject(button) && upper(field(button, "type")) === "OTP");
    if (index !== -1) otp = [buttons[index] as JsonObject, `${path}.buttons[${index}]`];
  }
  if (!buttonsSeen)
    out.add("authentication-otp-button", "components", "an AUTHENTICATION template needs a BUTTONS component with one OTP button");
  if (otp !== undefined) checkOtp(context, ...otp);
}

/** The OTP button: its type, labels ≤ 25, the apps of one-tap and zero-tap, zero-tap's terms. */
function checkOtp(context: CheckContext, button: JsonObject, path: string): void {
  const { out } = context;
  const type = upper(field(button, "otp_type"));
  if (type === undefined || !otpTypes.includes(type)) {
    out.add("otp-type", `${path}.otp_type`, `expected one of ${otpTypes.join(", ")}, got ${show(field(button, "otp_type"))}`);
    return;
  }
  for (const key of ["text", "autofill_text"])
    maxLength(context, "button-text-length", textField(context, button, key, path), creation.buttonText.max, `${path}.${key}`);
  if (type === "ZERO_TAP" && field(button, "zero_tap_terms_accepted") !== true)
    out.add(
      "otp-zero-tap-terms",
      `${path}.zero_tap_terms_accepted`,
      `a ZERO_TAP button needs zero_tap_terms_accepted: true, got ${show(field(button, "zero_tap_terms_accepted"))}`,
    );
  const apps = field(button, "supported_apps");
  const legacy = field(button, "package_name") !== undefined || field(button, "signature_hash") !== undefined;
  if (apps === undefined) {
    if (legacy) checkApp(context, button, path);
    else if (type !== "COPY_CODE")
      out.add(
        "otp-supported-apps",
        `${path}.supported_apps`,
        `a ${type} button needs supported_apps: 1 to ${creation.supportedApps.max} apps`,
      );
    return;
  }
  const { min, max } = creation.supportedApps;
  if (!Array.isArray(apps) || apps.length < min || apps.length > max) {
    out.add(
      "otp-supported-apps",
      `${path}.supported_apps`,
      `expected ${min} to ${max} apps, got ${Array.isArray(apps) ? apps.length : kindOf(apps)}`,
    );
    if (!Array.isArray(apps)) return;
  }
  apps.slice(0, max + 1).forEach((app, index) => {
    if (isObject(app)) checkApp(context, app, `${path}.supported_apps[${index}]`);
    else out.add("field-type", `${path}.supported_apps[${index}]`, `expected { package_name, signature_hash }, got ${kindOf(app)}`);
  });
}

function checkApp(context: CheckContext, app: JsonObject, path: string): void {
  const name = textField(context, app, "package_name", path, "otp-package-name");
  if (name !== undefined && (name.length > creation.packageName.max || !packageName.test(name)))
    context.out.add(
      "otp-package-name",
      `${path}.package_name`,
      `at most ${creation.packageName.max} characters in [A-Za-z0-9_], 2 or more dot-separated segments each starting with a letter; got ${show(name)} (${name.length} characters)`,
    );
  const hash = textField(context, app, "signature_hash", path, "otp-signature-hash");
  if (hash !== undefined && (hash.length !== creation.signatureHash.length || !signatureHash.test(hash)))
    context.out.add(
      "otp-signature-hash",
      `${path}.signature_hash`,
      `exactly ${creation.signatureHash.length} characters in [A-Za-z0-9+/=], got ${show(hash)} (${hash.length} characters)`,
    );
}
