import { objectArgument } from "../builders/arguments.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { ProductBuilder } from "../builders/interactive/product.js";
import { addressingKey } from "../builders/message-base.js";
import { productInteractiveRules } from "../rules/quick/interactive-product.generated.js";
import type { KindHost } from "./host.js";

/** One catalog product: `.product(…)` on a recipient of `createMsg({ product })`, as on `msg.to(n)`. */
export function product<Body extends string>(
  this: KindHost,
  item: { readonly catalogId: string; readonly productRetailerId: string },
  body?: BodyText<Body>,
): ProductBuilder {
  const { catalogId, productRetailerId } = objectArgument(item, "product", ["catalogId", "productRetailerId"]);
  return new ProductBuilder(this[addressingKey], productInteractiveRules, bodyPart(body), { catalogId, productRetailerId });
}
