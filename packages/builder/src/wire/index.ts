// The wire types: every *.generated.ts is written from the rule table by `pnpm gen` (scripts/wire-types.mjs), with
// the names and comments rules/wire-types.ts gives them.
import type { ContactsMessage } from "./contacts.generated.js";
import type { InteractiveMessage } from "./interactive.generated.js";
import type { LocationMessage } from "./location.generated.js";
import type { MarkReadRequest } from "./mark-read.generated.js";
import type { MediaMessage } from "./media.generated.js";
import type { PinMessage } from "./pin.generated.js";
import type { ReactionMessage } from "./reaction.generated.js";
import type { TemplateMessage } from "./template.generated.js";
import type { TextMessage } from "./text.generated.js";

export type * from "./contacts.generated.js";
export type * from "./envelope.generated.js";
export type * from "./interactive.generated.js";
export type * from "./location.generated.js";
export type * from "./mark-read.generated.js";
export type * from "./media.generated.js";
export type * from "./pin.generated.js";
export type * from "./reaction.generated.js";
export type * from "./template.generated.js";
export type * from "./text.generated.js";

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
