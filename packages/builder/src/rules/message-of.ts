import { envelopeFields, groupsTakeSomeKinds, individualRecipient, someRecipient } from "./envelope.js";
import { is, type Test } from "./is.js";
import { type JsonObject, show } from "./report.js";
import { type ObjectRule, object, oneOf, type Refinement, type Rule, required } from "./rule.js";

/** The documented message kinds [S §1]: the key of the object each `type` names. */
export const kinds = [
  "text",
  "reaction",
  "image",
  "video",
  "document",
  "audio",
  "sticker",
  "location",
  "contacts",
  "interactive",
  "template",
] as const;
export type Kind = (typeof kinds)[number];

const isKind = (key: string): boolean => (kinds as readonly string[]).includes(key);

/** The rules across the envelope's fields, which every message kind shares. */
const envelopeRefinements: readonly Refinement[] = [someRecipient, individualRecipient, groupsTakeSomeKinds];

const made = new WeakMap<Rule, ObjectRule>();

/**
 * A message body of one kind: the envelope, `type`, and the object `type` names, with `content` as its rule. Each
 * builder asks for its own kind only, so a program that sends text bundles no other kind's rules. Made once per content rule.
 */
export function messageOf(kind: Kind, content: Rule): ObjectRule {
  let rule = made.get(content);
  if (rule === undefined) {
    rule = object(
      { ...envelopeFields, type: { rule: oneOf([kind]) }, [kind]: required(content, `is required when type is "${kind}"`) },
      {
        unknown: (key) => (isKind(key) ? `not allowed when type is ${show(kind)}` : "not a field of a message body"),
        refine: envelopeRefinements,
      },
    );
    made.set(content, rule);
  }
  return rule;
}

const contentTests: { [K in Kind]?: Test } = {};

/** The envelope's field tests, compiled on first use (importing the table compiles nothing). */
let envelopeTests:
  | { readonly to: Test; readonly recipient: Test; readonly context: Test; readonly callbackData: Test; readonly identityKeyHash: Test }
  | undefined;

/**
 * The test a builder runs on a body it assembled: true exactly when is(messageOf(kind, content)) is.
 * A builder writes `messaging_product`, `recipient_type`, `type` and the key of its kind
 * itself, so only its values are tested, each with the table's compiled rule, and the rules
 * across the envelope's fields: no walk over its keys. build-verdict.test.ts holds it to validate().
 */
export function builtMessagePasses(kind: Kind, content: Rule, body: JsonObject): boolean {
  envelopeTests ??= {
    to: is(envelopeFields.to.rule),
    recipient: is(envelopeFields.recipient.rule),
    context: is(envelopeFields.context.rule),
    callbackData: is(envelopeFields.biz_opaque_callback_data.rule),
    identityKeyHash: is(envelopeFields.recipient_identity_key_hash.rule),
  };
  const tests = envelopeTests;
  const { to, recipient, context, biz_opaque_callback_data: callbackData, recipient_identity_key_hash: identityKeyHash } = body;
  if (
    !(
      (to === undefined || tests.to(to)) &&
      (recipient === undefined || tests.recipient(recipient)) &&
      (context === undefined || tests.context(context)) &&
      (callbackData === undefined || tests.callbackData(callbackData)) &&
      (identityKeyHash === undefined || tests.identityKeyHash(identityKeyHash))
    )
  )
    return false;
  for (let i = 0; i < envelopeRefinements.length; i++) if (!(envelopeRefinements[i] as Refinement).test(body)) return false;
  // Each kind has one content rule (the table's), so its compiled test is kept by kind: a property read, not a WeakMap look-up per build.
  let test = contentTests[kind];
  if (test === undefined) {
    test = is(content);
    contentTests[kind] = test;
  }
  return test(body[kind]);
}
