import type { limits } from "../../limits.js";
import { productListInteractiveRules } from "../../rules/quick/interactive-product-list.generated.js";
import type { MaxLength } from "../../type-checks.js";
import type { InteractiveMessage, ProductListInteractive, ProductSection } from "../../wire/index.js";
import { arrayArgument } from "../arguments.js";
import { type Addressing, MessageBase } from "../message-base.js";
import { type FooterText, type Parts, renderInteractive, withFooter } from "./parts.js";

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const partsKey: unique symbol = Symbol();
const catalogIdKey: unique symbol = Symbol();
const sectionsKey: unique symbol = Symbol();

type SectionTitle<T extends string> = MaxLength<T, typeof limits.productList.sectionTitle.max, "interactive.action.sections.title">;

interface Section {
  readonly title: string | undefined;
  readonly productRetailerIds: readonly string[];
}

/**
 * Several products from one catalog, in 1 to 10 sections of at least one product each,
 * at most 30 in total; a text header is required.
 *
 * @example
 * msg.to(n).productList({ header: "Our picks", body: "Hand-picked for you", catalogId: "3670" })
 *   .section("Shoes", ["sku-1", "sku-2"]).section("Hats", ["sku-9"]).build();
 */
export class ProductListBuilder extends MessageBase<InteractiveMessage<ProductListInteractive>> {
  declare private readonly [partsKey]: Parts;
  declare private readonly [catalogIdKey]: string;
  declare private readonly [sectionsKey]: readonly Section[];

  /** @internal */
  constructor(addressing: Addressing, parts: Parts, catalogId: string, sections: readonly Section[] = []) {
    super(addressing, productListInteractiveRules);
    this[partsKey] = parts;
    this[catalogIdKey] = catalogId;
    this[sectionsKey] = sections;
  }

  /** Footer text, at most 60 characters. */
  footer<F extends string>(text: FooterText<F>): ProductListBuilder {
    return new ProductListBuilder(this.addressing, withFooter(this[partsKey], text), this[catalogIdKey], this[sectionsKey]);
  }

  /** A section of products by retailer id; the title (≤ 24 characters) is required once there is more than one section. */
  section<Title extends string>(title: SectionTitle<Title> | undefined, productRetailerIds: readonly string[]): ProductListBuilder {
    const section = { title, productRetailerIds: arrayArgument(productRetailerIds, "interactive.action.sections product ids") };
    return new ProductListBuilder(this.addressing, this[partsKey], this[catalogIdKey], [...this[sectionsKey], section]);
  }

  protected withAddressing(addressing: Addressing): this {
    return new ProductListBuilder(addressing, this[partsKey], this[catalogIdKey], this[sectionsKey]) as this; // same class
  }

  protected render(): ProductListInteractive {
    const sections = this[sectionsKey].map(({ title, productRetailerIds }): ProductSection => {
      const items = productRetailerIds.map((id) => ({ product_retailer_id: id }));
      return title === undefined ? { product_items: items } : { title, product_items: items };
    });
    return renderInteractive<ProductListInteractive>("product_list", this[partsKey], { catalog_id: this[catalogIdKey], sections });
  }
}
