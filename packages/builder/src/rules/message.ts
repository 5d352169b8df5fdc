import { contacts } from "./contacts.js";
import { interactive } from "./interactive.js";
import { location } from "./location.js";
import { audio, document, image, sticker, video } from "./media.js";
import { type Kind, kinds, messageOf } from "./message-of.js";
import { pin } from "./pin.js";
import { reaction } from "./reaction.js";
import type { ObjectRule } from "./rule.js";
import { union } from "./rule.js";
import { template } from "./template.js";
import { text } from "./text.js";

export { type Kind, kinds } from "./message-of.js";

/** The object named by each documented `type` [S §1]. */
export const contents = { text, reaction, image, video, document, audio, sticker, location, contacts, interactive, template, pin } as const;

/** One rule per message kind (validate() reads them all; a builder asks messageOf for its own). */
export const messages: { readonly [K in Kind]: ObjectRule } = Object.fromEntries(
  kinds.map((kind) => [kind, messageOf(kind, contents[kind])]),
) as {
  readonly [K in Kind]: ObjectRule;
};

/** Any message body, by its `type`; the API reads an absent `type` as text. */
export const message = union("type", messages, {
  default: "text",
  expected: (got) => `unknown message type ${got}; expected one of ${kinds.join(", ")}`,
});
