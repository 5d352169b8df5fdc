import { envelopeFields, envelopeIgnored, groupsTakeSomeKinds, individualRecipient, someRecipient } from "./envelope.js";
import { type JsonObject, type Report, show } from "./report.js";
import { type ObjectRule, object, oneOf, type Refinement, type Rule, required } from "./rule.js";

/** The documented message kinds [S §1], and `pin` (groups, api-2026.md §3): the key of the object each `type` names. */
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
  "pin",
] as const;
export type Kind = (typeof kinds)[number];

/** The rules across the envelope's fields, which every message kind shares. */
export const envelopeRefinements: readonly Refinement[] = [someRecipient, individualRecipient, groupsTakeSomeKinds];

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
        unknown: { keys: kinds, message: `not allowed when type is ${show(kind)}`, otherwise: "not a field of a message body" },
        ignored: envelopeIgnored,
        refine: envelopeRefinements,
      },
    );
    made.set(content, rule);
  }
  return rule;
}

/**
 * One message kind's rules as a builder needs them, compiled ahead of time from the table
 * (rules/quick/, written by `pnpm gen`): the builder path's yes/no check and, for a body it says
 * no to, its explanation. Both read a body a builder assembled only: they leave out what a builder
 * cannot get wrong (the keys of the objects it makes, the fields it writes from constants; see
 * rules/quick-source/checks.ts), so a send carries neither the key tables nor their messages.
 * Each builder imports its own kind's, and neither reaches the table.
 */
export interface KindRules<K extends Kind = Kind> {
  readonly type: K;
  /** True exactly when explain(messageOf(type, content)) reports no error on `body`, a body a builder assembled. */
  readonly passes: (body: unknown) => boolean;
  /** Reports exactly explain(messageOf(type, content))'s issues on a body a builder assembled (its wire form). */
  readonly explain: (body: JsonObject, report: Report) => void;
}

/** One message kind's rules for any body (`textRulesForAnyBody`): what KindRules are for a builder's body, and the tests hold to explain(). */
export interface AnyBodyRules<K extends Kind = Kind> {
  readonly type: K;
  /**
   * True exactly when explain(messageOf(type, content)) reports no error on `body`; with
   * `fromBuilder`, for a body a builder assembled (see rules/quick-source/checks.ts).
   */
  readonly passes: (body: unknown, fromBuilder?: boolean) => boolean;
  /** Reports exactly explain(messageOf(type, content))'s issues on a body (its wire form, an object). */
  readonly explain: (body: JsonObject, report: Report) => void;
}
