import { limits } from "../limits.js";
import { checkBoolean, checkKnownKeys, checkString } from "./fields.js";
import type { JsonObject, Report } from "./report.js";

/** `text` [S §2]. */
export function checkText(report: Report, text: JsonObject, path: string): void {
  checkKnownKeys(report, text, path, ["body", "preview_url"]);
  checkString(report, text, "body", path, { required: true, ...limits.text.body });
  checkBoolean(report, text, "preview_url", path);
}
