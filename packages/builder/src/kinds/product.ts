import { objectArgument } from "../messages/arguments.js";
import { type BodyText, bodyPart } from "../messages/interactive/parts.js";
import { ProductBuilder } from "../messages/interactive/product.js";
import type { KindHost } from "./host.js";

/** One catalog product: `.product(…)` on a recipient of `createMsg({ product })`, as on `msg.to(n)`. */
export function product<Body extends string>(
  this: KindHost,
  item: { readonly catalogId: string; readonly productRetailerId: string },
  body?: BodyText<Body>,
): ProductBuilder {
  const { catalogId, productRetailerId } = objectArgument(item, "product");
  return new ProductBuilder(this.envelope, bodyPart(body), { catalogId, productRetailerId });
}
