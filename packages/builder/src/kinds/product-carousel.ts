import { objectArgument } from "../builders/arguments.js";
import { ProductCarouselBuilder, type ProductIds } from "../builders/interactive/carousel.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { addressingKey } from "../builders/message-base.js";
import { carouselInteractiveRules } from "../rules/quick/interactive-carousel.generated.js";
import type { KindHost } from "./host.js";

/** A carousel of 2 to 10 products: `.productCarousel(…)` on a recipient of `createMsg({ productCarousel })`, as on `msg.to(n)`. */
export function productCarousel<Body extends string, const P extends readonly string[]>(
  this: KindHost,
  body: BodyText<Body>,
  products: { readonly catalogId: string; readonly products: ProductIds<P> },
): ProductCarouselBuilder {
  const { catalogId, products: ids } = objectArgument(products, "productCarousel", ["catalogId", "products"]);
  return new ProductCarouselBuilder(this[addressingKey], carouselInteractiveRules, bodyPart(body), {
    catalogId,
    products: Array.isArray(ids) ? [...ids] : [], // a copy: a later change by the caller does not leak in
  });
}
