import { limits } from "../limits.js";
import { checkBoolean, checkKnownKeys, checkString, stringRule } from "./fields.js";
import type { JsonObject, Report } from "./report.js";

const fields = ["body", "preview_url"];
const bodyRule = stringRule({ required: true, ...limits.text.body });

/** `text` [S §2]. */
export function checkText(report: Report, text: JsonObject, path: string): void {
  checkKnownKeys(report, text, path, fields);
  checkString(report, text.body, path, "body", bodyRule);
  checkBoolean(report, text.preview_url, path, "preview_url");
}
