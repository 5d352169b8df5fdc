import { contacts } from "./contacts.js";
import { envelopeFields, groupsTakeSomeKinds, individualRecipient, someRecipient } from "./envelope.js";
import { interactive } from "./interactive.js";
import { is, type Test } from "./is.js";
import { location } from "./location.js";
import { audio, document, image, sticker, video } from "./media.js";
import { reaction } from "./reaction.js";
import { type JsonObject, show } from "./report.js";
import { type ObjectRule, object, oneOf, type Rule, required, union } from "./rule.js";
import { template } from "./template.js";
import { text } from "./text.js";

/** The object named by each documented `type` [S §1]. */
const contents = { text, reaction, image, video, document, audio, sticker, location, contacts, interactive, template } as const;

export type Kind = keyof typeof contents;
export const kinds = Object.keys(contents) as Kind[];

/** A message body of one kind: the envelope, `type`, and the object `type` names. */
function messageOf(kind: Kind): ObjectRule {
  return object(
    { ...envelopeFields, type: { rule: oneOf([kind]) }, [kind]: required(contents[kind] as Rule, `is required when type is "${kind}"`) },
    {
      unknown: (key) => (Object.hasOwn(contents, key) ? `not allowed when type is ${show(kind)}` : "not a field of a message body"),
      refine: [someRecipient, individualRecipient, groupsTakeSomeKinds],
    },
  );
}

/** One rule per message kind, for builders that know their kind. */
export const messages: { readonly [K in Kind]: ObjectRule } = Object.fromEntries(kinds.map((kind) => [kind, messageOf(kind)])) as {
  readonly [K in Kind]: ObjectRule;
};

/** Any message body, by its `type`; the API reads an absent `type` as text. */
export const message = union("type", messages, {
  default: "text",
  expected: (got) => `unknown message type ${got}; expected one of ${kinds.join(", ")}`,
});

/** Compiled on first use, so that importing the table (validate() alone) compiles nothing. */
let tests: {
  readonly content: { readonly [K in Kind]: Test };
  readonly to: Test;
  readonly recipient: Test;
  readonly context: Test;
  readonly callbackData: Test;
  readonly identityKeyHash: Test;
};
const compileTests = (): typeof tests => ({
  content: Object.fromEntries(kinds.map((kind) => [kind, is(contents[kind])])) as { readonly [K in Kind]: Test },
  to: is(envelopeFields.to.rule),
  recipient: is(envelopeFields.recipient.rule),
  context: is(envelopeFields.context.rule),
  callbackData: is(envelopeFields.biz_opaque_callback_data.rule),
  identityKeyHash: is(envelopeFields.recipient_identity_key_hash.rule),
});

/**
 * The test a builder runs on a body it assembled: true exactly when is(messages[kind]) is.
 * A builder writes `messaging_product`, `recipient_type`, `type` and the key of its kind
 * itself, so only its values are tested, each with the table's compiled rule, and the rules
 * across the envelope's fields: no walk over its keys. build-verdict.test.ts holds it to validate().
 */
export function builtMessagePasses(kind: Kind, body: JsonObject): boolean {
  tests ??= compileTests();
  const { to, recipient, context, biz_opaque_callback_data: callbackData, recipient_identity_key_hash: identityKeyHash } = body;
  return (
    (to === undefined || tests.to(to)) &&
    (recipient === undefined || tests.recipient(recipient)) &&
    someRecipient.test(body) &&
    individualRecipient.test(body) &&
    groupsTakeSomeKinds.test(body) &&
    (context === undefined || tests.context(context)) &&
    (callbackData === undefined || tests.callbackData(callbackData)) &&
    (identityKeyHash === undefined || tests.identityKeyHash(identityKeyHash)) &&
    tests.content[kind](body[kind])
  );
}
