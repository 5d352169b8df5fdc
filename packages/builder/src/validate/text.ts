import { limits } from "../limits.js";
import type { TextMessage } from "../payload/index.js";
import { checkBoolean, checkKnownKeys, checkString, fits, fitsBoolean, stringRule } from "./fields.js";
import type { JsonObject, Report } from "./report.js";

const fields = ["body", "preview_url"];
const bodyRule = stringRule({ required: true, ...limits.text.body });

/** `text` [S §2]. */
export function checkText(report: Report, text: JsonObject): void {
  checkKnownKeys(report, text, fields);
  checkString(report, text.body, "body", bodyRule);
  checkBoolean(report, text.preview_url, "preview_url");
}

/** The builder's quick test (its keys are known): true only when checkText reports nothing. */
export const acceptsText = ({ text }: TextMessage): boolean => fits(text.body, bodyRule) && fitsBoolean(text.preview_url);
