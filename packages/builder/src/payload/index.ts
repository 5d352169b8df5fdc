import type { ContactsMessage } from "./contacts.js";
import type { InteractiveMessage } from "./interactive.js";
import type { LocationMessage } from "./location.js";
import type { MarkReadRequest } from "./mark-read.js";
import type { MediaMessage } from "./media.js";
import type { PinMessage } from "./pin.js";
import type { ReactionMessage } from "./reaction.js";
import type { TemplateMessage } from "./template.js";
import type { TextMessage } from "./text.js";

export type * from "./contacts.js";
export type * from "./envelope.js";
export type * from "./interactive.js";
export type * from "./location.js";
export type * from "./mark-read.js";
export type * from "./media.js";
export type * from "./pin.js";
export type * from "./reaction.js";
export type * from "./template.js";
export type * from "./text.js";

/** Every message body the builder produces, discriminated by `type`. */
export type Message =
  | TextMessage
  | ReactionMessage
  | MediaMessage
  | LocationMessage
  | ContactsMessage
  | InteractiveMessage
  | TemplateMessage
  | PinMessage;
export type MessageType = Message["type"];

/** Everything that can be POSTed to `/{version}/{phone-number-id}/messages`. */
export type RequestBody = Message | MarkReadRequest;
