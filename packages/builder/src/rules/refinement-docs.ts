import { templateLimits } from "../limits.js";
import { idOrLink } from "./common-refinements.js";
import { namedPart, nameParts } from "./contact-refinements.js";
import { singleEmoji } from "./emoji.js";
import { groupKinds, groupsTakeSomeKinds, individualRecipient, expected as recipientForm, someRecipient } from "./envelope-refinements.js";
import { flowIdOrName, linkOrReplies, listRows, payloadOnlyWhenNavigating, rowsAcross, sameCards } from "./interactive-refinements.js";
import { daysOnlyWhenPinning } from "./pin-refinements.js";
import type { CustomRule, Refinement } from "./rule.js";
import { products, productsAcross, type SectionEntries, titledSections } from "./section-refinements.js";
import * as template from "./template-refinements.js";

// The sentence the docs (docs/limits.md, the schema's descriptions) give each rule across fields and each custom
// rule. Kept apart from the table, as refinement-schemas.ts is, so that validate() and the sends do not carry the
// docs' words. A rule with no sentence here fails the docs' generation (docOf), never passes silently.

const exactlyOne = (first: string, second: string): string => `exactly one of \`${first}\` or \`${second}\``;
const across = (total: SectionEntries): string =>
  `at most ${total.max} ${total.noun}s across all sections (the JSON Schema holds each section to it; the total is validate()'s)`;

const docs = new Map<Refinement<never> | CustomRule, string>([
  [idOrLink as Refinement<never>, exactlyOne("id", "link")],
  [flowIdOrName as Refinement<never>, exactlyOne("flow_id", "flow_name")],
  [linkOrReplies as Refinement<never>, exactlyOne("parameters", "buttons")],
  [rowsAcross as Refinement<never>, across(listRows)],
  [productsAcross as Refinement<never>, across(products)],
  [titledSections as Refinement<never>, "every section has a `title` when there is more than one"],
  [
    namedPart as Refinement<never>,
    `\`name\` has \`formatted_name\` and at least one of ${nameParts.map((part) => `\`${part}\``).join(", ")}`,
  ],
  [
    individualRecipient as Refinement<never>,
    `\`to\` (unless \`recipient_type\` is \`group\`): ${recipientForm}; with separators it needs the \`+\`, and \`00\` is not a prefix (§15)`,
  ],
  [
    someRecipient as Refinement<never>,
    "`to` or `recipient` (a business-scoped user id), or both (`to` wins); a group takes `to` and no `recipient`",
  ],
  [
    groupsTakeSomeKinds as Refinement<never>,
    `a group (\`recipient_type: "group"\`) receives only ${groupKinds.join(", ")}; \`pin\` goes to a group only`,
  ],
  [payloadOnlyWhenNavigating as Refinement<never>, "`flow_action_payload` only when `flow_action` is `navigate` (the default)"],
  [sameCards as Refinement<never>, "cards are alike: the same kind, the same button kind and count, one catalog; `card_index` unique"],
  [daysOnlyWhenPinning as Refinement<never>, "`expiration_days` only when `type` is `pin`"],
  [singleEmoji, 'exactly one emoji (skin tones, flags and ZWJ sequences count as one), or `""` to remove the reaction'],
  [template.namedOrPositional as Refinement<never>, "parameters are all named (`parameter_name`) or all positional"],
  [
    template.indexAndCount as Refinement<never>,
    "`index` on every button but `voice_call`; one parameter per button, up to two (`ttl_minutes`, `payload`) on `voice_call`",
  ],
  [
    template.parameterFitsButton as Refinement<never>,
    "a button's parameter type fits its `sub_type`: quick_reply → payload, url → text, copy_code → coupon_code, flow and catalog → action",
  ],
  [template.buttonIndex, `the button's position, ${template.firstIndex} to ${template.lastIndex}, as a string ("0") or an integer; unique`],
  [template.uniqueCardIndex as Refinement<never>, "`card_index` unique across cards"],
  [template.expirationMs, "Unix time in milliseconds; a value that looks like seconds is an error"],
  [
    template.componentsOnce as Refinement<never>,
    "at most one `header` and one `body` component; button indexes unique; at most one `copy_code` button",
  ],
  [
    template.bodyTextWhenNotAlone as Refinement<never>,
    `body text parameters at most ${templateLimits.bodyText.max} characters, or ${templateLimits.bodyText.maxWhenOnlyComponent} when the body is the only component`,
  ],
]);

/**
 * The docs' sentence for a rule across fields or a custom rule. A uniqueness rule says it in its own data (what must
 * not repeat); any other must have its sentence above: one without is an error, so no reader documents it as nothing.
 */
export function docOf(rule: Refinement<never> | CustomRule): string {
  if ("unique" in rule) return `${rule.unique.what} are unique${rule.unique.nested === undefined ? "" : " across all sections"}`;
  const doc = docs.get(rule);
  if (doc === undefined) throw new Error("refinement-docs.ts: a rule across fields or a custom rule has no sentence for the docs");
  return doc;
}
