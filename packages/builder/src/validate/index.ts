import type { Issue } from "../issue.js";
import { recipientTypes } from "../limits.js";
import { checkObject } from "./common.js";
import { checkContacts } from "./contacts.js";
import { callbackDataRule, checkContext, checkRecipient } from "./envelope.js";
import { checkBoolean, checkEnum, checkString } from "./fields.js";
import { checkInteractive } from "./interactive.js";
import { checkLocation } from "./location.js";
import { checkMarkRead } from "./mark-read.js";
import { checkMedia } from "./media.js";
import { checkReaction } from "./reaction.js";
import { isObject, type JsonObject, kindOf, Report, show } from "./report.js";
import { checkTemplate } from "./template.js";
import { checkText } from "./text.js";
import { describe, skipped, toWire } from "./wire.js";

/** Checks the value of the field named by `type` (the key is that type). */
type KindRule = (report: Report, value: unknown, key: string) => void;

const objectRule =
  (check: (report: Report, object: JsonObject) => void): KindRule =>
  (report, value, key) =>
    checkObject(report, value, key, check, true);

/**
 * One rule per documented `type` [S §1]. A `Record` over the kinds rather than a switch:
 * the compiler rejects a kind without a rule, and dispatch is one property read.
 */
const kindRules = {
  text: objectRule(checkText),
  reaction: objectRule(checkReaction),
  image: objectRule((report, media) => checkMedia("image", report, media)),
  video: objectRule((report, media) => checkMedia("video", report, media)),
  document: objectRule((report, media) => checkMedia("document", report, media)),
  audio: objectRule((report, media) => checkMedia("audio", report, media)),
  sticker: objectRule((report, media) => checkMedia("sticker", report, media)),
  location: objectRule(checkLocation),
  contacts: checkContacts,
  interactive: objectRule(checkInteractive),
  template: objectRule(checkTemplate),
} satisfies Record<string, KindRule>;

type Kind = keyof typeof kindRules;
const kinds = Object.keys(kindRules) as Kind[];
const isKind = (type: unknown): type is Kind => typeof type === "string" && Object.hasOwn(kindRules, type);

const whatsapp = ["whatsapp"];

/**
 * Checks any value against the documented rules for a messages-endpoint body and returns
 * every issue found; an empty array means valid. Never throws, and runs in time linear in
 * the body's size. It judges what `JSON.stringify` would send: `toJSON` applied, own
 * enumerable properties only, `undefined` members dropped; values JSON cannot carry (a
 * BigInt, a cycle, a getter that throws) are issues.
 *
 * @example
 * validate({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "" } });
 * // [{ path: "text.body", code: "too_short", message: "must not be empty", limit: 1, actual: 0 }]
 */
export function validate(value: unknown): readonly Issue[] {
  const report = new Report();
  try {
    const body = toWire(value, report);
    if (body === skipped) return report.issues;
    if (!isObject(body)) report.add(undefined, "invalid_type", `expected a JSON object, got ${kindOf(body)}`);
    else {
      if (body.messaging_product !== "whatsapp") checkEnum(report, body.messaging_product, "messaging_product", whatsapp, true);
      if (body.status !== undefined && body.type === undefined && body.to === undefined) checkMarkRead(report, body);
      else checkMessage(report, body);
    }
  } catch (error) {
    // Not reachable through toWire's copy; kept so that validate() never throws, whatever happens (a stack overflow on absurd nesting).
    return [...report.issues, { path: "", code: "invalid_value", message: `could not be checked: ${describe(error)}` }];
  }
  return report.issues;
}

function checkMessage(report: Report, body: JsonObject): void {
  checkEnum(report, body.recipient_type, "recipient_type", recipientTypes);
  checkRecipient(report, body);
  const type = body.type ?? "text"; // the API defaults an absent type to text
  if (!isKind(type)) {
    report.add("type", "invalid_value", `unknown message type ${show(type)}; expected one of ${kinds.join(", ")}`);
  } else if (body[type] === undefined) {
    report.add(type, "required", `is required when type is "${type}"`);
  } else kindRules[type](report, body[type], type);

  checkOtherKinds(report, body, type);
  checkObject(report, body.context, "context", checkContext);
  checkString(report, body.biz_opaque_callback_data, "biz_opaque_callback_data", callbackDataRule);
  checkBoolean(report, body.message_activity_sharing, "message_activity_sharing");
}

/** Reports keys that are neither envelope fields nor the object named by `type`. */
function checkOtherKinds(report: Report, body: JsonObject, type: unknown): void {
  for (const key in body) {
    switch (key) {
      case "messaging_product":
      case "recipient_type":
      case "to":
      case "type":
      case "context":
      case "biz_opaque_callback_data":
      case "message_activity_sharing":
        continue;
      default:
        if (key === type) continue;
        report.add(key, "unknown_field", isKind(key) ? `not allowed when type is ${show(type)}` : "not a field of a message body");
    }
  }
}
