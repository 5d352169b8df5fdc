import { limits } from "../limits.js";
import { explainCount } from "./explain.js";
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

/**
 * Sections of lists and product lists [S; resolution §13.5]: titled when there is more than
 * one, each with at least one entry, entries counted across all sections.
 */
export function sections(
  items: string,
  item: ObjectRule,
  total: { readonly min: number; readonly max: number; readonly noun: string },
  title: { readonly max: number },
  count: { readonly min: number; readonly max: number },
): ArrayRule {
  const titled: TestedRefinement<readonly unknown[]> = {
    doc: "every section has a `title` when there is more than one",
    schema: {
      if: { minItems: 2 },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
      then: { items: { required: ["title"], properties: { title: { type: "string" } } } },
    },
    test(list) {
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
  const entriesOf = (list: readonly unknown[]): number => {
    let entries = 0;
    for (const section of list) {
      const inner = typeof section === "object" && section !== null ? (section as Record<string, unknown>)[items] : undefined;
      if (Array.isArray(inner)) entries += inner.length;
    }
    return entries;
  };
  const totalRule: TestedRefinement<readonly unknown[]> = {
    doc: `at most ${total.max} ${total.noun}s across all sections`,
    test: (list) => entriesOf(list) <= total.max,
    explain(list, report) {
      const entries = entriesOf(list);
      if (entries > total.max) explainCount(report, entries, undefined, total, " across all sections");
    },
  };
  const refine: Refinement<readonly unknown[]>[] = [titled, totalRule];
  if (items === "rows") refine.push(unique("row ids", ["id"], items));
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
  { ...limits.productList.products, noun: "product" },
  limits.productList.sectionTitle,
  limits.productList.sections,
);
