import { type MessagesValue, webhookPayload } from "../src/index.js";

// Webhook payloads shaped as Meta documents them [inbound.md §1; Meta's webhook reference pages M3–M20].
// One per inbound message type and status, and a batch of several entries, changes and elements.

export const metadata = { display_phone_number: "15550001111", phone_number_id: "106540352242922" };
export const contact = { profile: { name: "Ana" }, wa_id: "16505551234", user_id: "US.13491208655302741918" };

/** A `messages` change holding `value`, in one entry, as Meta sends one update. */
export const envelope = (value: Omit<MessagesValue, "metadata">, wabaId = "102290129340398") =>
  webhookPayload(wabaId, { metadata, ...value });

const base = { from: "16505551234", id: "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdBRkY", timestamp: "1767225600" };
const media = { mime_type: "image/jpeg", sha256: "aGVsbG8=", id: "1003383421387256" };
/** The user's interactive answer to the business's message `repliedTo`. */
const interactiveReply = (repliedTo: string, interactive: Record<string, unknown>) => ({
  ...base,
  type: "interactive",
  context: { from: "15550001111", id: repliedTo },
  interactive,
});

/** One inbound message per type, with what the parsed event must show. */
export const inbound: Readonly<Record<string, Record<string, unknown>>> = {
  text: { ...base, type: "text", text: { body: "Olá, café às 9? ana@example.com" } },
  image: { ...base, type: "image", image: { ...media, caption: "receipt" } },
  video: { ...base, type: "video", video: { ...media, mime_type: "video/mp4" } },
  audio: { ...base, type: "audio", audio: { ...media, mime_type: "audio/ogg; codecs=opus", voice: true } },
  document: { ...base, type: "document", document: { ...media, mime_type: "application/pdf", filename: "invoice.pdf" } },
  sticker: { ...base, type: "sticker", sticker: { ...media, mime_type: "image/webp", animated: false } },
  location: { ...base, type: "location", location: { latitude: 38.7223, longitude: -9.1393, name: "Lisboa", address: "Praça" } },
  contacts: {
    ...base,
    type: "contacts",
    contacts: [{ name: { formatted_name: "Rui Costa", first_name: "Rui" }, phones: [{ phone: "+351 912 345 678", type: "CELL" }] }],
  },
  button_reply: interactiveReply("wamid.SENT1", { type: "button_reply", button_reply: { id: "slot~mon~9", title: "Mon 9:00" } }),
  list_reply: interactiveReply("wamid.SENT2", {
    type: "list_reply",
    list_reply: { id: "size-m", title: "Medium", description: "chest 96–101 cm" },
  }),
  nfm_reply: interactiveReply("wamid.FLOW1", {
    type: "nfm_reply",
    nfm_reply: { name: "flow", body: "Sent", response_json: '{"flow_token":"tok-1","size":"M"}' },
  }),
  nfm_reply_without_token: interactiveReply("wamid.FLOW2", {
    type: "nfm_reply",
    nfm_reply: { name: "flow", body: "Sent", response_json: '{"rating":"5"}' },
  }),
  address_message: {
    ...base,
    type: "interactive",
    interactive: { type: "address_message", address_message: { values: { city: "Lisboa" } } },
  },
  button: { ...base, type: "button", context: { from: "15550001111", id: "wamid.TPL1" }, button: { payload: "stop", text: "Stop" } },
  reaction: { ...base, type: "reaction", reaction: { message_id: "wamid.SENT1", emoji: "👍" } },
  reaction_removed: { ...base, type: "reaction", reaction: { message_id: "wamid.SENT1" } },
  order: {
    ...base,
    type: "order",
    order: {
      catalog_id: "194836987003835",
      text: "for Friday",
      product_items: [{ product_retailer_id: "di9ozbzfi4", quantity: 2, item_price: 30, currency: "EUR" }],
    },
  },
  system: {
    from: "16505551234",
    id: "wamid.SYS",
    timestamp: "1767225600",
    type: "system",
    system: { body: "User A changed from 16505551234 to 16505559999", wa_id: "16505559999", type: "user_changed_number" },
  },
  referral: {
    ...base,
    type: "text",
    text: { body: "I saw your ad" },
    referral: { source_url: "https://fb.me/ad", source_id: "120", source_type: "ad", headline: "Sale", ctwa_clid: "ARAk" },
  },
  request_welcome: { ...base, type: "request_welcome" },
  unsupported: {
    ...base,
    type: "unsupported",
    unsupported: { type: "poll_update" },
    errors: [{ code: 131051, title: "Message type unknown", error_data: { details: "Message type is currently not supported." } }],
  },
  username_only: {
    from_user_id: "US.13491208655302741918",
    id: "wamid.BSUID",
    timestamp: "1767225600",
    type: "text",
    text: { body: "hi" },
  },
  made_up: { ...base, type: "hologram", hologram: { frames: 3 } },
};

const status = { id: "wamid.SENT1", timestamp: "1767225660", recipient_id: "16505551234" };
export const statuses: Readonly<Record<string, Record<string, unknown>>> = {
  sent: {
    ...status,
    status: "sent",
    biz_opaque_callback_data: "order~42",
    conversation: { id: "c1", expiration_timestamp: "1767312000", origin: { type: "service" } },
    pricing: { billable: true, pricing_model: "PMP", category: "service", type: "free_customer_service" },
  },
  delivered: { ...status, status: "delivered", timestamp: "1767225661" },
  read: { ...status, status: "read", timestamp: "1767225662" },
  played: { ...status, status: "played", timestamp: "1767225663" },
  failed: {
    ...status,
    id: "wamid.SENT9",
    status: "failed",
    errors: [{ code: 131047, title: "Re-engagement message", error_data: { details: "More than 24 hours have passed" } }],
  },
  to_bsuid: { id: "wamid.SENT3", timestamp: "1767225660", status: "delivered", recipient_user_id: "US.13491208655302741918" },
};

/** A `messages` change as it stands in an entry's `changes[]`. */
const messagesChange = (value: Omit<MessagesValue, "metadata">) => ({
  field: "messages",
  value: { messaging_product: "whatsapp", metadata, ...value },
});

/** Three entries (two WABAs), four changes, messages, statuses and an error: 9 events in all. */
export const batch = {
  object: "whatsapp_business_account",
  entry: [
    {
      id: "102290129340398",
      changes: [
        messagesChange({
          contacts: [contact, { profile: { name: "Bo" }, wa_id: "447700900123" }],
          messages: [inbound.text, { ...inbound.text, id: "wamid.B", from: "447700900123", text: { body: "second" } }],
        }),
        messagesChange({ statuses: [statuses.sent, statuses.delivered, statuses.read] }),
      ],
    },
    {
      id: "102290129340398",
      changes: [messagesChange({ errors: [{ code: 130429, title: "Rate limit hit", message: "(#130429) Rate limit hit" }] })],
    },
    {
      id: "999",
      changes: [
        // A field without a typed reader: an `other` event with its value.
        { field: "account_alerts", value: { entity_type: "WABA", alert_severity: "INFORMATIONAL", alert_type: "OBA_APPROVED" } },
        messagesChange({ messages: [inbound.reaction, inbound.request_welcome] }),
      ],
    },
  ],
};
