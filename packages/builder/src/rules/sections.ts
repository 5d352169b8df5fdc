import { limits } from "../limits.js";
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
import { products, productsAcross, type SectionEntries, titledSections } from "./section-refinements.js";
import { uniqueAcross } from "./unique.js";

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
  if (items === "rows") refine.push(uniqueAcross("row ids", ["id"], items));
  const section = object({
    title: optional(string(title)),
    [items]: required(array(item, { min: total.min, max: Number.POSITIVE_INFINITY, noun: total.noun })),
  });
  return array(section, { ...count, noun: "section", refine });
}

const anyString = string();

/** The sections of products of a product list, and of a template's multi-product (`mpm`) button [V23, OA §7.5]. */
export const productSections = sections(
  "product_items",
  object({ product_retailer_id: required(anyString) }),
  products,
  limits.productList.sectionTitle,
  limits.productList.sections,
  productsAcross,
);
