import { limits } from "../limits.js";
import { checkBoolean, checkKnownKeys, checkString, stringRule } from "./fields.js";
import type { JsonObject, Report } from "./report.js";

const fields = ["body", "preview_url"];
const bodyRule = stringRule({ required: true, ...limits.text.body });

/** `text` [S §2]. */
export function checkText(report: Report, text: JsonObject): void {
  checkKnownKeys(report, text, fields);
  checkString(report, text.body, "body", bodyRule);
  checkBoolean(report, text.preview_url, "preview_url");
}
