import { limits } from "../limits.js";
import { explainCount } from "./explain-leaf.js";
import {
  type ArrayRule,
  array,
  type ObjectRule,
  object,
  optional,
  type Refinement,
  required,
  string,
  type TestedRefinement,
} from "./rule.js";
import { unique } from "./unique.js";

/** A count of entries across sections: at least `min` in each, at most `max` in all. */
export interface SectionEntries {
  readonly min: number;
  readonly max: number;
  readonly noun: string;
}

/** Every section has a title when there is more than one [resolution §13.5]. */
export const titledSections: TestedRefinement<readonly unknown[]> = {
  passes(list) {
    if (list.length < 2) return true;
    for (const section of list) if (typeof (section as Record<string, unknown>).title !== "string") return false;
    return true;
  },
  explain(list, report) {
    if (list.length < 2) return;
    list.forEach((section, index) => {
      if (
        typeof section === "object" &&
        section !== null &&
        !Array.isArray(section) &&
        (section as Record<string, unknown>).title == null
      ) {
        report.enter(index);
        report.add("title", "required", "is required");
        report.leave();
      }
    });
  },
};

/**
 * At most `total.max` entries (`items` of each section) across all sections. Each use is a
 * named export, so the generated checks import it by name rather than reach into the table.
 */
export function entriesAcross(items: string, total: SectionEntries): TestedRefinement<readonly unknown[]> {
  const entriesOf = (list: readonly unknown[]): number => {
    let entries = 0;
    for (const section of list) {
      const inner = typeof section === "object" && section !== null ? (section as Record<string, unknown>)[items] : undefined;
      if (Array.isArray(inner)) entries += inner.length;
    }
    return entries;
  };
  return {
    passes: (list) => entriesOf(list) <= total.max,
    explain(list, report) {
      const entries = entriesOf(list);
      if (entries > total.max) explainCount(report, entries, undefined, total, " across all sections");
    },
  };
}

/**
 * Sections of lists and product lists [S; resolution §13.5]: titled when there is more than
 * one, each with at least one entry, entries counted across all sections (`across`, made by
 * `entriesAcross(items, total)`).
 */
export function sections(
  items: string,
  item: ObjectRule,
  total: SectionEntries,
  title: { readonly max: number },
  count: { readonly min: number; readonly max: number },
  across: TestedRefinement<readonly unknown[]>,
): ArrayRule {
  const refine: Refinement<readonly unknown[]>[] = [titledSections, across];
  if (items === "rows") refine.push(unique("row ids", ["id"], items));
  const section = object({
    title: optional(string(title)),
    [items]: required(array(item, { min: total.min, max: Number.POSITIVE_INFINITY, noun: total.noun })),
  });
  return array(section, { ...count, noun: "section", refine });
}

const anyString = string();

export const products: SectionEntries = { ...limits.productList.products, noun: "product" };
/** At most 30 products across a product list's sections. */
export const productsAcross = entriesAcross("product_items", products);

/** The sections of products of a product list, and of a template's multi-product (`mpm`) button [V23, OA §7.5]. */
export const productSections = sections(
  "product_items",
  object({ product_retailer_id: required(anyString) }),
  products,
  limits.productList.sectionTitle,
  limits.productList.sections,
  productsAcross,
);
