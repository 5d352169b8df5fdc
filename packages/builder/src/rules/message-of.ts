import { envelopeFields, envelopeIgnored, groupsTakeSomeKinds, individualRecipient, someRecipient } from "./envelope.js";
import { show } from "./report.js";
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

const isKind = (key: string): boolean => (kinds as readonly string[]).includes(key);

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
        unknown: (key) => (isKind(key) ? `not allowed when type is ${show(kind)}` : "not a field of a message body"),
        ignored: envelopeIgnored,
        refine: envelopeRefinements,
      },
    );
    made.set(content, rule);
  }
  return rule;
}

/**
 * One message kind's rules as a builder needs them: the rule of the object `type` names (what
 * explain() reads when a build fails) and the kind's quick test, compiled ahead of time from
 * the same table (rules/quick/, written by `pnpm gen`). Each builder imports its own kind's.
 */
export interface KindRules<K extends Kind = Kind> {
  readonly type: K;
  readonly content: Rule;
  /**
   * True exactly when explain(messageOf(type, content)) reports no error on `body`; with
   * `fromBuilder`, for a body a builder assembled (see rules/quick-source.ts).
   */
  readonly test: (body: unknown, fromBuilder?: boolean) => boolean;
}
