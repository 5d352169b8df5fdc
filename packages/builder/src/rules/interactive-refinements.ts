import { listLimits } from "../limits.js";
import { exactlyOneOf } from "./common-refinements.js";
import { absent, isObject, type JsonObject, show } from "./report.js";
import type { TestedRefinement } from "./rule.js";
import { entriesAcross, type SectionEntries } from "./section-refinements.js";

// The interactive rules' refinements, apart from their table (interactive.ts, carousel.ts): the
// generated interactive checks and explanations (rules/quick/interactive-*.generated.ts) import
// them by name, so an interactive send carries these and not the tables that hold them.

export const listRows: SectionEntries = { ...listLimits.rows, noun: "row" };
/** At most 10 rows across a list's sections. */
export const rowsAcross = entriesAcross("rows", listRows);

/** A flow is named by its id or its name, one of them [§13.3]. */
export const flowIdOrName = exactlyOneOf("flow_id", "flow_name");

/** `flow_action_payload` goes only with `navigate` (the default action). */
export const payloadOnlyWhenNavigating: TestedRefinement = {
  passes: (parameters) => parameters.flow_action !== "data_exchange" || absent(parameters.flow_action_payload),
  explain(parameters, report) {
    if (parameters.flow_action === "data_exchange" && !absent(parameters.flow_action_payload))
      report.add("flow_action_payload", "unknown_field", "only allowed when flow_action is navigate");
  },
};

/** A media card's action: a URL button or quick replies, one of them [M-MC]. */
export const linkOrReplies = exactlyOneOf("parameters", "buttons");

const kindOf = (card: unknown): string => {
  if (!isObject(card)) return "";
  const action = isObject(card.action) ? card.action : {};
  if (card.type === "product") return `product:${String(action.catalog_id)}`;
  return Array.isArray(action.buttons) ? `quick replies:${action.buttons.length}` : "url button";
};

/** Every card the same: one catalog for product cards, the same button kind and count for media cards [M-MC, M-PC]. */
export const sameCards: TestedRefinement<readonly unknown[]> = {
  passes(list) {
    const first = kindOf(list[0]);
    for (let i = 1; i < list.length; i++) if (kindOf(list[i]) !== first) return false;
    for (let i = 1; i < list.length; i++)
      for (let j = 0; j < i; j++) if ((list[i] as JsonObject).card_index === (list[j] as JsonObject).card_index) return false;
    return true;
  },
  explain(list, report) {
    const first = kindOf(list[0]);
    const indexes = new Set<unknown>();
    list.forEach((card, index) => {
      if (!isObject(card)) return;
      report.enter(index);
      if (index > 0 && kindOf(card) !== first)
        report.add(undefined, "conflict", `every card must be like the first (${first}), got ${kindOf(card)}`);
      if (indexes.has(card.card_index)) report.add("card_index", "duplicate", `card_index ${show(card.card_index)} is used twice`);
      indexes.add(card.card_index);
      report.leave();
    });
  },
};
