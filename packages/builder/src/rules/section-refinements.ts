import { productListLimits } from "../limits.js";
import { explainCount } from "./explain-leaf.js";
import type { TestedRefinement } from "./rule.js";

// The rules across sections, apart from the sections' table (sections.ts): the generated list, product-list and
// template checks import them by name, so a template send carries these and not the section rules they refine.

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

export const products: SectionEntries = { ...productListLimits.products, noun: "product" };
/** At most 30 products across a product list's sections. */
export const productsAcross = entriesAcross("product_items", products);
