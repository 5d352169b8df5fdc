import type { MarkReadRequest } from "../payload/mark-read.js";
import { checkObject, checkWamid, wamidRule } from "./common.js";
import { checkEnum, checkKnownKeys, fits } from "./fields.js";
import type { JsonObject, Report } from "./report.js";

const fields = ["messaging_product", "status", "message_id", "typing_indicator"];
const read = ["read"];
const typingFields = ["type"];
const typingTypes = ["text"];

/** The mark-as-read body, optionally with a typing indicator [S §9, M-typing]. */
export function checkMarkRead(report: Report, body: JsonObject): void {
  checkKnownKeys(report, body, fields, "not a field of a mark-as-read body");
  checkEnum(report, body.status, "status", read, true);
  checkWamid(report, body.message_id, "message_id");
  checkObject(report, body.typing_indicator, "typing_indicator", checkTypingIndicator);
}

function checkTypingIndicator(report: Report, typing: JsonObject): void {
  checkKnownKeys(report, typing, typingFields);
  checkEnum(report, typing.type, "type", typingTypes, true);
}

/** The builder's quick test: it writes every field but the id, so only the id is tested. */
export const acceptsMarkRead = (body: MarkReadRequest): boolean => fits(body.message_id, wamidRule);
