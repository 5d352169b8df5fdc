import type { Issue } from "@wacompose/builder";
import type {
  ErrorEvent,
  FlowReply,
  InboundMessage,
  InteractiveMessage,
  Metadata,
  OtherEvent,
  StatusEvent,
  StatusName,
  WebhookContact,
  WebhookEvent,
} from "./events.js";

/** Every event of one webhook POST, in payload order, and what could not be read. */
export interface ParsedWebhook {
  readonly events: readonly WebhookEvent[];
  /** Problems, with paths in the payload's names (`entry[0].changes[1].value.messages[2].id`), as `validate()` reports them. */
  readonly issues: readonly Issue[];
}

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
/** Text for an id-like value: strings as they are, numbers in digits, anything else empty (never a call into the value). */
const textOf = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
/** A value in a message: JSON when it has one, else its type (never a throw). */
const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? "nothing";
  } catch {
    return typeof value;
  }
};
const describe = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value);

/** For each message type, the member that must hold an object (its payload). */
const payloadOf: Readonly<Record<string, string | undefined>> = {
  text: "text",
  image: "image",
  video: "video",
  audio: "audio",
  document: "document",
  sticker: "sticker",
  location: "location",
  contacts: "contacts",
  interactive: "interactive",
  button: "button",
  reaction: "reaction",
  order: "order",
  system: "system",
  request_welcome: undefined,
  unsupported: undefined,
};
const statuses: ReadonlySet<string> = new Set<StatusName>(["sent", "delivered", "read", "played", "failed"]);

/**
 * Reads a webhook body (already `JSON.parse`d, after the signature check) into typed events:
 * every entry, every change, every message, status and error, in order. Never throws: what
 * cannot be read is an issue with its path, and an `other` event keeps it, so nothing is lost.
 *
 * @example
 * const { events, issues } = parseWebhook(JSON.parse(rawBody));
 * for (const event of events) if (event.kind === "message" && event.type === "text") console.log(event.text.body);
 */
export function parseWebhook(json: unknown): ParsedWebhook {
  const events: WebhookEvent[] = [];
  const issues: Issue[] = [];
  const issue = (path: string, code: Issue["code"], message: string): void => {
    issues.push({ path, code, severity: "error", message });
  };
  if (!isObject(json)) {
    issue("", "invalid_type", `a webhook body is a JSON object, got ${describe(json)}`);
    return { events, issues };
  }
  if (json.object !== "whatsapp_business_account")
    issue("object", "invalid_value", `expected "whatsapp_business_account", got ${show(json.object)}`);
  if (!Array.isArray(json.entry)) {
    issue("entry", json.entry === undefined ? "required" : "invalid_type", `an array of entries, got ${describe(json.entry)}`);
    return { events, issues };
  }
  json.entry.forEach((entry: unknown, e) => {
    const entryPath = `entry[${e}]`;
    if (!isObject(entry) || !Array.isArray(entry.changes)) {
      issue(
        isObject(entry) ? `${entryPath}.changes` : entryPath,
        "invalid_type",
        `an entry with an array of changes, got ${describe(entry)}`,
      );
      return;
    }
    const wabaId = textOf(entry.id);
    entry.changes.forEach((change: unknown, c) => {
      const path = `${entryPath}.changes[${c}]`;
      if (!isObject(change) || !isObject(change.value)) {
        issue(isObject(change) ? `${path}.value` : path, "invalid_type", `a change with a value object, got ${describe(change)}`);
        return;
      }
      const field = typeof change.field === "string" ? change.field : "";
      if (field !== "messages") {
        events.push({ kind: "other", wabaId, field, path, raw: change.value });
        return;
      }
      readMessagesChange(change.value, `${path}.value`, wabaId, events, issue);
    });
  });
  return { events, issues };
}

type Report = (path: string, code: Issue["code"], message: string) => void;

function readMessagesChange(value: Json, path: string, wabaId: string, events: WebhookEvent[], issue: Report): void {
  const metadata: Metadata = isObject(value.metadata)
    ? {
        display_phone_number: textOf(value.metadata.display_phone_number),
        phone_number_id: textOf(value.metadata.phone_number_id),
      }
    : { display_phone_number: "", phone_number_id: "" };
  if (!isObject(value.metadata)) issue(`${path}.metadata`, "required", "the business number's metadata is missing");
  const contacts = Array.isArray(value.contacts) ? value.contacts.filter(isObject) : [];
  const other = (at: string, raw: unknown): OtherEvent => ({ kind: "other", wabaId, field: "messages", path: at, raw });
  const list = (name: string): readonly unknown[] => {
    const items = value[name];
    if (items === undefined) return [];
    if (Array.isArray(items)) return items;
    issue(`${path}.${name}`, "invalid_type", `an array, got ${describe(items)}`);
    return [];
  };

  list("messages").forEach((raw, m) => {
    const at = `${path}.messages[${m}]`;
    const message = readMessage(raw, at, { wabaId, metadata }, contacts, issue);
    events.push(message ?? other(at, raw));
  });
  list("statuses").forEach((raw, s) => {
    const at = `${path}.statuses[${s}]`;
    const status = readStatus(raw, at, { wabaId, metadata }, issue);
    events.push(status ?? other(at, raw));
  });
  list("errors").forEach((raw, n) => {
    const at = `${path}.errors[${n}]`;
    if (isObject(raw) && typeof raw.code === "number") {
      const error: ErrorEvent = { kind: "error", wabaId, metadata, error: raw as unknown as ErrorEvent["error"], raw };
      events.push(error);
    } else {
      issue(`${at}.code`, "required", "an error needs a numeric code");
      events.push(other(at, raw));
    }
  });
}

interface Origin {
  readonly wabaId: string;
  readonly metadata: Metadata;
}

/** A finite number, or a string holding one; else undefined. */
function numberOf(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

/** Seconds from Meta's string (or number) timestamp; undefined when it is neither. */
function secondsOf(value: unknown): number | undefined {
  const seconds = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) ? seconds : undefined;
}

/** The id, timestamp and the like every message and status needs; an issue for the first that is missing. */
function common(raw: unknown, at: string, issue: Report): { raw: Json; id: string; timestamp: number } | undefined {
  if (!isObject(raw)) {
    issue(at, "invalid_type", `an object, got ${describe(raw)}`);
    return undefined;
  }
  if (typeof raw.id !== "string" || raw.id === "") {
    issue(`${at}.id`, raw.id === undefined ? "required" : "invalid_type", `a wamid string, got ${describe(raw.id)}`);
    return undefined;
  }
  // An unreadable time is reported, but the update is still typed (its id and content are what a receiver acts on).
  const timestamp = secondsOf(raw.timestamp);
  if (timestamp === undefined)
    issue(`${at}.timestamp`, raw.timestamp === undefined ? "required" : "invalid_format", "Unix seconds, as a string of digits");
  return { raw, id: raw.id, timestamp: timestamp ?? Number.NaN };
}

function readMessage(input: unknown, at: string, origin: Origin, contacts: readonly Json[], issue: Report): InboundMessage | undefined {
  const base = common(input, at, issue);
  if (base === undefined) return undefined;
  const { raw } = base;
  const type = typeof raw.type === "string" ? raw.type : undefined;
  if (type === undefined) {
    issue(`${at}.type`, "required", "a message type is required");
    return undefined;
  }
  // The sender's profile: matched by wa_id or BSUID, else the only contact of the change.
  const contact = (contacts.find(
    (c) => (raw.from !== undefined && c.wa_id === raw.from) || (raw.from_user_id !== undefined && c.user_id === raw.from_user_id),
  ) ?? (contacts.length === 1 ? contacts[0] : undefined)) as WebhookContact | undefined;
  const known = type in payloadOf;
  const member = payloadOf[type];
  if (known && member !== undefined) {
    const payload = raw[member];
    const wanted = member === "contacts" ? Array.isArray(payload) : isObject(payload);
    if (!wanted) {
      issue(
        `${at}.${member}`,
        payload === undefined ? "required" : "invalid_type",
        `${/^[aeio]/i.test(type) ? "an" : "a"} ${type} message carries its ${member}`,
      );
      return undefined;
    }
  }
  // What the event holds instead of the raw member: coordinates as numbers, an interactive reply with its parsed parts.
  let replaced: unknown;
  if (type === "location") {
    replaced = locationOf(raw.location as Json);
    if (replaced === undefined) {
      issue(`${at}.location`, "invalid_type", "a location carries a numeric latitude and longitude");
      return undefined;
    }
  } else if (type === "interactive") replaced = interactiveReply(raw.interactive as Json);
  // Built field by field, not by spreading `raw` and overwriting (that makes each event a slow dictionary-mode object).
  const event: Record<string, unknown> = {
    kind: "message",
    type: known ? type : "unknown",
    id: base.id,
    timestamp: base.timestamp,
    wabaId: origin.wabaId,
    metadata: origin.metadata,
    raw,
  };
  if (!known) event.original_type = type;
  if (contact !== undefined) event.contact = contact;
  for (const key of Object.keys(raw)) if (!(key in event)) event[key] = key === type && replaced !== undefined ? replaced : raw[key];
  return event as unknown as InboundMessage;
}

/** A location with numeric coordinates (Meta documents numbers; a string holding one is read as one), or undefined. */
function locationOf(location: Json): Json | undefined {
  const latitude = numberOf(location.latitude);
  const longitude = numberOf(location.longitude);
  return latitude === undefined || longitude === undefined ? undefined : { ...location, latitude, longitude };
}

function interactiveReply(interactive: Json): InteractiveMessage["interactive"] {
  const type = interactive.type;
  if (type === "button_reply" && isObject(interactive.button_reply)) return interactive as unknown as InteractiveMessage["interactive"];
  if (type === "list_reply" && isObject(interactive.list_reply)) return interactive as unknown as InteractiveMessage["interactive"];
  if (type === "nfm_reply" && isObject(interactive.nfm_reply)) {
    const reply = interactive.nfm_reply;
    const responseJson = typeof reply.response_json === "string" ? reply.response_json : "{}";
    let response: Json = {};
    try {
      const parsed: unknown = JSON.parse(responseJson);
      if (isObject(parsed)) response = parsed;
    } catch {
      // Not JSON: `response` stays {}, `response_json` keeps what came.
    }
    const flowReply: FlowReply["nfm_reply"] = {
      ...(reply as object),
      response_json: responseJson,
      response,
      ...(typeof response.flow_token === "string" ? { flow_token: response.flow_token } : {}),
    };
    return { type: "nfm_reply", nfm_reply: flowReply };
  }
  return { type: "other", reply_type: typeof type === "string" ? type : "", raw: interactive };
}

function readStatus(input: unknown, at: string, origin: Origin, issue: Report): StatusEvent | undefined {
  const base = common(input, at, issue);
  if (base === undefined) return undefined;
  const status = base.raw.status;
  if (typeof status !== "string" || !statuses.has(status)) {
    issue(`${at}.status`, "invalid_value", `one of sent, delivered, read, played, failed; got ${show(status)}`);
    return undefined;
  }
  // Built field by field, not by spreading `raw` and overwriting (that makes each event a slow dictionary-mode object).
  const event: { -readonly [Key in keyof StatusEvent]: StatusEvent[Key] } = {
    kind: "status",
    id: base.id,
    status: status as StatusName,
    timestamp: base.timestamp,
    wabaId: origin.wabaId,
    metadata: origin.metadata,
    raw: base.raw,
  };
  for (const key of statusFields) {
    const value = base.raw[key];
    if (value !== undefined) (event as Record<string, unknown>)[key] = value;
  }
  return event;
}

/** What a status may carry besides its id, status and timestamp (anything else stays in `raw`). */
const statusFields = [
  "recipient_id",
  "recipient_user_id",
  "recipient_type",
  "recipient_participant_id",
  "biz_opaque_callback_data",
  "conversation",
  "pricing",
  "errors",
] as const;
