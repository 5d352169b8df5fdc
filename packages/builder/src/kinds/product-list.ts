import { objectArgument } from "../builders/arguments.js";
import { type BodyText, bodyPart, type HeaderText, headerPart, withHeader } from "../builders/interactive/parts.js";
import { ProductListBuilder } from "../builders/interactive/product-list.js";
import { addressingKey } from "../builders/message-base.js";
import { productListInteractiveRules } from "../rules/quick/interactive-product-list.generated.js";
import type { KindHost } from "./host.js";

/** Catalog products in sections: `.productList(…)` on a recipient of `createMsg({ productList })`, as on `msg.to(n)`. */
export function productList<Header extends string, Body extends string>(
  this: KindHost,
  options: { readonly header: HeaderText<Header>; readonly body: BodyText<Body>; readonly catalogId: string },
): ProductListBuilder {
  const { header, body, catalogId } = objectArgument(options, "productList", ["header", "body", "catalogId"]);
  return new ProductListBuilder(this[addressingKey], productListInteractiveRules, withHeader(bodyPart(body), headerPart(header)), {
    catalogId,
    sections: [],
  });
}
