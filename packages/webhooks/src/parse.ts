import type { Issue } from "@wacompose/builder";
import {
  anyMessageShape,
  contactShape,
  errorShape,
  isKnownType,
  messageShapes,
  replyShapes,
  statusMembers,
  statusShape,
} from "./event-shapes.js";
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
import { fieldReader } from "./fields/registry.js";
import { jsonText } from "./json-text.js";
import { quote } from "./quote.js";
import { checkOf, conform, describe, guardPrototype, isObject, type Json, type ObjectShape, plainIsOwn, type Report } from "./shape.js";

/** Every event of one webhook POST, in payload order, and what could not be read. */
export interface ParsedWebhook {
  readonly events: readonly WebhookEvent[];
  /** Problems, with paths in the payload's names (`entry[0].changes[1].value.messages[2].id`), as `validate()` reports them. */
  readonly issues: readonly Issue[];
}

/** Issues listed per batch; the rest are counted in one `truncated` issue, as `validate()` does (a broken 3 MB batch would list millions). */
const maxIssuesPerBatch = 100;
/** Text for an id-like value: strings as they are, numbers in digits, anything else empty (never a call into the value). */
const textOf = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
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
  let count = 0;
  const issue = (path: string, code: Issue["code"], message: string): void => {
    if (++count <= maxIssuesPerBatch) issues.push({ path, code, severity: "error", message });
  };
  guardPrototype(allShapes);
  const done = (): ParsedWebhook => {
    if (count > maxIssuesPerBatch)
      issues.push({
        path: "",
        code: "truncated",
        severity: "error",
        message: `stopped listing after ${maxIssuesPerBatch} issues; ${count - maxIssuesPerBatch} more not listed (every event is still in events)`,
        limit: maxIssuesPerBatch,
        actual: count,
      });
    return { events, issues };
  };
  if (!isObject(json)) {
    issue("", "invalid_type", `a webhook body is a JSON object, got ${describe(json)}`);
    return done();
  }
  if (json.object !== "whatsapp_business_account")
    issue("object", "invalid_value", `expected "whatsapp_business_account", got ${quote(json.object)}`);
  if (!Array.isArray(json.entry)) {
    issue("entry", json.entry === undefined ? "required" : "invalid_type", `an array of entries, got ${describe(json.entry)}`);
    return done();
  }
  json.entry.forEach((entry: unknown, e) => {
    const entryPath = `entry[${e}]`;
    if (!isObject(entry) || !Array.isArray(entry.changes)) {
      issue(
        isObject(entry) ? `${entryPath}.changes` : entryPath,
        isObject(entry) && entry.changes === undefined ? "required" : "invalid_type",
        isObject(entry) ? `an array of changes, got ${describe(entry.changes)}` : `an entry object, got ${describe(entry)}`,
      );
      events.push({ kind: "other", wabaId: isObject(entry) ? textOf(entry.id) : "", field: "", path: entryPath, raw: entry });
      return;
    }
    const wabaId = textOf(entry.id);
    const time = secondsOf(entry.time);
    entry.changes.forEach((change: unknown, c) => {
      const path = `${entryPath}.changes[${c}]`;
      const field = isObject(change) && typeof change.field === "string" ? change.field : "";
      if (!isObject(change) || !isObject(change.value)) {
        issue(
          isObject(change) ? `${path}.value` : path,
          isObject(change) && change.value === undefined ? "required" : "invalid_type",
          isObject(change) ? `a value object, got ${describe(change.value)}` : `a change object, got ${describe(change)}`,
        );
        events.push({ kind: "other", wabaId, field, path, raw: isObject(change) ? change.value : change });
        return;
      }
      const reader = field === "messages" ? undefined : fieldReader(field);
      if (reader !== undefined) {
        const readMessages = (value: Json, at: string): WebhookEvent[] => {
          const read: WebhookEvent[] = [];
          readMessagesChange(value, at, wabaId, read, issue);
          return read;
        };
        const read = reader(change.value, { wabaId, field, time, path, issue, readMessages });
        for (const event of read) events.push(event);
        // A value the reader could make nothing of (its list of another type, or holding no object) is kept whole; one
        // whose updates are an empty list has nothing to keep (as `messages: []` gives no event).
        const value = change.value;
        if (read.length === 0 && Object.keys(value).some((key) => !everyChangeHas.has(key) && !isEmptyList(value[key])))
          events.push({ kind: "other", wabaId, field, path: `${path}.value`, raw: value });
        return;
      }
      if (field !== "messages") {
        events.push({ kind: "other", wabaId, field, path, raw: change.value });
        return;
      }
      readMessagesChange(change.value, `${path}.value`, wabaId, events, issue);
      // A member this package does not read (one Meta adds beside messages and statuses) is kept, not dropped.
      for (const key of Object.keys(change.value))
        if (!messagesMembers.has(key) && typeof change.value[key] === "object" && change.value[key] !== null)
          events.push({ kind: "other", wabaId, field, path: `${path}.value.${key}`, raw: change.value[key] });
    });
  });
  return done();
}

/** The members of every change's value that are about the change, not an update in it. */
const everyChangeHas: ReadonlySet<string> = new Set(["messaging_product", "metadata"]);
const isEmptyList = (member: unknown): boolean => Array.isArray(member) && member.length === 0;
/** The members of a `messages` value that `readMessagesChange` reads. */
const messagesMembers: ReadonlySet<string> = new Set([...everyChangeHas, "contacts", "messages", "statuses", "errors"]);

function readMessagesChange(value: Json, path: string, wabaId: string, events: WebhookEvent[], issue: Report): void {
  const metadata: Metadata = isObject(value.metadata)
    ? {
        display_phone_number: textOf(value.metadata.display_phone_number),
        phone_number_id: textOf(value.metadata.phone_number_id),
      }
    : { display_phone_number: "", phone_number_id: "" };
  if (!isObject(value.metadata)) issue(`${path}.metadata`, "required", "the business number's metadata is missing");
  const other = (at: string, raw: unknown): OtherEvent => ({ kind: "other", wabaId, field: "messages", path: at, raw });
  /** Lists of another type, kept after the updates (so the updates' places stay as `standby` counts them). */
  const unreadLists: OtherEvent[] = [];
  const list = (name: string): readonly unknown[] => {
    const items = Object.hasOwn(value, name) ? value[name] : undefined;
    if (items === undefined) return [];
    if (Array.isArray(items)) return items;
    issue(`${path}.${name}`, "invalid_type", `an array, got ${describe(items)}`);
    if (name !== "contacts") unreadLists.push(other(`${path}.${name}`, items));
    return [];
  };
  const contactOf = senderProfiles(list("contacts"), `${path}.contacts`, issue);

  list("messages").forEach((raw, m) => {
    const at = `${path}.messages[${m}]`;
    const message = readMessage(raw, at, { wabaId, metadata }, contactOf, issue);
    events.push(message ?? other(at, raw));
  });
  list("statuses").forEach((raw, s) => {
    const at = `${path}.statuses[${s}]`;
    const status = readStatus(raw, at, { wabaId, metadata }, issue);
    events.push(status ?? other(at, raw));
  });
  list("errors").forEach((raw, n) => {
    const at = `${path}.errors[${n}]`;
    const error = conform(raw, errorShape, at, issue);
    events.push(
      error === undefined ? other(at, raw) : { kind: "error", wabaId, metadata, error: error as ErrorEvent["error"], raw: raw as Json },
    );
  });
  for (const event of unreadLists) events.push(event);
}

/** Who sent a message: its profile from `value.contacts[]`, by `wa_id` or BSUID, else the change's only contact. One pass over the contacts, one lookup per message. */
function senderProfiles(contacts: readonly unknown[], path: string, issue: Report): (message: Json) => WebhookContact | undefined {
  const checked: { readonly contact: WebhookContact; readonly index: number }[] = [];
  const byWaId = new Map<string, (typeof checked)[number]>();
  const byUserId = new Map<string, (typeof checked)[number]>();
  contacts.forEach((raw, index) => {
    const contact = conform(raw, contactShape, `${path}[${index}]`, issue) as WebhookContact | undefined;
    if (contact === undefined) return;
    const entry = { contact, index: checked.length };
    checked.push(entry);
    // The first contact with an id wins, as a search in order would find it.
    const { wa_id: waId, user_id: userId } = contact;
    if (waId !== undefined && !byWaId.has(waId)) byWaId.set(waId, entry);
    if (userId !== undefined && !byUserId.has(userId)) byUserId.set(userId, entry);
  });
  const only = checked.length === 1 ? checked[0]?.contact : undefined;
  return (message) => {
    const byPhone = typeof message.from === "string" ? byWaId.get(message.from) : undefined;
    const byUser = typeof message.from_user_id === "string" ? byUserId.get(message.from_user_id) : undefined;
    const found = byPhone === undefined ? byUser : byUser === undefined || byPhone.index < byUser.index ? byPhone : byUser;
    return found?.contact ?? only;
  };
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

function readMessage(
  input: unknown,
  at: string,
  origin: Origin,
  contactOf: (message: Json) => WebhookContact | undefined,
  issue: Report,
): InboundMessage | undefined {
  const base = common(input, at, issue);
  if (base === undefined) return undefined;
  const { raw } = base;
  const type = typeof raw.type === "string" ? raw.type : undefined;
  if (type === undefined) {
    if (raw.type === undefined) issue(`${at}.type`, "required", "a message type is required");
    else issue(`${at}.type`, "invalid_type", `a message type is a string, got ${quote(raw.type)}`);
    return undefined;
  }
  const known = isKnownType(type);
  let subject = raw;
  // Coordinates as numbers (Meta documents numbers; a string holding one is read as one).
  if (type === "location" && isObject(raw.location)) {
    const location = locationOf(raw.location);
    if (location === undefined) {
      issue(`${at}.location`, "invalid_type", "a location carries a numeric latitude and longitude");
      return undefined;
    }
    subject = { ...raw, location };
  }
  // Every typed member checked against what events.ts promises; a required one of another type makes this an `other` event.
  const checked = conform(subject, known ? (messageShapes[type] as ObjectShape) : anyMessageShape, at, issue) as Json | undefined;
  if (checked === undefined) return undefined;
  let reply: InteractiveMessage["interactive"] | undefined;
  if (type === "interactive") {
    reply = interactiveReply(checked.interactive as Json, `${at}.interactive`, issue);
    if (reply === undefined) return undefined;
  }
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
  const contact = contactOf(raw);
  if (contact !== undefined) event.contact = contact;
  for (const key of Object.keys(checked)) if (!(key in event)) event[key] = reply !== undefined && key === type ? reply : checked[key];
  return event as unknown as InboundMessage;
}

/** A location with numeric coordinates (Meta documents numbers; a string holding one is read as one), or undefined. */
function locationOf(location: Json): Json | undefined {
  const latitude = numberOf(location.latitude);
  const longitude = numberOf(location.longitude);
  return latitude === undefined || longitude === undefined ? undefined : { ...location, latitude, longitude };
}

/** The reply an interactive message carries; undefined (with issues) when a reply this package types is of another shape. */
function interactiveReply(interactive: Json, at: string, issue: Report): InteractiveMessage["interactive"] | undefined {
  const type = interactive.type as string;
  if (type !== "button_reply" && type !== "list_reply" && type !== "nfm_reply")
    return { type: "other", reply_type: type, raw: interactive };
  const given = Object.hasOwn(interactive, type) ? interactive[type] : undefined;
  const reply = conform(type === "nfm_reply" ? withResponseText(given) : given, replyShapes[type], `${at}.${type}`, issue) as
    | Json
    | undefined;
  if (reply === undefined) return undefined;
  if (type !== "nfm_reply")
    return (reply === interactive[type] ? interactive : { ...interactive, [type]: reply }) as unknown as InteractiveMessage["interactive"];
  const responseJson = typeof reply.response_json === "string" ? reply.response_json : "{}";
  let response: Json = {};
  try {
    // JSON.parse walks its input without recursion, so a deep response_json cannot overflow the stack.
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

/**
 * An `nfm_reply` whose `response_json` is an object (Meta's media-upload page shows one; its webhook page a
 * string: flows.md §8.12, "parse either") with that object as JSON text, so it is read, not dropped.
 */
function withResponseText(reply: unknown): unknown {
  if (!isObject(reply) || !isObject(reply.response_json)) return reply;
  try {
    return { ...reply, response_json: jsonText(reply.response_json) };
  } catch {
    // A cycle or a bigint (a value no JSON.parse makes): left as it came, and reported as not text.
    return reply;
  }
}

const allShapes = [...Object.values(messageShapes), anyMessageShape, contactShape, errorShape, statusShape, ...Object.values(replyShapes)];
/** Each status member with its check; `text` marks the string ones, checked inline (this loop runs for every status of a batch). */
const statusChecks = statusMembers.map((key) => {
  const shape = statusShape.optional[key];
  return [key, shape === "string", checkOf(shape)] as const;
});

function readStatus(input: unknown, at: string, origin: Origin, issue: Report): StatusEvent | undefined {
  const base = common(input, at, issue);
  if (base === undefined) return undefined;
  const status = base.raw.status;
  if (typeof status !== "string" || !statuses.has(status)) {
    issue(`${at}.status`, "invalid_value", `one of sent, delivered, read, played, failed; got ${quote(status)}`);
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
  // One read per member, checked in place: every member is optional, so one of another type is an issue and left out.
  const { raw } = base;
  const plain = plainIsOwn(raw);
  for (let index = 0; index < statusChecks.length; index++) {
    const [key, text, holds] = statusChecks[index] as (typeof statusChecks)[number];
    const value = raw[key];
    if (value === undefined || !(plain || Object.hasOwn(raw, key))) continue;
    const checked = (text ? typeof value === "string" : holds(value))
      ? value
      : conform(value, statusShape.optional[key], `${at}.${key}`, issue);
    if (checked !== undefined) (event as Record<string, unknown>)[key] = checked;
  }
  return event;
}
