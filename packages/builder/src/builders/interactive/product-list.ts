import type { limits } from "../../limits.js";
import type { MaxLength } from "../../type-checks.js";
import type { ProductListInteractive, ProductSection } from "../../wire/index.js";
import { arrayArgument } from "../arguments.js";
import { addressingKey } from "../message-base.js";
import { partsKey, stateKey, WithFooter } from "./interactive-base.js";
import { renderInteractive } from "./parts.js";

type SectionTitle<T extends string> = MaxLength<T, typeof limits.productList.sectionTitle.max, "interactive.action.sections.title">;

interface Section {
  readonly title: string | undefined;
  readonly productRetailerIds: readonly string[];
}

/** The products as the builder holds them: their catalog, and the sections so far. */
interface ProductList {
  readonly catalogId: string;
  readonly sections: readonly Section[];
}

/**
 * Several products from one catalog, in 1 to 10 sections of at least one product each,
 * at most 30 in total; a text header is required.
 *
 * @example
 * msg.to(n).productList({ header: "Our picks", body: "Hand-picked for you", catalogId: "3670" })
 *   .section("Shoes", ["sku-1", "sku-2"]).section("Hats", ["sku-9"]).build();
 */
export class ProductListBuilder extends WithFooter<ProductListInteractive, ProductList> {
  /** A section of products by retailer id; the title (≤ 24 characters) is required once there is more than one section. */
  section<Title extends string>(title: SectionTitle<Title> | undefined, productRetailerIds: readonly string[]): ProductListBuilder {
    const section = { title, productRetailerIds: arrayArgument(productRetailerIds, "interactive.action.sections product ids") };
    const productList = { catalogId: this[stateKey].catalogId, sections: [...this[stateKey].sections, section] };
    return new ProductListBuilder(this[addressingKey], this.rules, this[partsKey], productList);
  }

  protected render(): ProductListInteractive {
    const sections = this[stateKey].sections.map(({ title, productRetailerIds }): ProductSection => {
      const items = productRetailerIds.map((id) => ({ product_retailer_id: id }));
      return title === undefined ? { product_items: items } : { title, product_items: items };
    });
    return renderInteractive<ProductListInteractive>("product_list", this[partsKey], { catalog_id: this[stateKey].catalogId, sections });
  }
}
